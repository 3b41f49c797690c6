import type { KnowledgeSet, Statement } from "../knowledge/knowledge-set.js";
import { sourceLine } from "../knowledge/sources.js";
import { roundTo } from "../util/numbers.js";
import { containsPhrase } from "./analyzer.js";
import { readBroadQuestion } from "./broad-question.js";
import { type Certainty, certaintyOf } from "./certainty.js";
import { stripChatNoise } from "./chat-noise.js";
import {
  type BestStatementFacts,
  type ConfidenceFeatures,
  confidenceFeatures,
  confidenceOf,
} from "./confidence.js";
import { exampleQuestionOwner } from "./example-match.js";
import { type DetectedLanguage, detectLanguage, type Language } from "./language.js";
import { cleanUserText, tokenize } from "./normalize.js";
import { PerIndexCache } from "./per-index-cache.js";
import { asksForMissingNumber } from "./question-shape.js";
import { type ResolvedUnit, resolveUnits, type ScoredStatement, scoreStatements } from "./score.js";
import type { SearchIndex } from "./search-index.js";
import { stem } from "./stem.js";
import { guardSubjects } from "./subject-guard.js";
import { asksAboutNow } from "./then-not-now.js";
import {
  ANSWER_THRESHOLD,
  EXAMPLE_QUESTION_WEIGHT,
  NEAR_MISS_FLOOR,
  RELATIVE_PASSAGE_FLOOR,
  RERANKED_CANDIDATES,
  TAUGHT_CONFIDENCE,
} from "./tuning.js";

export interface Passage {
  readonly id: string;
  readonly topic: string;
  /** 0..1, higher is better. */
  readonly score: number;
  /** The statement in the reply language. */
  readonly text: string;
  readonly de: string;
  readonly en: string;
  readonly quote: boolean;
  /** The source document as one line in the reply language: title, publisher, date. */
  readonly source: string;
  readonly sourceUrl?: string;
  /** The question's words (as typed, folded) that this statement matched, for highlighting. */
  readonly matched: readonly string[];
}

export type AnswerOutcome =
  | "answered"
  | "empty"
  | "no-match"
  | "low-confidence"
  /** A bare word that fits many statements equally and no topic's overview: pick a topic. */
  | "ambiguous"
  | "unsupported-language";

export interface Answer {
  readonly question: string;
  /** The reply language. */
  readonly language: Language;
  readonly detectedLanguage: DetectedLanguage;
  readonly answered: boolean;
  readonly outcome: AnswerOutcome;
  /** 0..1, higher is surer: the modelled chance that the first passage answers the question. */
  readonly confidence: number;
  /** How the bot stands behind the answer: stated (sure), "probably this" (likely), or declined. */
  readonly certainty: Certainty;
  /**
   * The question asks about the present, which the knowledge does not describe: an answer says
   * as of when it speaks.
   */
  readonly aboutNow: boolean;
  /** What the confidence was computed from. */
  readonly signals: ConfidenceFeatures;
  /** Best first. When not answered: the nearest misses, never to be shown as an answer. */
  readonly passages: readonly Passage[];
  readonly knowledgeVersion: string;
}

export interface AnswerOptions {
  /** Reply language; by default the detected language of the question, English if not German. */
  readonly language?: Language;
  /** For a question with no sign of its language (a bare name): the server's language, say. */
  readonly fallbackLanguage?: Language;
  readonly limit?: number;
}

export const DEFAULT_PASSAGE_LIMIT = 3;
const NO_SIGNALS: ConfidenceFeatures = Object.freeze({
  coverage: 0,
  score: 0,
  margin: 0,
  known: 0,
  unexplained: 0,
  example: 0,
  outOfScope: 0,
  missingNumber: 0,
  otherSubject: 0,
});
/** Beyond this, a "question" is an essay or an attack; the adapters reject it before this point. */
const MAX_ANALYZED_LENGTH = 2000;
const MAX_UNITS = 48;

