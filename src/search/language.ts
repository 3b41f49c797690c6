import { tokenize } from "./normalize.js";
import { ENGLISH_CUES, ENGLISH_FUNCTION_WORDS, GERMAN_CUES, GERMAN_FUNCTION_WORDS } from "./stopwords.js";

export type Language = "de" | "en";
/**
 * What the question is written in; `other` is a script the bot does not read (Cyrillic, CJK, …),
 * `unknown` a text with no sign of either language (a bare name, a number).
 */
export type DetectedLanguage = Language | "other" | "unknown";

// Words that are function words in both lists tell nothing; the rest are evidence.
const GERMAN_WORDS = new Set([...GERMAN_FUNCTION_WORDS, ...GERMAN_CUES]);
const ENGLISH_WORDS = new Set([...ENGLISH_FUNCTION_WORDS, ...ENGLISH_CUES]);
const GERMAN_ONLY = new Set([...GERMAN_WORDS].filter((word) => !ENGLISH_WORDS.has(word)));
const ENGLISH_ONLY = new Set([...ENGLISH_WORDS].filter((word) => !GERMAN_WORDS.has(word)));

const GERMAN_LETTERS = /[äöüßÄÖÜẞ]/;
// Spelling habits that English words rarely show.
const GERMAN_SHAPES = /(?:sch|ung|keit|heit|ae|oe|ue|tz|ei)(?:en|e|s|n)?$|^(?:ge|ver|be|zu|ab|an|auf)\w{4,}/;
// Letter clusters inside a word that English spelling almost never has: they carry German
// compounds no list holds ("Gletscherschmelze", "Wasserknappheit"). "sch" only after a letter,
// since English has "school" and "scheme".
const GERMAN_CLUSTERS = /\p{L}sch|cht|tz|pf/u;
// Plurals too: "deportations" is as English as "deportation".
const ENGLISH_SHAPES = /(?:(?:tion|ing|ness|ship)s?|th|ly|ed|ies|w)$|^(?:th|wh|w)/;
const LATIN_LETTER = /\p{Script=Latin}/u;
const OTHER_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * Guesses German or English from a short question. Function words decide when present; letters
 * and word shapes break ties; a tie with evidence goes to English, as the conventions ask.
 */
export function detectLanguage(text: string, lexicon?: LanguageLexicon): DetectedLanguage {
  const letters = [...text].filter((char) => /\p{L}/u.test(char));
  const latin = letters.filter((char) => LATIN_LETTER.test(char)).length;
  const other = letters.filter((char) => OTHER_LETTER.test(char)).length;
  if (other > latin) return "other";

  let german = GERMAN_LETTERS.test(text) ? 1.5 : 0;
  let english = 0;
  for (const token of tokenize(text)) {
    if (GERMAN_ONLY.has(token)) german += 2;
    else if (ENGLISH_ONLY.has(token)) english += 2;
    else if (lexicon?.has(token)) {
      // The knowledge's own German and English texts know what "Sanktionen" or "readmission" are.
      const lean = lexicon.get(token) as number;
      if (lean > 0) german += lean;
      else english -= lean;
    } else if (token.length > 3) {
      if (GERMAN_SHAPES.test(token)) german += 0.5;
      if (GERMAN_CLUSTERS.test(token)) german += 0.5;
      if (lexicon && (isGermanCompound(token, lexicon) || isPartOfGermanWords(token, lexicon))) german += 1;
      if (ENGLISH_SHAPES.test(token)) english += 0.5;
    }
  }
  if (german === english) return german === 0 ? "unknown" : "en";
  return german > english ? "de" : "en";
}

/** Parts shorter than this are too often words of both languages ("hand", "land"). */
const MIN_COMPOUND_PART = 5;
/** A part must lean this far to German in the knowledge's texts to count. */
const GERMAN_LEAN = 0.5;

/**
 * A word the texts never use that begins or ends with one they use only in German:
 * "Wasserknappheit", "Rücknahmeabkommen". German writes compounds as one word; English does not.
 */
function isGermanCompound(token: string, lexicon: LanguageLexicon): boolean {
  if (token.length < 2 * MIN_COMPOUND_PART) return false;
  for (let cut = MIN_COMPOUND_PART; cut <= token.length - MIN_COMPOUND_PART; cut++) {
    if ((lexicon.get(token.slice(0, cut)) ?? 0) >= GERMAN_LEAN) return true;
    if ((lexicon.get(token.slice(cut)) ?? 0) >= GERMAN_LEAN) return true;
  }
  return false;
}

/** The knowledge's German-leaning and English-leaning words, each set in one string to search. */
const wordsByLean = new WeakMap<LanguageLexicon, { readonly german: string; readonly english: string }>();

/**
 * A word the texts never use alone that lives inside words they use only in German, and inside
 * none they use in English: "Kanzler" (in "Bundeskanzler"), short domain nouns without umlauts
 * that no spelling rule tells from English.
 */
function isPartOfGermanWords(token: string, lexicon: LanguageLexicon): boolean {
  if (token.length < MIN_COMPOUND_PART) return false;
  let words = wordsByLean.get(lexicon);
  if (!words) {
    const german: string[] = [];
    const english: string[] = [];
    for (const [word, lean] of lexicon) {
      if (lean >= GERMAN_LEAN) german.push(word);
      else if (lean <= -GERMAN_LEAN) english.push(word);
    }
    words = { german: `\n${german.join("\n")}\n`, english: `\n${english.join("\n")}\n` };
    wordsByLean.set(lexicon, words);
  }
  return words.german.includes(token) && !words.english.includes(token);
}

/** Folded word → how German it is in the knowledge's texts, from −1 (only English) to 1 (only German). */
export type LanguageLexicon = ReadonlyMap<string, number>;

/** Words seen at most this often are too rare to trust; words in both languages cancel out. */
const LEXICON_MIN_COUNT = 1;

export function buildLanguageLexicon(
  texts: Iterable<{ readonly de: string; readonly en: string }>,
): LanguageLexicon {
  const counts = new Map<string, { de: number; en: number }>();
  for (const { de, en } of texts) {
    for (const [language, text] of [
      ["de", de],
      ["en", en],
    ] as const) {
      for (const token of new Set(tokenize(text))) {
        const count = counts.get(token) ?? { de: 0, en: 0 };
        count[language] += 1;
        counts.set(token, count);
      }
    }
  }
  const lexicon = new Map<string, number>();
  for (const [token, { de, en }] of counts) {
    if (de + en >= LEXICON_MIN_COUNT && token.length > 2 && !/\d/.test(token))
      lexicon.set(token, (de - en) / (de + en));
  }
  return lexicon;
}
