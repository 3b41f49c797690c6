import type { KnowledgeSet, Statement } from "../knowledge/knowledge-set.js";
import { Analyzer } from "./analyzer.js";
import { FuzzyVocabulary } from "./fuzzy-vocabulary.js";

/**
 * How much a word counts by where it stands. Keywords and example questions are written for
 * search by moderators; the statement text is prose; topic and source names are context.
 */
export const FIELD_WEIGHTS = {
  keywords: 3,
  questions: 2.5,
  text: 1.8,
  topic: 1.2,
  source: 0.8,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;
const MAX_FIELD_WEIGHT = Math.max(...Object.values(FIELD_WEIGHTS));

export interface Posting {
  readonly statements: Int32Array;
  /** Field weight of the term in each statement, aligned with `statements`. */
  readonly weights: Float32Array;
}

/** Everything a question needs, computed once per knowledge version. Immutable once built. */
export interface SearchIndex {
  readonly knowledge: KnowledgeSet;
  readonly analyzer: Analyzer;
  readonly termIds: ReadonlyMap<string, number>;
  readonly terms: readonly string[];
  readonly postings: readonly Posting[];
  readonly idf: Float64Array;
  /** The idf a word that no statement contains would have: the weight of an unexplained word. */
  readonly unknownIdf: number;
  readonly maxFieldWeight: number;
  readonly fuzzy: FuzzyVocabulary;
}

export function buildSearchIndex(knowledge: KnowledgeSet): SearchIndex {
  const analyzer = new Analyzer(knowledge.document.glossary);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };

  const postingStatements: number[][] = [];
  const postingWeights: number[][] = [];
  knowledge.statements.forEach((statement, statementIndex) => {
    for (const [term, weight] of statementTermWeights(statement, knowledge, analyzer)) {
      const id = idOf(term);
      if (postingStatements[id] === undefined) {
        postingStatements[id] = [];
        postingWeights[id] = [];
      }
      postingStatements[id].push(statementIndex);
      postingWeights[id]?.push(weight);
    }
  });
  // Glossary words no statement uses still belong to the vocabulary: a typo of "Kirgistan" must
  // find the word, and through it the concept that statements do carry.
  for (const word of analyzer.glossaryWords) idOf(word);

  const statementCount = knowledge.statements.length;
  const postings: Posting[] = terms.map((_, id) => ({
    statements: Int32Array.from(postingStatements[id] ?? []),
    weights: Float32Array.from(postingWeights[id] ?? []),
  }));
  const idf = Float64Array.from(postings, (posting) =>
    inverseFrequency(statementCount, posting.statements.length),
  );

  return Object.freeze({
    knowledge,
    analyzer,
    termIds,
    terms,
    postings,
    idf,
    unknownIdf: inverseFrequency(statementCount, 0.5),
    maxFieldWeight: MAX_FIELD_WEIGHT,
    fuzzy: new FuzzyVocabulary(terms, (term) => !term.startsWith("§")),
  });
}

function inverseFrequency(total: number, containing: number): number {
  return Math.log(1 + total / Math.max(containing, 0.5));
}

/** A term's weight in a statement: its best field, plus a little for each further field. */
function statementTermWeights(
  statement: Statement,
  knowledge: KnowledgeSet,
  analyzer: Analyzer,
): Map<string, number> {
  const topic = knowledge.topicsById.get(statement.topic);
  const source = knowledge.sourcesById.get(statement.source);
  const fields: [Field, string][] = [
    ["keywords", statement.keywords.join(" \n ")],
    ["questions", statement.questions.join(" \n ")],
    ["text", `${statement.de} \n ${statement.en}`],
    ["topic", topic ? `${topic.de} \n ${topic.en}` : ""],
    ["source", source ? `${source.name} \n ${source.publisher}` : ""],
  ];
  const best = new Map<string, number>();
  const fieldCount = new Map<string, number>();
  for (const [field, text] of fields) {
    const weight = FIELD_WEIGHTS[field];
    for (const term of new Set(analyzer.indexTerms(text))) {
      best.set(term, Math.max(best.get(term) ?? 0, weight));
      fieldCount.set(term, (fieldCount.get(term) ?? 0) + 1);
    }
  }
  const weights = new Map<string, number>();
  for (const [term, weight] of best)
    weights.set(term, weight * (1 + 0.1 * ((fieldCount.get(term) ?? 1) - 1)));
  return weights;
}
