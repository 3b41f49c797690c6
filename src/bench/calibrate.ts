import { answerQuestion } from "../search/answer.js";
import {
  type ConfidenceFeatures,
  type ConfidenceModel,
  confidenceOf,
  MODEL_FEATURES,
} from "../search/confidence.js";
import type { SearchIndex } from "../search/search-index.js";
import { roundTo } from "../util/numbers.js";
import type { EvaluationCase } from "./evaluation-set.js";

export interface LabelledSignals {
  readonly signals: ConfidenceFeatures;
  /** 1 when the first passage answers the question, 0 when it does not or nothing should. */
  readonly correct: 0 | 1;
}

/**
 * Fits the confidence model by logistic regression (batch gradient descent, light L2), so that
 * confidence estimates the chance that the first passage is right.
 */
export function fitConfidenceModel(
  samples: readonly LabelledSignals[],
  iterations = 20_000,
  rate = 0.5,
): ConfidenceModel {
  const zeros = (): Record<keyof ConfidenceModel, number> =>
    Object.fromEntries(["bias", ...MODEL_FEATURES].map((key) => [key, 0])) as Record<
      keyof ConfidenceModel,
      number
    >;
  const weights = zeros();
  const l2 = 0.001;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = zeros();
    for (const { signals, correct } of samples) {
      const z =
        weights.bias + MODEL_FEATURES.reduce((sum, feature) => sum + weights[feature] * signals[feature], 0);
      const error = 1 / (1 + Math.exp(-z)) - correct;
      gradient.bias += error;
      for (const feature of MODEL_FEATURES) gradient[feature] += error * signals[feature];
    }
    weights.bias -= (rate * gradient.bias) / samples.length;
    for (const feature of MODEL_FEATURES) {
      weights[feature] -= rate * (gradient[feature] / samples.length + l2 * weights[feature]);
    }
  }
  const rounded = Object.fromEntries(Object.entries(weights).map(([key, value]) => [key, roundTo(value, 2)]));
  return rounded as ConfidenceModel;
}

/**
 * Expected calibration error: how far confidence is from the observed accuracy, averaged over ten
 * confidence bins. 0 is perfectly calibrated.
 */
export function calibrationError(samples: readonly LabelledSignals[], model?: ConfidenceModel): number {
  const bins = Array.from({ length: 10 }, () => ({ confidence: 0, correct: 0, count: 0 }));
  for (const { signals, correct } of samples) {
    const confidence = confidenceOf(signals, model);
    const bin = bins[Math.min(9, Math.floor(confidence * 10))] as (typeof bins)[number];
    bin.confidence += confidence;
    bin.correct += correct;
    bin.count += 1;
  }
  const total = samples.length || 1;
  return bins.reduce(
    (sum, bin) => sum + (bin.count === 0 ? 0 : Math.abs(bin.confidence - bin.correct) / total),
    0,
  );
}

/** Each evaluation question with the engine's signals and whether its first passage is right. */
export function labelSignals(index: SearchIndex, cases: readonly EvaluationCase[]): LabelledSignals[] {
  return cases.map((testCase) => {
    const answer = answerQuestion(index, testCase.q);
    return {
      signals: answer.signals,
      correct: testCase.expect.includes(answer.passages[0]?.id ?? "") ? 1 : 0,
    };
  });
}
