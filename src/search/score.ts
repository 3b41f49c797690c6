import type { QueryUnit } from "./analyzer.js";
import { doubledLetters, MIN_FUZZY_LENGTH, neighbourSwaps } from "./fuzzy-vocabulary.js";
import type { SearchIndex } from "./search-index.js";
import { stem } from "./stem.js";
import { isMistypedNoise, isSearchedFunctionWord } from "./stopwords.js";
import {
  FULL_MATCH_FIELDS,
  LONG_WORD_PREFIX_LIMIT,
  MIN_DOUBLED_LENGTH,
  MIN_SPLIT_LENGTH,
  MIN_SWAP_LENGTH,
  PARTIAL_PREFIX_LIMIT,
  PREFIX_SIMILARITY,
  SWAP_SIMILARITY,
  spreadWeight,
} from "./tuning.js";

interface Alternative {
  readonly termId: number;
  readonly similarity: number;
}

/** A query unit with the vocabulary terms it may mean. */
export interface ResolvedUnit {
  readonly unit: QueryUnit;
  readonly alternatives: readonly Alternative[];
  /** How much the unit matters: the idf of its best meaning, or that of an unknown word. */
  readonly weight: number;
}

export interface ScoredStatement {
  readonly statementIndex: number;
  /** 0..1: the share of the best possible score (every unit matched exactly in a keyword). */
  readonly score: number;
  /** 0..1: the idf-weighted share of the question that this statement explains. */
  readonly coverage: number;
  /** Indices of the units that matched this statement. */
  readonly matchedUnits: readonly number[];
  /** 0..1: the share of the question one of the statement's example questions covers, once reranked. */
  readonly exampleCoverage?: number;
}

/** Looks each unit up: exact word, glossary concept, then prefixes and fuzzy neighbours. */
export function resolveUnits(index: SearchIndex, units: readonly QueryUnit[]): ResolvedUnit[] {
  return units.map((unit) => {
    const found = new Map<number, number>();
    const add = (termId: number | undefined, similarity: number): void => {
      if (termId === undefined || index.liveTerm[termId] !== 1) return;
      if ((found.get(termId) ?? 0) < similarity) found.set(termId, similarity);
      for (const concept of index.analyzer.conceptsOf(index.terms[termId] as string)) {
        const conceptId = index.termIds.get(concept);
        if (conceptId !== undefined && (found.get(conceptId) ?? 0) < similarity)
          found.set(conceptId, similarity);
      }
    };
    for (const concept of unit.concepts) add(index.termIds.get(concept), 1);
    const term = unit.term;
    if (term !== undefined) {
      const exact = index.termIds.get(term);
      add(exact, 1);
      if (unit.partial) {
        for (const termId of index.fuzzy.withPrefix(term, PARTIAL_PREFIX_LIMIT)) {
          add(
            termId,
            PREFIX_SIMILARITY +
              (1 - PREFIX_SIMILARITY) * (term.length / (index.terms[termId] as string).length),
          );
        }
      } else if (exact === undefined && !unit.outOfScope) {
        // An out-of-scope word is explained only by a statement that uses that very word:
        // "currency" must not pass as a typo of "current".
        addNearWords(index, term, add, unit.surface.length);
        addSwappedLetters(index, unit.surface, add);
        addDoubledLetters(index, unit.surface, add);
        // Stemming a misspelt word can cut it short ("condem" → "cond"): try it as typed too.
        if (found.size === 0 && unit.surface !== term) addNearWords(index, unit.surface, add);
      }
    }
    const alternatives = [...found].map(([termId, similarity]) => ({ termId, similarity }));
    // A mistyped stopword, or a cue like "schonmal" the knowledge happens not to use, says nothing
    // about whether the question is on topic.
    if (
      alternatives.length === 0 &&
      term !== undefined &&
      !unit.outOfScope &&
      (isMistypedNoise(unit.surface) || isSearchedFunctionWord(unit.surface))
    ) {
      return { unit, alternatives, weight: 0 };
    }
    const weight = alternatives.reduce(
      (best, alternative) =>
        Math.max(best, (index.idf[alternative.termId] as number) * alternative.similarity),
      0,
    );
    return { unit, alternatives, weight: alternatives.length > 0 ? weight : index.unknownIdf };
  });
}

/** For a word the vocabulary lacks: compounds and inflections sharing a long prefix, then typos. */
function addNearWords(
  index: SearchIndex,
  term: string,
  add: (termId: number | undefined, similarity: number) => void,
  typedLength = term.length,
) {
  if (term.length >= MIN_SPLIT_LENGTH) {
    for (const termId of index.fuzzy.withPrefix(term, LONG_WORD_PREFIX_LIMIT)) add(termId, PREFIX_SIMILARITY);
    // German compounds: "Migrationsabkommen" is about "Migration" …
    for (let length = term.length - 1; length >= MIN_SPLIT_LENGTH; length--) {
      const modifier = index.termIds.get(term.slice(0, length));
      if (modifier !== undefined) {
        add(modifier, PREFIX_SIMILARITY * (0.5 + (0.5 * length) / term.length));
        break;
      }
    }
    // … and "Zentralasienstrategie" is above all a "Strategie": the last part names the kind.
    for (let start = MIN_SPLIT_LENGTH - 1; term.length - start >= MIN_SPLIT_LENGTH; start++) {
      const head = index.termIds.get(stem(term.slice(start)));
      if (head !== undefined) {
        add(head, PREFIX_SIMILARITY * (0.5 + (0.5 * (term.length - start)) / term.length));
        break;
      }
    }
  }
  for (const match of index.fuzzy.similar(term, typedLength)) add(match.termId, match.similarity);
}

