import { hash } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { KnowledgeSet, Statement } from "../knowledge/knowledge-set.js";
import { sourceNames } from "../knowledge/sources.js";
import { evenSample } from "../util/numbers.js";
import { grownInto } from "../util/typed-arrays.js";
import { Analyzer } from "./analyzer.js";
import { ExampleOwners } from "./example-match.js";
import { FuzzyVocabulary } from "./fuzzy-vocabulary.js";
import { IndexTermReader } from "./index-terms.js";
import { buildLanguageLexicon, type LanguageLexicon } from "./language.js";
import { type Postings, PostingsBuilder, postingCount } from "./postings.js";
import { FIELD_WEIGHTS, type IndexedFieldName, MAX_FIELD_WEIGHT, spreadWeight } from "./tuning.js";

/**
 * What of a statement is indexed, in the order its words are read. A field either holds text
 * (analysed with the statement) or names a topic or source (whose names are analysed once and
 * shared by every statement naming it). This one list drives both the build and the key that
 * tells a reload which statements it may reuse: a field added here is indexed and, when edited,
 * re-indexed. Weights are in `tuning.ts`.
 */
export const INDEXED_FIELDS: readonly IndexedField[] = [
  { name: "keywords", texts: (statement) => statement.keywords },
  { name: "questions", texts: (statement) => statement.questions },
  { name: "text", texts: (statement) => [statement.de, statement.en] },
  { name: "topic", names: "topic", texts: (statement) => [statement.topic] },
  { name: "source", names: "source", texts: (statement) => [statement.source] },
];

export interface IndexedField {
  readonly name: IndexedFieldName;
  /** The field's values in a statement: texts to analyse, or the one id it names. */
  readonly texts: (statement: Statement) => readonly string[];
  /** Set when the value is the id of a topic or source, whose names are what is indexed. */
  readonly names?: "topic" | "source";
}

/** Everything a question needs, computed once per knowledge version. Immutable once built. */
export interface SearchIndex {
  readonly knowledge: KnowledgeSet;
  readonly analyzer: Analyzer;
  /** A statement's position in `knowledge.statements`, by id. */
  readonly statementPositions: ReadonlyMap<string, number>;
  readonly termIds: ReadonlyMap<string, number>;
  readonly terms: readonly string[];
  /** Each term's statements, with the term's field weight in each. */
  readonly postings: Postings;
  readonly idf: Float64Array;
  /** Which words the knowledge uses in its German texts and which in its English ones. */
  readonly languageLexicon: LanguageLexicon;
  /** 1 for terms this version uses (or its glossary names); 0 for ones left from earlier versions. */
  readonly liveTerm: Uint8Array;
  /** What the build of the next version can reuse. */
  readonly buildMemory: BuildMemory;
  /** The idf a word that no statement contains would have: the weight of an unexplained word. */
  readonly unknownIdf: number;
  readonly maxFieldWeight: number;
  readonly fuzzy: FuzzyVocabulary;
  /** Each example question (by `exampleKey`), with the position of the one statement that has it. */
  readonly exampleOwners: ReadonlyMap<string, number>;
}

