import { tokenize } from "./normalize.js";
import { stem } from "./stem.js";
import { isGreeting, isNoise } from "./stopwords.js";

/** A glossary concept stands in the index like a word, under a name no real word can have. */
export function conceptTerm(groupIndex: number): string {
  return `§${groupIndex}`;
}

/** One thing the question asks about: a word, or a glossary phrase spanning several words. */
export interface QueryUnit {
  /** The words as the user wrote them (folded), for highlighting and diagnostics. */
  readonly surface: string;
  /** The stemmed word; undefined for a glossary phrase, which matches through its concept only. */
  readonly term: string | undefined;
  readonly concepts: readonly string[];
  /** The unit is the last word of unfinished input: autocomplete matches it as a prefix. */
  readonly partial: boolean;
  /** The word is on the knowledge's out-of-scope list (weather, currency …), alone or in a phrase. */
  readonly outOfScope: boolean;
  /** The out-of-scope entry of several words it belongs to ("capital of"), stemmed. */
  readonly outOfScopePhrase?: readonly string[];
}

interface Phrase {
  readonly words: readonly string[];
  readonly concept: string;
}

/**
 * Turns text into search terms. The same analyzer reads the knowledge and the questions, so that
 * folding, stemming and the glossary apply identically on both sides.
 */
export class Analyzer {
  private readonly wordConcepts = new Map<string, string[]>();
  /** Multi-word glossary terms, by their first word, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** Every single-word glossary term, so fuzzy matching can find words no statement uses. */
  readonly glossaryWords: readonly string[];

  /** Out-of-scope entries as stemmed word sequences; never indexed, only looked for in questions. */
  private readonly outOfScope: readonly (readonly string[])[];
  /** Single capitalised out-of-scope words (folded), to recognise German compounds ending in them. */
  private readonly outOfScopeHeads: readonly string[];

  constructor(glossary: readonly (readonly string[])[], outOfScope: readonly string[] = []) {
    this.outOfScope = outOfScope
      .map((entry) => tokenize(entry).map(stem))
      .filter((words) => words.length > 0);
    // Only a capitalised entry, a German noun, heads compounds: English "sport" must not catch
    // "transport".
    this.outOfScopeHeads = outOfScope.flatMap((entry) => {
      const words = tokenize(entry);
      const capitalised = /^\p{Lu}/u.test(entry);
      return capitalised && words.length === 1 && (words[0] as string).length >= MIN_COMPOUND_HEAD
        ? words
        : [];
    });
    const glossaryWords = new Set<string>();
    glossary.forEach((group, groupIndex) => {
      const concept = conceptTerm(groupIndex);
      for (const entry of group) {
        const surfaces = tokenize(entry);
        const words = surfaces.map(stem);
        const first = words[0];
        if (first === undefined) continue;
        if (words.length === 1) {
          glossaryWords.add(first);
          this.addWordConcept(first, concept);
        } else {
          const list = this.phrases.get(first) ?? [];
          list.push({ words, concept });
          list.sort((a, b) => b.words.length - a.words.length);
          this.phrases.set(first, list);
          // Written as one word ("Ostausschuss", "globalgateway"), a phrase still means its concept.
          const joined = stem(surfaces.join(""));
          glossaryWords.add(joined);
          this.addWordConcept(joined, concept);
        }
      }
    });
    this.glossaryWords = [...glossaryWords];
  }

  private addWordConcept(word: string, concept: string): void {
    const concepts = this.wordConcepts.get(word) ?? [];
    if (!concepts.includes(concept)) concepts.push(concept);
    this.wordConcepts.set(word, concepts);
  }

  conceptsOf(term: string): readonly string[] {
    return this.wordConcepts.get(term) ?? [];
  }

  /** Index side: every meaningful word of the text, plus the concepts it mentions. */
  indexTerms(text: string): string[] {
    const surfaces = tokenize(text);
    const words = surfaces.map(stem);
    const terms: string[] = [];
    words.forEach((word, position) => {
      const phrase = this.phraseAt(words, position);
      if (phrase) terms.push(phrase.concept);
      if (!isNoise(surfaces[position] as string)) terms.push(word, ...this.conceptsOf(word));
    });
    return terms;
  }

