import type { ScoredStatement } from "./score.js";

/**
 * Whether the best statement answers the question. Coverage (how much of the question the
 * statement explains) is the main evidence: an off-topic question shares a word or two with the
 * knowledge ("Berlin", "Germany") but leaves its key words unexplained. Score guards against
 * questions whose few words all match only weakly.
 */
const COVERAGE_MIDPOINT = 0.5;
const COVERAGE_STEEPNESS = 12;
const MIN_SCORE = 0.12;
export const ANSWER_THRESHOLD = 0.5;

export function confidenceOf(best: ScoredStatement | undefined): number {
  if (!best) return 0;
  const fromCoverage = 1 / (1 + Math.exp(-COVERAGE_STEEPNESS * (best.coverage - COVERAGE_MIDPOINT)));
  const fromScore = Math.min(1, best.score / MIN_SCORE);
  return round(fromCoverage * fromScore);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
