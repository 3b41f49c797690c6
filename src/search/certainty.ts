import { SURE_THRESHOLD } from "./tuning.js";

/**
 * How the bot stands behind an answer. *sure*: stated as fact. *likely*: shown as "probably
 * this", with the confidence in words and a 👎 at hand. *none*: not answered.
 */
export type Certainty = "sure" | "likely" | "none";

export function certaintyOf(answered: boolean, confidence: number): Certainty {
  if (!answered) return "none";
  return confidence >= SURE_THRESHOLD ? "sure" : "likely";
}
