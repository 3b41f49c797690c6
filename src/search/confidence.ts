import { roundTo } from "../util/numbers.js";
import type { ResolvedUnit, ScoredStatement } from "./score.js";
import { UNANSWERABLE_CAP } from "./tuning.js";

/** What the decision to answer rests on, each 0..1. */
export interface ConfidenceFeatures {
  /** How much of the question (idf-weighted) the best statement explains. */
  readonly coverage: number;
  /** The best statement's score: how strongly, in which fields, it matches. */
  readonly score: number;
  /** How far the best statement leads the second: a clear winner is a surer answer. */
  readonly margin: number;
  /** The share of the question's weight made of words the knowledge knows at all. */
  readonly known: number;
  /**
   * The weightiest word the best statement leaves unexplained, against a word unknown to the
   * knowledge: one rare word left over ("currency", "weather") is what marks an off-topic question.
   */
  readonly unexplained: number;
  /** How much of the question one example question of the best statement covers: asked as foreseen. */
  readonly example: number;
  /** 1 when the question rests on an out-of-scope word (weather, currency …) the best statement lacks. */
  readonly outOfScope: number;
  /** 1 when the question asks for a number (how many, since when …) and the best statement gives none. */
  readonly missingNumber: number;
  /** 1 when the question names a participant and the best statement is about another one. */
  readonly otherSubject: number;
}

/**
 * A logistic model over the features, fitted on the tuning part of the evaluation set
 * (`npm run --silent bench -- --calibrate`), so that confidence reads as the chance that the first passage
 * answers the question. The held-out part checks the calibration.
 */
export const CONFIDENCE_MODEL = {
  bias: -6.23,
  coverage: 2.49,
  score: 3.2,
  margin: 1.75,
  known: 1.74,
  unexplained: 0.81,
  example: 1.42,
} as const;

/** What the confidence needs to know of the best statement's text itself. */
export interface BestStatementFacts {
  /** The question asks for a number the statement does not give. */
  readonly missingNumber: boolean;
  /** The question names a participant the statement is not about, and it names another. */
  readonly otherSubject: boolean;
  /** Whether the statement's text holds these stemmed words in a row. */
  readonly says: (phrase: readonly string[]) => boolean;
}

export function confidenceFeatures(
  ranked: readonly ScoredStatement[],
  resolved: readonly ResolvedUnit[],
  unknownWeight: number,
  bestText: BestStatementFacts,
): ConfidenceFeatures {
  // The best statement that uses an out-of-scope word is about it after all; an out-of-scope
  // phrase ("capital of") counts only as a whole, since its words alone may mean other things.
  const outOfScope = resolved.some(({ unit }, position) =>
    unit.outOfScopePhrase
      ? !bestText.says(unit.outOfScopePhrase)
      : unit.outOfScope && !ranked[0]?.matchedUnits.includes(position),
  );
  const best = ranked[0];
  const second = ranked[1];
  const total = resolved.reduce((sum, unit) => sum + unit.weight, 0);
  const known = resolved.reduce((sum, unit) => sum + (unit.alternatives.length > 0 ? unit.weight : 0), 0);
  return {
    coverage: best?.coverage ?? 0,
    score: best?.score ?? 0,
    margin: best && best.score > 0 ? 1 - (second?.score ?? 0) / best.score : 0,
    known: total > 0 ? known / total : 0,
    unexplained: resolved.reduce(
      (most, unit, position) =>
        best?.matchedUnits.includes(position) ? most : Math.max(most, unit.weight / unknownWeight),
      0,
    ),
    example: best?.exampleCoverage ?? 0,
    outOfScope: outOfScope ? 1 : 0,
    missingNumber: bestText.missingNumber ? 1 : 0,
    otherSubject: bestText.otherSubject ? 1 : 0,
  };
}

export function confidenceOf(
  features: ConfidenceFeatures,
  model: ConfidenceModel = CONFIDENCE_MODEL,
): number {
  if (features.score === 0) return 0;
  const z = MODEL_FEATURES.reduce((sum, feature) => sum + model[feature] * features[feature], model.bias);
  const probability = 1 / (1 + Math.exp(-z));
  const unanswerable =
    features.outOfScope === 1 || features.missingNumber === 1 || features.otherSubject === 1;
  return roundTo(unanswerable ? Math.min(probability, UNANSWERABLE_CAP) : probability, 3);
}

/** The features the model weighs; `outOfScope`, `missingNumber` and `otherSubject` are not weighed but cap the result. */
export const MODEL_FEATURES = ["coverage", "score", "margin", "known", "unexplained", "example"] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

export type ConfidenceModel = { readonly [K in ModelFeature | "bias"]: number };
