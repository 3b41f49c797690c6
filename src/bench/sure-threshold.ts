import { answerQuestion } from "../search/answer.js";
import type { SearchIndex } from "../search/search-index.js";
import { roundTo } from "../util/numbers.js";
import type { EvaluationCase } from "./evaluation-set.js";

/** One answered evaluation question: how confident the engine was and whether it was right. */
export interface AnsweredSample {
  readonly confidence: number;
  readonly right: boolean;
}

/** Each question the engine answers, with its confidence and whether the first passage is right. */
export function answeredSamples(index: SearchIndex, cases: readonly EvaluationCase[]): AnsweredSample[] {
  return cases.flatMap((testCase) => {
    const answer = answerQuestion(index, testCase.q);
    if (!answer.answered) return [];
    return [{ confidence: answer.confidence, right: testCase.expect.includes(answer.passages[0]?.id ?? "") }];
  });
}

/** The share of answers at or above the threshold that are right; 1 when there are none. */
export function precisionFrom(samples: readonly AnsweredSample[], threshold: number): number {
  const above = samples.filter((sample) => sample.confidence >= threshold);
  return above.length === 0 ? 1 : above.filter((sample) => sample.right).length / above.length;
}

/**
 * The lowest threshold, in steps of 0.01, from which the answers are right at least `target` of
 * the time, and stay so at every higher step: as many answers as possible said plainly, without
 * resting on a lucky dip in the curve (at 0.85 the tuning part may reach 95 % and at 0.90 not).
 */
export function chooseSureThreshold(samples: readonly AnsweredSample[], target = 0.95): number {
  let chosen = 1;
  for (let step = 99; step >= 50; step--) {
    const threshold = roundTo(step / 100, 2);
    if (precisionFrom(samples, threshold) < target) break;
    chosen = threshold;
  }
  return chosen;
}