/**
 * Two neighbouring letters swapped ("mroe", "chnage", "presidnet"): each swap is looked up
 * directly, which also covers four-letter words, too short for fuzzy matching.
 */
function addSwappedLetters(
  index: SearchIndex,
  surface: string,
  add: (termId: number | undefined, similarity: number) => void,
) {
  if (surface.length < MIN_SWAP_LENGTH) return;
  const similarity = Math.max(SWAP_SIMILARITY, 1 - 1 / surface.length);
  // Not the last two letters: swapped there, a real word often stems to another ("bored" →
  // "borde" → "bord", as in "border").
  for (const swapped of neighbourSwaps(surface, 0, surface.length - 2)) {
    add(index.termIds.get(stem(swapped)), similarity);
  }
}

/** A doubled letter typed once ("wan", "imer"), in a word too short for fuzzy matching to see it. */
function addDoubledLetters(
  index: SearchIndex,
  surface: string,
  add: (termId: number | undefined, similarity: number) => void,
) {
  if (surface.length < MIN_DOUBLED_LENGTH || surface.length >= MIN_FUZZY_LENGTH) return;
  const similarity = Math.max(SWAP_SIMILARITY, 1 - 1 / (surface.length + 1));
  for (const doubled of doubledLetters(surface)) add(index.termIds.get(stem(doubled)), similarity);
}

/**
 * Scores statements through the inverted index: each unit adds its best meaning's weight in each
 * statement that contains it. Work is proportional to the postings touched, not to the knowledge.
 */
export function scoreStatements(
  index: SearchIndex,
  resolved: readonly ResolvedUnit[],
  limit: number,
): ScoredStatement[] {
  const statementCount = index.knowledge.statements.length;
  const totalWeight = resolved.reduce((sum, unit) => sum + unit.weight, 0);
  if (totalWeight === 0 || statementCount === 0) return [];

  const { score, explained, unitBest, unitSimilarity } = scratchFor(index);
  const matchedUnits = new Map<number, number[]>();
  const touched: number[] = [];

  resolved.forEach((unit, unitIndex) => {
    const unitTouched: number[] = [];
    const { start, statements, weights } = index.postings;
    for (const { termId, similarity } of unit.alternatives) {
      const idf = index.idf[termId] as number;
      const end = start[termId + 1] as number;
      for (let at = start[termId] as number; at < end; at++) {
        const statement = statements[at] as number;
        const value = similarity * idf * (weights[at] as number);
        if (unitBest[statement] === 0) unitTouched.push(statement);
        if (value > (unitBest[statement] as number)) unitBest[statement] = value;
        if (similarity > (unitSimilarity[statement] as number)) unitSimilarity[statement] = similarity;
      }
    }
    for (const statement of unitTouched) {
      if (score[statement] === 0) touched.push(statement);
      score[statement] = (score[statement] as number) + (unitBest[statement] as number);
      explained[statement] =
        (explained[statement] as number) + unit.weight * (unitSimilarity[statement] as number);
      const list = matchedUnits.get(statement);
      if (list) list.push(unitIndex);
      else matchedUnits.set(statement, [unitIndex]);
      unitBest[statement] = 0;
      unitSimilarity[statement] = 0;
    }
  });

  const maxScore = totalWeight * spreadWeight(index.maxFieldWeight, FULL_MATCH_FIELDS);
  const best = topStatements(touched, score, limit);
  const results = best.map((statementIndex) => ({
    statementIndex,
    score: Math.min(1, (score[statementIndex] as number) / maxScore),
    coverage: Math.min(1, (explained[statementIndex] as number) / totalWeight),
    matchedUnits: matchedUnits.get(statementIndex) ?? [],
  }));
  for (const statement of touched) {
    score[statement] = 0;
    explained[statement] = 0;
  }
  return results;
}

/** The `limit` best statements, best first, ties by position: no full sort of thousands of hits. */
function topStatements(touched: readonly number[], score: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) =>
    (score[a] as number) > (score[b] as number) || (score[a] === score[b] && a < b);
  const best: number[] = [];
  for (const statement of touched) {
    if (best.length === limit && !better(statement, best[limit - 1] as number)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(statement, best[at - 1] as number)) {
      best[at] = best[at - 1] as number;
      at--;
    }
    best[at] = statement;
  }
  return best;
}

interface Scratch {
  readonly score: Float64Array;
  readonly explained: Float64Array;
  readonly unitBest: Float64Array;
  readonly unitSimilarity: Float64Array;
}

/**
 * Per-statement accumulators, allocated once per index and left zeroed after every question:
 * allocating them per question made the garbage collector the slowest part at 10,000 statements.
 * Scoring is synchronous, so one set per index is never shared by two questions at once.
 */
const scratchByIndex = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    const size = index.knowledge.statements.length;
    scratch = {
      score: new Float64Array(size),
      explained: new Float64Array(size),
      unitBest: new Float64Array(size),
      unitSimilarity: new Float64Array(size),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}
