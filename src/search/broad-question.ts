import type { TopicRecord } from "../knowledge/schema.js";
import { tokenize } from "./normalize.js";
import { PerIndexCache } from "./per-index-cache.js";
import { isQuestionWord } from "./question-shape.js";
import type { ResolvedUnit, ScoredStatement } from "./score.js";
import type { SearchIndex } from "./search-index.js";
import { isNoise } from "./stopwords.js";
import { subjectsAsked } from "./subject-guard.js";
import {
  BROAD_MAX_UNITS,
  BROAD_MAX_WEIGHT,
  BROAD_MIN_EQUALS,
  BROAD_SPREAD,
  TOPIC_NAME_SHARE,
} from "./tuning.js";

export type BroadReading =
  /** The question names a topic: its overview statement answers it. */
  | { readonly kind: "overview"; readonly statementIndex: number }
  /** No overview fits: the topics to pick from, not a pick among equals. */
  | { readonly kind: "ambiguous" };

type TopicWords = readonly (readonly (readonly string[])[])[];
const topicWords = new PerIndexCache<TopicRecord, TopicWords>();

/**
 * A one- or two-word question that matches many statements about equally gets the overview of
 * the topic it names, or is offered the topics to pick from; undefined when it is not that broad.
 */
export function readBroadQuestion(
  index: SearchIndex,
  question: string,
  resolved: readonly ResolvedUnit[],
  ranked: readonly ScoredStatement[],
): BroadReading | undefined {
  const best = ranked[0];
  if (!best || resolved.length > BROAD_MAX_UNITS) return undefined;
  // "wann genau war der Gipfel" asks something of the summit; "Gipfel?" only names it.
  const words = tokenize(question);
  if (words.some(isQuestionWord) || words.filter((word) => !isNoise(word)).length > BROAD_MAX_UNITS)
    return undefined;
  if (resolved.some((unit) => unit.weight > BROAD_MAX_WEIGHT)) return undefined;
  // A participant's name is no bare subject: "Tokayev" asks for Tokayev.
  if (subjectsAsked(index, resolved).size > 0) return undefined;
  const equals = ranked.filter((scored) => scored.score >= best.score * BROAD_SPREAD).length;
  if (equals < BROAD_MIN_EQUALS) return undefined;
  const asked = new Set(
    resolved.flatMap((unit) =>
      unit.alternatives
        .filter((alternative) => alternative.similarity === 1)
        .map((alternative) => index.terms[alternative.termId] as string),
    ),
  );
  for (const topic of index.knowledge.topics) {
    if (topic.overview === undefined) continue;
    const statementIndex = index.statementPositions.get(topic.overview);
    // "summit" names "The summit"; "energy" does not name "Economy, energy and raw materials".
    const named = wordsOfTopic(index, topic).some(
      (words) =>
        words.filter((terms) => terms.some((term) => asked.has(term))).length >=
        words.length * TOPIC_NAME_SHARE,
    );
    if (named && statementIndex !== undefined) return { kind: "overview", statementIndex };
  }
  return { kind: "ambiguous" };
}

/** Per language, the topic name's words, each as the index terms it stands for. */
function wordsOfTopic(index: SearchIndex, topic: TopicRecord): TopicWords {
  return topicWords.get(index, topic, () =>
    [topic.de, topic.en].map((name) =>
      tokenize(name)
        .filter((word) => !isNoise(word))
        .map((word) => index.analyzer.indexTerms(word))
        .filter((terms) => terms.length > 0),
    ),
  );
}