  /** Whether a glossary phrase may start at this word: most words start none. */
  startsPhrase(word: string): boolean {
    return this.phrases.has(word);
  }

  /**
   * Query side: the units to look up. With `partialLast`, the last word is unfinished input
   * (autocomplete) unless the text ends in a space.
   */
  queryUnits(text: string, partialLast = false): QueryUnit[] {
    const surfaces = tokenize(text);
    const words = surfaces.map(stem);
    const lastIsPartial = partialLast && !/[\s\p{P}]$/u.test(text);
    const outOfScope = this.outOfScopePositions(surfaces, words);
    const units: QueryUnit[] = [];
    for (let position = 0; position < words.length; ) {
      const phrase = this.phraseAt(words, position);
      if (phrase) {
        const end = position + phrase.words.length;
        units.push({
          surface: surfaces.slice(position, end).join(" "),
          term: undefined,
          concepts: [phrase.concept],
          partial: false,
          ...scopeOf(outOfScope, position),
        });
        position = end;
        continue;
      }
      const word = words[position] as string;
      const surface = surfaces[position] as string;
      const partial = lastIsPartial && position === words.length - 1;
      // An unfinished word is kept even when it looks like a stopword: "wh" may become "Wheat".
      if ((!isNoise(surface) && !isGreeting(surface, surfaces[position - 1])) || partial) {
        units.push({
          surface,
          term: partial ? surface : word,
          concepts: this.conceptsOf(word),
          partial,
          ...scopeOf(outOfScope, position),
        });
      }
      position += 1;
    }
    return units;
  }

  /**
   * The words that belong to an out-of-scope entry found in the text, by position, each with its
   * entry when that is a phrase of several words.
   */
  private outOfScopePositions(
    surfaces: readonly string[],
    words: readonly string[],
  ): Map<number, readonly string[] | undefined> {
    const positions = new Map<number, readonly string[] | undefined>();
    for (let start = 0; start < words.length; start++) {
      for (const entry of this.outOfScope) {
        if (startsAt(words, start, entry)) {
          for (let offset = 0; offset < entry.length; offset++) {
            positions.set(start + offset, entry.length > 1 ? entry : positions.get(start + offset));
          }
        }
      }
      const surface = surfaces[start] as string;
      if (this.outOfScopeHeads.some((head) => isCompoundOf(surface, head)) && !positions.has(start)) {
        positions.set(start, undefined);
      }
    }
    return positions;
  }

  phraseAt(words: readonly string[], position: number): Phrase | undefined {
    const candidates = this.phrases.get(words[position] as string);
    return candidates?.find((phrase) => startsAt(words, position, phrase.words));
  }
}

/**
 * The shortest out-of-scope word that may end a German compound: "Wahlen" in "Bundestagswahlen".
 * Four letters end too many harmless words ("Lied" in "Familienmitglied").
 */
const MIN_COMPOUND_HEAD = 5;
/** A compound keeps at least this many letters before its head: "Auswahlen" are not elections. */
const MIN_COMPOUND_MODIFIER = 4;

/**
 * Whether the word is a German compound ending in the entry: a compound names a kind of its last
 * part, so "Bundestagswahl" is as far out of scope as "Wahl". Compared as written, not stemmed:
 * "Tagesprogramm" must not end in the stem of "programming".
 */
function isCompoundOf(word: string, head: string): boolean {
  return word.length >= head.length + MIN_COMPOUND_MODIFIER && word.endsWith(head);
}

function scopeOf(
  outOfScope: ReadonlyMap<number, readonly string[] | undefined>,
  position: number,
): Pick<QueryUnit, "outOfScope" | "outOfScopePhrase"> {
  const phrase = outOfScope.get(position);
  return phrase ? { outOfScope: true, outOfScopePhrase: phrase } : { outOfScope: outOfScope.has(position) };
}

/** Whether the phrase's words follow one another in `words` from `start` on. */
function startsAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  return phrase.every((word, offset) => words[start + offset] === word);
}

/** Whether the stemmed words hold the phrase, word after word. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (startsAt(words, start, phrase)) return true;
  }
  return false;
}