export function buildSearchIndex(knowledge: KnowledgeSet, previous?: SearchIndex): SearchIndex {
  const steps = buildSteps(knowledge, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the asynchronous build works before letting waiting questions through. */
const BUILD_SLICE_MS = 12;

/**
 * The same build, in slices: a running bot rebuilding a 10,000-statement index keeps answering
 * questions in between, from the version it had, instead of stalling for the whole build.
 */
export async function buildSearchIndexAsync(
  knowledge: KnowledgeSet,
  previous?: SearchIndex,
): Promise<SearchIndex> {
  const steps = buildSteps(knowledge, previous);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= BUILD_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** Statements analysed between two chances to yield. */
const STATEMENTS_PER_STEP = 50;

function* buildSteps(knowledge: KnowledgeSet, previous?: SearchIndex): Generator<void, SearchIndex, void> {
  const { glossary, outOfScope, topics, sources } = knowledge.document;
  const analyzer = new Analyzer(glossary, outOfScope);
  // A reload usually changes a few statements. What an unchanged statement contributed to the
  // previous index still holds if the glossary, topics and sources are the same and every term
  // keeps its id, so the previous vocabulary is carried over with it. Terms no statement uses any
  // more stay behind, unused; once they are many, the build starts afresh.
  const compatibility = JSON.stringify([glossary, outOfScope, topics, sources]);
  const memory = previous?.buildMemory;
  const reuse =
    previous !== undefined &&
    memory?.compatibility === compatibility &&
    memory.liveTerms >= previous.terms.length * REUSE_LIVE_SHARE;
  const termIds = reuse ? new Map(previous.termIds) : new Map<string, number>();
  const terms: string[] = reuse ? [...previous.terms] : [];
  const statementKeys: string[] = [];
  // Unchanged statements are found by digest, and their postings read back from the previous
  // index, turned statement by statement.
  const previousPositions = reuse
    ? new Map(memory.statementKeys.map((key, position) => [key, position]))
    : undefined;
  const previousByStatement = reuse ? byStatement(previous.postings, memory.statementKeys.length) : undefined;
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };

  const postingsBuilder = new PostingsBuilder();
  const collector = new TermWeightCollector();
  const reader = new IndexTermReader(analyzer, idOf);
  // Topics and sources repeat across statements: analyse each once.
  const termsOf = (text: string): number[] => {
    const termIds: number[] = [];
    reader.forEachTerm(text, (termId) => termIds.push(termId));
    return termIds;
  };
  const namedTerms = {
    topic: new Map(knowledge.topics.map((topic) => [topic.id, termsOf(`${topic.de} \n ${topic.en}`)])),
    source: new Map(knowledge.document.sources.map((source) => [source.id, termsOf(sourceNames(source))])),
  };
  const exampleOwners = new ExampleOwners();
  for (const [statementIndex, statement] of knowledge.statements.entries()) {
    if (statementIndex % STATEMENTS_PER_STEP === 0) yield;
    exampleOwners.add(statement, statementIndex);
    const key = contributionKey(statement);
    statementKeys.push(key);
    const before = previousPositions?.get(key);
    if (before !== undefined && previousByStatement) {
      const { start, terms: termsOfStatement, weights } = previousByStatement;
      const end = start[before + 1] as number;
      for (let at = start[before] as number; at < end; at++) {
        postingsBuilder.add(termsOfStatement[at] as number, statementIndex, weights[at] as number);
      }
      continue;
    }
    for (const field of INDEXED_FIELDS) {
      collector.startField(FIELD_WEIGHTS[field.name]);
      const texts = field.texts(statement);
      if (field.names === undefined) reader.forEachTerm(texts.join(" \n "), collector.visit);
      else for (const termId of namedTerms[field.names].get(texts[0] ?? "") ?? []) collector.visit(termId);
    }
    collector.drain((termId, weight) => postingsBuilder.add(termId, statementIndex, weight));
  }
  // Glossary words no statement uses still belong to the vocabulary: a typo of "Kirgistan" must
  // find the word, and through it the concept that statements do carry.
  for (const word of analyzer.glossaryWords) idOf(word);

  const statementCount = knowledge.statements.length;
  yield;
  const postings = postingsBuilder.build(terms.length);
  yield;
  const languageLexicon = buildLanguageLexicon(evenSample(knowledge.statements, LEXICON_SAMPLE));
  yield;
  const glossaryWords = new Set(analyzer.glossaryWords);
  const liveTerm = Uint8Array.from(terms, (term, termId) =>
    postingCount(postings, termId) > 0 || glossaryWords.has(term) ? 1 : 0,
  );
  const liveTerms = liveTerm.reduce((sum, flag) => sum + flag, 0);
  yield;
  // Typos are matched only to words the knowledge uses now, not to ones left from earlier versions.
  const fuzzy = yield* FuzzyVocabulary.build(
    terms,
    (term, termId) => !term.startsWith("§") && liveTerm[termId] === 1,
  );
  yield;
  const idf = Float64Array.from(terms, (_, termId) =>
    inverseFrequency(statementCount, postingCount(postings, termId)),
  );

  return Object.freeze({
    knowledge,
    analyzer,
    statementPositions: new Map(knowledge.statements.map((statement, position) => [statement.id, position])),
    termIds,
    terms,
    postings,
    idf,
    unknownIdf: inverseFrequency(statementCount, 0.5),
    maxFieldWeight: MAX_FIELD_WEIGHT,
    languageLexicon,
    exampleOwners: exampleOwners.build(),
    fuzzy,
    liveTerm,
    buildMemory: { compatibility, statementKeys, liveTerms },
  });
}

export interface BuildMemory {
  /** Glossary, out-of-scope list, topics and sources: what a reused statement depends on. */
  readonly compatibility: string;
  /** Each statement's `contributionKey`, by position. */
  readonly statementKeys: readonly string[];
  readonly liveTerms: number;
}

/** The postings turned around: for each statement, its terms and their weights. */
function byStatement(postings: Postings, statementCount: number) {
  const start = new Int32Array(statementCount + 1);
  for (const statement of postings.statements) start[statement + 1] = (start[statement + 1] as number) + 1;
  for (let statement = 0; statement < statementCount; statement++) {
    start[statement + 1] = (start[statement + 1] as number) + (start[statement] as number);
  }
  const next = start.slice(0, statementCount);
  const terms = new Int32Array(postings.statements.length);
  const weights = new Float32Array(postings.statements.length);
  for (let termId = 0; termId + 1 < postings.start.length; termId++) {
    const end = postings.start[termId + 1] as number;
    for (let at = postings.start[termId] as number; at < end; at++) {
      const statement = postings.statements[at] as number;
      const slot = next[statement] as number;
      next[statement] = slot + 1;
      terms[slot] = termId;
      weights[slot] = postings.weights[at] as number;
    }
  }
  return { start, terms, weights };
}

/** Below this share of terms still in use, a build starts with a fresh vocabulary. */
const REUSE_LIVE_SHARE = 0.8;

/**
 * A digest of everything of a statement that decides its postings: a short key keeps what an
 * index remembers of 10,000 statements small.
 */
export function contributionKey(statement: Statement): string {
  const content = INDEXED_FIELDS.flatMap((field) => [...field.texts(statement), "\u0000"]);
  return hash("sha1", content.join("\u0001"), "base64");
}

/** The lexicon needs the knowledge's vocabulary, not every repetition of it: a sample suffices. */
const LEXICON_SAMPLE = 600;

function inverseFrequency(total: number, containing: number): number {
  return Math.log(1 + total / Math.max(containing, 0.5));
}

/**
 * Gathers one statement's terms field by field: a term's weight is its best field's, plus a little
 * for each further field it appears in. Arrays indexed by term id, reused across statements,
 * keep the build free of per-statement maps.
 */
class TermWeightCollector {
  // Typed arrays, grown by doubling: plain arrays written at scattered term ids fall back to slow
  // dictionary storage.
  private best = new Float64Array(1024);
  private fields = new Int32Array(1024);
  private lastField = new Int32Array(1024);
  private readonly touched: number[] = [];
  private field = 0;
  private weight = 0;

  startField(weight: number): void {
    this.field += 1;
    this.weight = weight;
  }

  readonly visit = (termId: number): void => {
    if (termId >= this.best.length) this.grow(termId);
    if (this.lastField[termId] === this.field) return;
    this.lastField[termId] = this.field;
    const best = this.best[termId] as number;
    if (best === 0) this.touched.push(termId);
    if (this.weight > best) this.best[termId] = this.weight;
    this.fields[termId] = (this.fields[termId] as number) + 1;
  };

  drain(emit: (termId: number, weight: number) => void): void {
    for (const termId of this.touched) {
      emit(termId, spreadWeight(this.best[termId] as number, this.fields[termId] as number));
      this.best[termId] = 0;
      this.fields[termId] = 0;
    }
    this.touched.length = 0;
  }

  private grow(termId: number): void {
    let size = this.best.length;
    while (size <= termId) size *= 2;
    this.best = grownInto(this.best, new Float64Array(size));
    this.fields = grownInto(this.fields, new Int32Array(size));
    this.lastField = grownInto(this.lastField, new Int32Array(size));
  }
}