/** Answers one question from one knowledge version. Pure: the same input gives the same answer. */
export function answerQuestion(index: SearchIndex, rawQuestion: string, options: AnswerOptions = {}): Answer {
  const question = cleanUserText(rawQuestion);
  // What is asked, without the mentions, emoji and links around it; the question itself is kept
  // as given, for the reply to show and `ask --json` to echo.
  const asked = stripChatNoise(question);
  const detectedLanguage = detectLanguage(asked, index.languageLexicon);
  const language =
    options.language ??
    (detectedLanguage === "de"
      ? "de"
      : detectedLanguage === "unknown"
        ? (options.fallbackLanguage ?? "en")
        : "en");
  const limit = options.limit ?? DEFAULT_PASSAGE_LIMIT;
  const base = {
    question,
    language,
    detectedLanguage,
    aboutNow: asksAboutNow(asked),
    knowledgeVersion: index.knowledge.document.version,
  };

  const units = index.analyzer.queryUnits(asked.slice(0, MAX_ANALYZED_LENGTH)).slice(0, MAX_UNITS);
  if (units.length === 0) {
    return {
      ...base,
      answered: false,
      outcome: "empty",
      confidence: 0,
      certainty: "none",
      signals: NO_SIGNALS,
      passages: [],
    };
  }
  const resolved = resolveUnits(index, units);
  // A question taught word for word is answered with its statement, whatever its shape.
  const taught = exampleQuestionOwner(index.exampleOwners, asked);
  const candidates = rerankByExampleQuestions(
    index,
    resolved,
    scoreStatements(index, resolved, Math.max(limit, RERANKED_CANDIDATES)),
  );
  const broad = taught === undefined ? readBroadQuestion(index, asked, resolved, candidates) : undefined;
  const guarded = guardSubjects(index, resolved, candidates);
  const ranked = taughtFirst(withOverviewFirst(guarded.ranked, broad), taught, () =>
    scoreStatements(index, resolved, index.knowledge.statements.length),
  ).slice(0, Math.max(limit, DEFAULT_PASSAGE_LIMIT));
  const best = ranked[0];
  // A broad question's overview is the chosen answer, not a match to be weighed: the confidence
  // stays what the engine had in its best match.
  const signals = confidenceFeatures(
    broad?.kind === "overview" ? candidates : ranked,
    resolved,
    index.unknownIdf,
    bestStatementFacts(index, broad?.kind === "overview" ? candidates[0] : best, asked, guarded.otherSubject),
  );
  const confidence =
    taught === undefined ? confidenceOf(signals) : Math.max(confidenceOf(signals), TAUGHT_CONFIDENCE);
  const kept = ranked
    .filter((scored) => best && scored.score >= best.score * RELATIVE_PASSAGE_FLOOR)
    .slice(0, limit);
  const passages = kept.map((scored) =>
    toPassage(
      index,
      scored,
      language,
      scored.matchedUnits.map((unit) => resolved[unit]?.unit.surface ?? ""),
    ),
  );
  const supported = detectedLanguage !== "other";
  const answered =
    supported &&
    broad?.kind !== "ambiguous" &&
    (broad?.kind === "overview" || confidence >= ANSWER_THRESHOLD);
  const outcome: AnswerOutcome = answered
    ? "answered"
    : !supported
      ? "unsupported-language"
      : broad?.kind === "ambiguous"
        ? "ambiguous"
        : best
          ? "low-confidence"
          : "no-match";
  const certainty = certaintyOf(answered, confidence, base.aboutNow);
  return { ...base, answered, outcome, confidence, certainty, signals, passages };
}

/** The overview of the topic a broad question names, first; the matches it stands for after it. */
function withOverviewFirst(
  ranked: readonly ScoredStatement[],
  broad: ReturnType<typeof readBroadQuestion>,
): readonly ScoredStatement[] {
  if (broad?.kind !== "overview") return ranked;
  const best = ranked[0];
  const overview = ranked.find((scored) => scored.statementIndex === broad.statementIndex) ?? {
    statementIndex: broad.statementIndex,
    score: best?.score ?? 0,
    coverage: best?.coverage ?? 0,
    matchedUnits: [],
  };
  return [overview, ...ranked.filter((scored) => scored !== overview)];
}

function bestStatementFacts(
  index: SearchIndex,
  best: ScoredStatement | undefined,
  question: string,
  otherSubject: boolean,
): BestStatementFacts {
  const statement = best && index.knowledge.statements[best.statementIndex];
  if (!statement) return { missingNumber: false, otherSubject, says: () => false };
  const text = `${statement.de} ${statement.en}`;
  return {
    missingNumber: asksForMissingNumber(question, text),
    otherSubject,
    says: (phrase) => containsPhrase(tokenize(text).map(stem), phrase),
  };
}

function toPassage(
  index: SearchIndex,
  scored: ScoredStatement,
  language: Language,
  matched: string[],
): Passage {
  return {
    ...statementPassage(index, scored.statementIndex, language),
    score: roundTo(scored.score, 3),
    matched,
  };
}

