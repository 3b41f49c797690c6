/**
 * Groups the questions the bot could not answer, so that moderators see "asked 12 times in 5
 * wordings" instead of 12 rows. Deliberately independent of the search engine's analyzer: that one
 * is tuned for ranking and changes with it, while grouping only needs a stable, simple notion of
 * "the same question". Only the folding of text is shared with it.
 */

import { foldText } from "../search/normalize.js";

/**
 * Function words and chat filler in English and German, folded as `normalizeQuestion` folds.
 * Question words that change what is asked (who/when/where/why, wer/wann/wo/warum) are kept:
 * "who signed" and "when was it signed" are different gaps in the knowledge.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if of to in on at by for from with about into over under after before since until
  is are was were be been being has have had do does did will would shall should can could may might
  must it its they them their there this that these those i you he she we us our your his her me my not
  no yes what which how whats hows any some all each every also too very just only please thanks thank
  hi hello hey tell say know explain anything something someone anyone dont doesnt didnt isnt wasnt
  im ive youre okay ok pls plz question questions answer bot
  der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn weil dass ob
  wenn als wie was welche welcher welches welchen welchem ist sind war waren wird werden wurde wurden
  worden hat haben hatte hatten habe gibt gab geben es er sie wir ihr ich du man mich mir dich dir ihn
  ihm uns euch nicht kein keine keinen auch noch schon nur sehr mit von vom zu zum zur im in an am auf aus
  bei beim fuer ueber unter nach vor seit bis durch gegen ohne um zwischen dabei dazu davon damit dort
  hier jetzt denn mal eigentlich etwa bitte danke hallo kann koennen konnte koennte muss soll sollte
  will moechte darf sag erzaehl erklaer weiss weisst kennst jemand etwas alles alle diese dieser dieses
  diesen so also dann ja nein genau frage antwort`.split(/\s+/),
);

/**
 * Two words count as the same when one is a prefix of the other and the shorter has at least this
 * many letters: "kyrgyz"/"kyrgyzstan", "agreement"/"agreements", "migration"/"migrationsabkommen".
 * Five keeps short words ("deal", "gas") from matching everything that starts like them.
 */
const MIN_PREFIX_MATCH = 5;

/** Questions whose word sets overlap at least this much (Jaccard) are one group. */
export const SIMILARITY_THRESHOLD = 0.6;

/**
 * Lowercase, umlauts folded (ä → ae, ö → oe, ü → ue, ß → ss; other accents dropped), punctuation
 * and stopwords removed, then the sorted set of the remaining words joined by spaces. Questions
 * with the same normal form are the same question, whatever their case, order or punctuation.
 */
export function normalizeQuestion(text: string): string {
  return [...new Set(questionWords(text))].sort().join(" ");
}

/**
 * What identifies a question when grouping: its normal form, or for a question of stopwords only
 * ("hi?"), which has no words to compare, its own text (marked so it never equals a normal form).
 */
export function questionForm(text: string): string {
  const form = normalizeQuestion(text);
  return form === "" ? `\u0000${text.trim().toLowerCase()}` : form;
}

function questionWords(text: string): string[] {
  // "what's" and "don't" are one word each, as the stopword list spells them.
  const folded = foldText(text).replace(/['’`´]/g, "");
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "" && !STOPWORDS.has(word));
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= MIN_PREFIX_MATCH && longer.startsWith(shorter);
}

/**
 * Jaccard similarity of two word sets, where words that `wordsMatch` count as one: each word of
 * the smaller set is paired with at most one word of the other.
 */
export function questionSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const paired = new Set<number>();
  for (const word of small) {
    const index = large.findIndex((other, position) => !paired.has(position) && wordsMatch(word, other));
    if (index >= 0) paired.add(index);
  }
  return paired.size / (a.length + b.length - paired.size);
}

/** The keys under which a word is indexed: two words that `wordsMatch` always share one. */
function candidateKey(word: string): string {
  return word.slice(0, MIN_PREFIX_MATCH);
}

export interface GroupableQuestion {
  readonly text: string;
}

export interface QuestionGroup<T extends GroupableQuestion> {
  /** The normal form the group was started with (its most frequent wording's); "" for no words. */
  readonly key: string;
  readonly members: T[];
}

/**
 * Groups questions greedily: normal forms, most frequent first, each join the group whose
 * first (most frequent) form is most similar, if at least `SIMILARITY_THRESHOLD`, or start one.
 * Comparing with the group's first form rather than any member keeps a chain of small rewordings
 * from drifting into one group of unrelated questions. Deterministic for the same input.
 */
export function groupSimilarQuestions<T extends GroupableQuestion>(
  questions: readonly T[],
): QuestionGroup<T>[] {
  const byForm = new Map<string, T[]>();
  for (const question of questions) {
    const key = questionForm(question.text);
    const members = byForm.get(key);
    if (members) members.push(question);
    else byForm.set(key, [question]);
  }
  const forms = [...byForm.entries()].sort(
    ([formA, membersA], [formB, membersB]) =>
      membersB.length - membersA.length || (formA < formB ? -1 : formA > formB ? 1 : 0),
  );

  const groups: { key: string; words: string[]; members: T[] }[] = [];
  // Jaccard ≥ 0.6 needs at least one matching word, so only groups sharing a key are compared.
  const groupsByKey = new Map<string, number[]>();
  for (const [form, members] of forms) {
    const words = form.startsWith("\u0000") ? [] : form.split(" ");
    let best = -1;
    let bestSimilarity = SIMILARITY_THRESHOLD;
    const candidates = new Set(words.flatMap((word) => groupsByKey.get(candidateKey(word)) ?? []));
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const group = groups[index];
      if (!group) continue;
      const similarity = questionSimilarity(words, group.words);
      if (similarity >= bestSimilarity && (best < 0 || similarity > bestSimilarity)) {
        best = index;
        bestSimilarity = similarity;
      }
    }
    const joined = groups[best];
    if (joined) {
      joined.members.push(...members);
      continue;
    }
    groups.push({ key: form, words, members: [...members] });
    for (const word of words) {
      const key = candidateKey(word);
      const indexes = groupsByKey.get(key);
      if (indexes) indexes.push(groups.length - 1);
      else groupsByKey.set(key, [groups.length - 1]);
    }
  }
  return groups.map(({ key, members }) => ({ key: key.startsWith("\u0000") ? "" : key, members }));
}
