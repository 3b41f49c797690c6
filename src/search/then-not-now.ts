import { tokenize } from "./normalize.js";

/**
 * Words that ask about the present. The knowledge describes a summit of 2023 and its follow-up,
 * not today: an answer to such a question carries a note saying as of when it speaks.
 */
const PRESENT_WORDS = new Set([
  "still",
  "now",
  "nowadays",
  "currently",
  "current",
  "today",
  "presently",
  "anymore",
  "noch",
  "jetzt",
  "aktuell",
  "aktuelle",
  "aktuellen",
  "heute",
  "heutzutage",
  "derzeit",
  "momentan",
  "zurzeit",
  "inzwischen",
  "mittlerweile",
  "gegenwaertig",
]);
const PRESENT_PHRASES =
  /\b(?:these days|right now|as of today|at the moment|as things stand|im moment|zur zeit)\b/;

/** Whether the question asks how things are now rather than how they were. */
export function asksAboutNow(question: string): boolean {
  const words = tokenize(question);
  return words.some((word) => PRESENT_WORDS.has(word)) || PRESENT_PHRASES.test(words.join(" "));
}
