import { tokenize } from "./normalize.js";

/**
 * Words that ask about the present by themselves. The knowledge describes a summit of 2023 and
 * its follow-up, not today: an answer to such a question carries a note saying as of when it speaks.
 */
const PRESENT_WORDS = new Set([
  "now",
  "current",
  "nowadays",
  "currently",
  "today",
  "presently",
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
/**
 * Words that ask about the present only in a question in the present tense: "Is he still in
 * office?", "Gibt es noch Gespräche?" — but "Wer war noch dabei?", "what else was still
 * discussed?" and "wer noch?" ask for more of the past.
 */
const TENSE_BOUND_WORDS = new Set(["still", "noch", "anymore"]);
/** Verbs in the present tense that make a tense-bound word ask about today. */
const PRESENT_VERBS = new Set(
  `is are am isnt arent does do doesnt dont has have hasnt havent remains remain holds hold lives
  live works work leads lead runs run governs govern serves serve exists exist can will
  ist sind bist gibt hat haben regiert regieren leitet leiten lebt leben gilt gelten besteht
  bestehen laeuft laufen arbeitet arbeiten fuehrt fuehren bleibt bleiben amtiert steht stehen
  existiert existieren kann koennen wird werden`.split(/\s+/),
);
/** A past participle at the end ("…ist noch gekommen", "…has still not been signed"): told of the past. */
const PAST_PARTICIPLE_AT_END = /^ge[a-z]{3,}(?:t|en)$/;
const PRESENT_PHRASES =
  /\b(?:these days|right now|as of today|at the moment|as things stand|im moment|zur zeit|immer noch|noch immer|still today|bis heute)\b/;

/** Whether the question asks how things are now rather than how they were. */
export function asksAboutNow(question: string): boolean {
  const words = tokenize(question);
  if (words.some((word) => PRESENT_WORDS.has(word)) || PRESENT_PHRASES.test(words.join(" "))) return true;
  return words.some((word) => TENSE_BOUND_WORDS.has(word)) && inPresentTense(words);
}

function inPresentTense(words: readonly string[]): boolean {
  const last = words.at(-1) ?? "";
  return words.some((word) => PRESENT_VERBS.has(word)) && !PAST_PARTICIPLE_AT_END.test(last);
}
