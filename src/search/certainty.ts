import { SURE_THRESHOLD } from "./tuning.js";

/**
 * How the bot stands behind an answer. *sure*: stated as fact. *likely*: shown as "probably
 * this", with the confidence in words and a 👎 at hand. *none*: not answered.
 */
export type Certainty = "sure" | "likely" | "none";

export function certaintyOf(answered: boolean, confidence: number, aboutNow = false): Certainty {
  if (!answered) return "none";
  // The knowledge speaks of 2023 and its follow-up: what holds today it can only make likely.
  return confidence >= SURE_THRESHOLD && !aboutNow ? "sure" : "likely";
}
