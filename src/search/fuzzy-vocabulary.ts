import Fuse from "fuse.js";

export interface FuzzyMatch {
  readonly termId: number;
  /** 0..1, 1 for an exact match. */
  readonly similarity: number;
}

/** Shorter words have too many one-letter neighbours ("dead" → deal, head, lead) to guess a typo. */
export const MIN_FUZZY_LENGTH = 5;
const MAX_CANDIDATES = 24;
const MIN_DICE = 0.25;
const MIN_SIMILARITY = 0.6;
const MAX_PREFIX_SCAN = 400;
const TERMS_PER_STEP = 5_000;

/**
 * Finds the words of the vocabulary that a misspelt or inflected word may mean. fuse.js scores
 * edit similarity well but costs time proportional to everything it scans, so a character-trigram
 * index first narrows tens of thousands of words to a couple of dozen, and only those reach fuse.js.
 */
export class FuzzyVocabulary {
  private readonly trigramPostings = new Map<string, number[]>();
  private readonly trigramCounts: Uint16Array;
  private readonly sharedCounts: Uint16Array;
  /** Term ids sorted by their text, for prefix look-ups. */
  private sorted = new Int32Array(0);

  private constructor(private readonly terms: readonly string[]) {
    this.trigramCounts = new Uint16Array(terms.length);
    this.sharedCounts = new Uint16Array(terms.length);
  }

  /**
   * Built in steps: at 10,000 statements the vocabulary holds some 50,000 words, a tenth of a
   * second of work that a running bot must be able to interrupt to answer questions.
   */
  static *build(
    terms: readonly string[],
    /** Only real words are fuzzy targets; concept names and the like are skipped. */
    isWord: (term: string, termId: number) => boolean,
  ): Generator<void, FuzzyVocabulary, void> {
    const vocabulary = new FuzzyVocabulary(terms);
    const wordIds: number[] = [];
    for (const [termId, term] of terms.entries()) {
      if (termId % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
      if (!isWord(term, termId)) continue;
      wordIds.push(termId);
      if (term.length < MIN_FUZZY_LENGTH - 1) continue;
      const grams = trigrams(term);
      vocabulary.trigramCounts[termId] = grams.length;
      for (const gram of grams) {
        const list = vocabulary.trigramPostings.get(gram);
        if (list) list.push(termId);
        else vocabulary.trigramPostings.set(gram, [termId]);
      }
    }
    yield;
    wordIds.sort((a, b) => ((terms[a] as string) < (terms[b] as string) ? -1 : 1));
    vocabulary.sorted = Int32Array.from(wordIds);
    return vocabulary;
  }

  /**
   * Words like `word`, best first, excluding an exact match. `typedLength` is the length of the
   * word as typed, before stemming: the number of slips to forgive depends on what was typed.
   */
  similar(word: string, typedLength = word.length): FuzzyMatch[] {
    if (word.length < MIN_FUZZY_LENGTH) return [];
    const grams = trigrams(word);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const termId of this.trigramPostings.get(gram) ?? []) {
        if (this.sharedCounts[termId] === 0) touched.push(termId);
        this.sharedCounts[termId] = (this.sharedCounts[termId] as number) + 1;
      }
    }
    const maxLengthGap = Math.max(2, Math.floor(word.length / 3));
    const shortlist: { termId: number; dice: number }[] = [];
    for (const termId of touched) {
      const shared = this.sharedCounts[termId] as number;
      this.sharedCounts[termId] = 0;
      const term = this.terms[termId] as string;
      if (term === word || Math.abs(term.length - word.length) > maxLengthGap) continue;
      const dice = (2 * shared) / (grams.length + (this.trigramCounts[termId] as number));
      if (dice >= MIN_DICE) shortlist.push({ termId, dice });
    }
    if (shortlist.length === 0) return [];
    shortlist.sort((a, b) => b.dice - a.dice);
    const candidates = shortlist.slice(0, MAX_CANDIDATES);
    const fuse = new Fuse(
      candidates.map((candidate) => this.terms[candidate.termId] as string),
      { includeScore: true, ignoreLocation: true, threshold: 1 - MIN_SIMILARITY, isCaseSensitive: true },
    );
    const allowed = allowedEdits(Math.max(word.length, typedLength));
    return fuse.search(word).flatMap((result) => {
      const termId = (candidates[result.refIndex] as { termId: number }).termId;
      const term = this.terms[termId] as string;
      const similarity = 1 - (result.score ?? 1);
      // fuse.js ranks well but forgives too much for short words ("waehrung" → "ernaehrung"):
      // a typo is a few edits at most, and people rarely mistype a word's first letter.
      if (similarity < MIN_SIMILARITY || term[0] !== word[0]) return [];
      const edits = editDistance(word, term, allowed);
      return edits > allowed
        ? []
        : [{ termId, similarity: Math.min(similarity, 1 - edits / Math.max(word.length, term.length)) }];
    });
  }

  /** Words that start with `prefix`, shortest first, at most `limit`. */
  withPrefix(prefix: string, limit: number): number[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[this.sorted[middle] as number] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let index = low; index < this.sorted.length && found.length < MAX_PREFIX_SCAN; index++) {
      const termId = this.sorted[index] as number;
      if (!(this.terms[termId] as string).startsWith(prefix)) break;
      found.push(termId);
    }
    found.sort((a, b) => (this.terms[a] as string).length - (this.terms[b] as string).length);
    return found.slice(0, limit);
  }
}

/**
 * The word with two neighbouring letters swapped, for each pair that starts at a position in
 * [from, to): the commonest slip ("mroe"), and one that character trigrams barely see.
 */
export function neighbourSwaps(word: string, from = 0, to = word.length - 1): string[] {
  const swaps: string[] = [];
  for (let at = from; at < to && at + 1 < word.length; at++) {
    if (word[at] === word[at + 1]) continue;
    swaps.push(`${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`);
  }
  return swaps;
}

/**
 * The word with one letter typed twice, for each letter: the slip of a doubled letter typed once
 * ("wan" for "wann"), in words too short for fuzzy matching to tell from other words.
 */
export function doubledLetters(word: string): string[] {
  const doubled: string[] = [];
  for (let at = 0; at < word.length; at++) {
    if (word[at] === word[at + 1]) continue;
    doubled.push(`${word.slice(0, at + 1)}${word[at]}${word.slice(at + 1)}`);
  }
  return doubled;
}

/** One typo in a short word, two in a longer one, three in a long compound. */
function allowedEdits(length: number): number {
  return length < 7 ? 1 : length < 11 ? 2 : 3;
}

/**
 * Optimal string alignment distance (Levenshtein plus transpositions: "mroe" → "more"), giving up
 * as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  return [...grams];
}
