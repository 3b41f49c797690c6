/**
 * A deliberately light stemmer for German and English together: questions mix both languages, so
 * one rule set is applied to every word. It only needs to map inflections of the same word to one
 * key (Partnerschaften/Partnerschaft, agreements/agreement); over-stemming is harmless because the
 * same function runs on the knowledge and on the question.
 */
const REPLACEMENTS: readonly (readonly [suffix: string, replacement: string])[] = [
  ["ungen", "ung"],
  ["heiten", "heit"],
  ["keiten", "keit"],
  ["schaften", "schaft"],
  ["ies", "y"],
];
const SUFFIXES = ["ern", "em", "en", "er", "es", "ing", "ed", "e", "s", "n"] as const;
const MIN_STEM = 4;

export function stem(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  for (const [suffix, replacement] of REPLACEMENTS) {
    if (word.endsWith(suffix) && word.length - suffix.length + replacement.length >= MIN_STEM) {
      return word.slice(0, -suffix.length) + replacement;
    }
  }
  for (const suffix of SUFFIXES) {
    // "ss" endings (process, Kongress) are not plurals.
    if (suffix === "s" && word.endsWith("ss")) continue;
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM)
      return word.slice(0, -suffix.length);
  }
  return word;
}
