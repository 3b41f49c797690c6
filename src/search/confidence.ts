import type { ResolvedUnit, ScoredStatement } from "./score.js";

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
}

/**
 * A logistic model over the features, fitted on the tuning part of the evaluation set
 * (`npm run bench -- --calibrate`), so that confidence reads as the chance that the first passage
 * answers the question. The held-out part checks the calibration.
 */
export const CONFIDENCE_MODEL = {
  bias: -6,
  coverage: 8,
  score: 6,
  margin: 1,
  known: 1,
} as const;

export const ANSWER_THRESHOLD = 0.5;

export function confidenceFeatures(
  ranked: readonly ScoredStatement[],
  resolved: readonly ResolvedUnit[],
): ConfidenceFeatures {
  const best = ranked[0];
  const second = ranked[1];
  const total = resolved.reduce((sum, unit) => sum + unit.weight, 0);
  const known = resolved.reduce((sum, unit) => sum + (unit.alternatives.length > 0 ? unit.weight : 0), 0);
  return {
    coverage: best?.coverage ?? 0,
    score: best?.score ?? 0,
    margin: best && best.score > 0 ? 1 - (second?.score ?? 0) / best.score : 0,
    known: total > 0 ? known / total : 0,
  };
}

export function confidenceOf(
  features: ConfidenceFeatures,
  model: ConfidenceModel = CONFIDENCE_MODEL,
): number {
  if (features.score === 0) return 0;
  const z =
    model.bias +
    model.coverage * features.coverage +
    model.score * features.score +
    model.margin * features.margin +
    model.known * features.known;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}

export type ConfidenceModel = { readonly [K in keyof ConfidenceFeatures | "bias"]: number };