/** A statement as a passage without a question: for "more results" and language switches. */
export function statementPassage(index: SearchIndex, statementIndex: number, language: Language): Passage {
  const statement = index.knowledge.statements[statementIndex] as Statement;
  const source = index.knowledge.sourcesById.get(statement.source);
  return {
    id: statement.id,
    topic: statement.topic,
    score: 0,
    text: statement[language],
    de: statement.de,
    en: statement.en,
    quote: statement.quote,
    source: source ? sourceLine(source, language) : statement.source,
    ...(source?.url ? { sourceUrl: source.url } : {}),
    matched: [],
  };
}

const NEAR_MISS_LIMIT = 3;

/**
 * What to offer, on request, when the bot declines a question it was merely unsure of: the
 * nearest misses, never as an answer. A question declined as out of scope, or for a number no
 * statement gives, gets none: its nearest statements are known not to answer it.
 */
export function nearMisses(answer: Answer): readonly Passage[] {
  const unsure =
    answer.outcome === "low-confidence" &&
    answer.confidence >= NEAR_MISS_FLOOR &&
    answer.signals.outOfScope === 0 &&
    answer.signals.missingNumber === 0 &&
    answer.signals.otherSubject === 0;
  return unsure ? answer.passages.slice(0, NEAR_MISS_LIMIT) : [];
}

/** The topics of the nearest misses, in the reply language: where to look when nothing fits. */
export function closestTopicNames(answer: Answer, knowledge: KnowledgeSet, max = 3): string {
  const names = new Set<string>();
  for (const passage of answer.passages) {
    const topic = knowledge.topicsById.get(passage.topic);
    if (topic) names.add(topic[answer.language]);
  }
  return [...names].slice(0, max).join(", ");
}

/**
 * The statement a question was taught to (its example question, word for word) goes first, even
 * from outside the candidates ranked: a moderator's lesson holds at once.
 */
function taughtFirst(
  ranked: readonly ScoredStatement[],
  taught: number | undefined,
  everyScored: () => readonly ScoredStatement[],
): ScoredStatement[] {
  if (taught === undefined) return [...ranked];
  const scored =
    ranked.find((candidate) => candidate.statementIndex === taught) ??
    everyScored().find((candidate) => candidate.statementIndex === taught);
  if (!scored) return [...ranked];
  return [{ ...scored, exampleCoverage: 1 }, ...ranked.filter((candidate) => candidate !== scored)];
}

/**
 * Example questions as term ids, per index: term ids belong to one index, and a reload hands the
 * next index the very statement objects it did not change (ReusingYamlLoader), so a cache keyed
 * by statement alone would read one index's ids in another.
 */
const analysedExamples = new PerIndexCache<number, readonly ReadonlySet<number>[]>();

/**
 * People ask in the shape of the example questions: a statement one of whose example questions
 * covers much of the question as a whole is the likelier answer than one that shares the same
 * words scattered over its text and keywords.
 */
function rerankByExampleQuestions(
  index: SearchIndex,
  resolved: readonly ResolvedUnit[],
  ranked: readonly ScoredStatement[],
): ScoredStatement[] {
  const total = resolved.reduce((sum, unit) => sum + unit.weight, 0);
  if (ranked.length < 2 || total === 0) return [...ranked];
  const boosted = ranked.map((scored, position) => {
    let best = 0;
    for (const example of examplesOf(index, scored.statementIndex)) {
      let covered = 0;
      for (const unit of resolved) {
        for (const alternative of unit.alternatives) {
          if (example.has(alternative.termId)) {
            covered += unit.weight;
            break;
          }
        }
      }
      if (covered > best) best = covered;
    }
    return {
      scored: { ...scored, exampleCoverage: best / total },
      position,
      value: scored.score * (1 + (EXAMPLE_QUESTION_WEIGHT * best) / total),
    };
  });
  boosted.sort((a, b) => b.value - a.value || a.position - b.position);
  return boosted.map((entry) => entry.scored);
}

/** A statement's example questions as sets of term ids, analysed once per knowledge version. */
function examplesOf(index: SearchIndex, statementIndex: number): readonly ReadonlySet<number>[] {
  const statement = index.knowledge.statements[statementIndex] as Statement;
  return analysedExamples.get(index, statementIndex, () =>
    statement.questions.map(
      (question) =>
        new Set(
          index.analyzer.indexTerms(question).flatMap((term) => {
            const termId = index.termIds.get(term);
            return termId === undefined ? [] : [termId];
          }),
        ),
    ),
  );
}
