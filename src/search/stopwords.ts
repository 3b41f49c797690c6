import { doubledLetters, editDistance, neighbourSwaps } from "./fuzzy-vocabulary.js";

/**
 * Words that say nothing about which statement answers a question. Stored folded (ä → ae,
 * ß → ss), as `foldText` produces them. The function-word lists double as the language detector's
 * evidence: they are the surest sign of a language in a short question.
 */

export const GERMAN_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn weil dass ob
  wenn als wie wer was wann wo wohin woher warum wieso weshalb welche welcher welches welchen welchem
  womit wofuer worueber worum wozu wieviel wieviele ist sind war waren wird werden wurde wurden worden
  hat haben hatte hatten habe gibt gab geben sein seine seiner seinen ihr ihre ihren ihrem ihres ich du er
  sie es wir uns euch man mich mir dich dir ihn ihm nicht kein keine keinen auch noch schon nur sehr mit
  von vom zu zum zur im in an am auf aus bei beim fuer ueber unter nach vor seit bis durch gegen ohne um
  zwischen waehrend dabei dazu darueber davon damit dort hier jetzt heute denn mal eigentlich etwa bitte
  danke hallo kann koennen konnte koennte muss muessen soll sollen sollte will wollen moechte darf duerfen
  gab gibts geht ging gemacht sagt sagte gesagt steht stand stehen erzaehl erklaer weiss weisst kennst
  sag nen ne jemand etwas alles alle allem allen jeder jede jedes diese dieser dieses diesen diesem jene
  so also dann eben halt ja nein genau wirklich ueberhaupt beim beide beiden bzw usw gabs sowas
  irgendwas irgendwie irgendwer hab habt gibt's nix nichts ganz noch nur einfach denn wohl eher bisschen
  bissl kein keiner waer waere wuerde wuerden wurde sei seien dass das hier dort da drueber drauf dran
  drin rein raus weiss wisst hat's ist's sich ham wars fuerne fuern fuers ins ums aufs`.split(/\s+/),
);

export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `the a an and or but because if whether when where who whom whose what which why how is are was were be
  been being has have had having do does did done doing will would shall should can could may might must
  it its it's they them their theirs there this that these those i you he she we us our your his her me
  my not no yes of to in on at by for from with about into over under after before since until through
  against without between during as than then so also too very just only any some all each every both
  either neither one ones please thanks thank hi hello hey tell told say said says know knows explain
  anything something someone anyone everyone happened happen get got give gave going went come came
  make made let lets let's like ok okay well really actually basically btw pls plz guys anybody whats
  what's whos who's dont don't didnt didn't doesnt doesn't isnt isn't wasnt wasn't gonna wanna gotta
  any anything else there's theres i'm im ive i've youre you're`.split(/\s+/),
);

/**
 * Words that are a sure sign of their language but still carry meaning ("schonmal", "before",
 * "more"): evidence for the detector, searched like any other word.
 */
export const GERMAN_CUES: ReadonlySet<string> = new Set(
  [
    "vorher nachher schonmal nochmal wieder viel viele mehr weniger zusammen gemeinsam",
    // The domain's everyday German nouns that no umlaut or spelling rule marks, asked alone
    // ("Kanzler?", "Gipfel"): the knowledge writes some only inside compounds ("Bundeskanzler").
    "kanzler kanzlerin gipfel gipfeltreffen treffen abkommen vereinbarung",
  ]
    .join(" ")
    .split(" "),
);
export const ENGLISH_CUES: ReadonlySet<string> = new Set(
  "more much many again ever still together".split(" "),
);

/**
 * Question words that say what kind of answer is wanted: "wann"/"when" points at dates, "wer"/"who"
 * at people. They are searched, with the weight their frequency gives them, not dropped.
 */
const INTENT_WORDS = new Set("wer wann wo wohin woher wieviel wieviele who when where".split(" "));

/** Chat filler in either language that the function-word lists do not cover. */
const FILLER =
  `frage fragen question questions answer antwort info infos information details detail wissen bot
  summitbot lol haha hmm uh um eh yo moin servus leute genau thx ty
  quick q sure guy guys folks somebody wondering wonder curious remind remember recall sorry idk tbh
  imo afaik lmao omg ah oh wait kinda sorta stuff thing things bit little exactly even yet though
  maybe perhaps probably mean means meant think thought guess heard hear read see seen look find found
  ding dinge sache sachen zeug good nice cool great awesome bad gute guten gutes toll super bored boring
  need want wanted talking anyways anyway cheers pretty quite out up off down kind kinds sort whole
  lot lots
  kurz kurze grad gerade mitbekommen gehoert gelesen gesehen meine meinst glaube glaub denke vielleicht
  ungefaehr sagen erzaehlen erklaeren jetz nem ner dat wat nich net ned echt krass digga
  bescheid ahnung irgendwo nochmals`.split(/\s+/);

export const STOPWORDS: ReadonlySet<string> = new Set(
  [...GERMAN_FUNCTION_WORDS, ...ENGLISH_FUNCTION_WORDS, ...FILLER].filter((word) => !INTENT_WORDS.has(word)),
);

const GREETINGS = new Set(
  "hallo hi hey moin servus hello yo huhu tach gruesst griass good gute guten".split(" "),
);
const GREETED = new Set(
  "zusammen alle all everyone everybody leute folks night morning evening afternoon nacht morgen abend tag".split(
    " ",
  ),
);

/** "zusammen" in "hallo zusammen" greets, as "Nacht" in "gute Nacht"; elsewhere they mean something. */
export function isGreeting(word: string, previousWord: string | undefined): boolean {
  return previousWord !== undefined && GREETINGS.has(previousWord) && GREETED.has(word);
}

/** Words searched for what they say of the question's language or intent, though not its subject. */
export function isSearchedFunctionWord(word: string): boolean {
  return INTENT_WORDS.has(word) || GERMAN_CUES.has(word) || ENGLISH_CUES.has(word);
}

/** Whether a folded word says nothing about the question: a stopword, or a stray letter ("what's" → "s"). */
export function isNoise(word: string): boolean {
  return word.length < 2 || STOPWORDS.has(word);
}

/**
 * Whether a word the knowledge lacks is a stopword mistyped ("gneau", "waht"): left as an unknown
 * word it would weigh as much as the rarest word and make an answerable question look off-topic.
 * A four-letter word counts only with two letters swapped: one letter off, it is as likely a real
 * word of its own ("live" is not "like").
 */
export function isMistypedNoise(word: string): boolean {
  // Three letters leave too little to tell a slip from a word, but for a doubled letter typed once
  // ("wan" for "wann", "sol" for "soll").
  if (word.length === SWAPPED_ONLY_LENGTH - 1)
    return doubledLetters(word).some((doubled) => STOPWORDS.has(doubled) || isSearchedFunctionWord(doubled));
  if (word.length < SWAPPED_ONLY_LENGTH) return false;
  // People rarely mistype a word's first letter: it stays in place.
  if (word.length === SWAPPED_ONLY_LENGTH)
    return neighbourSwaps(word, 1).some((swapped) => STOPWORDS.has(swapped));
  return TYPO_PRONE_STOPWORDS.some(
    (stopword) =>
      stopword[0] === word[0] &&
      Math.abs(stopword.length - word.length) <= 1 &&
      editDistance(word, stopword, 1) <= 1,
  );
}

const SWAPPED_ONLY_LENGTH = 4;
const TYPO_PRONE_STOPWORDS = [...STOPWORDS].filter((word) => word.length >= SWAPPED_ONLY_LENGTH);
