/**
 * Text normalisation shared by indexing and querying: both sides must fold text the same way, or
 * a word typed one way never meets the same word stored another way.
 */

// Control and format characters (zero-width spaces and joiners, bidi overrides, soft hyphens)
// are invisible in Discord but split or disguise words. Tabs and line breaks are white space.
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}]/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
// "35.000" and "10,5" must stay one token; German writes thousands with a dot.
const DIGIT_GROUP = /(\d)[.,\u00a0\u202f'](?=\d)/g;

const GERMAN_FOLDS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ẞ: "ss" };

/** Lowercase, umlauts as ae/oe/ue, ß as ss, other diacritics dropped, invisible characters removed. */
export function foldText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(/[äöüßẞ]/g, (char) => GERMAN_FOLDS[char] ?? char)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(DIGIT_GROUP, "$1");
}

// Most words of a knowledge file are plain ASCII, perhaps with trailing punctuation: they need
// no Unicode folding, and skipping it halves the cost of indexing a large file.
const PLAIN_WORD = /^([A-Za-z]+)[,.;:!?)"]?$/;

/** Folded words in order of appearance. */
export function tokenize(text: string): string[] {
  const plain = PLAIN_WORD.exec(text);
  if (plain) return [(plain[1] as string).toLowerCase()];
  return foldText(text)
    .split(NOT_WORD)
    .filter((token) => token.length > 0);
}

/** Removes what Discord would render or act on: invisible characters and surrounding space. */
export function cleanUserText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").replace(INVISIBLE, "").trim();
}

/**
 * Whether a cleaned question is longer than MAX_QUESTION_LENGTH allows, counted in code points as
 * Discord counts: one rule for /ask, mentions, ask-channels, `ask` and the terminal chat.
 */
export function exceedsQuestionLength(question: string, maxLength: number): boolean {
  return [...question].length > maxLength;
}

/** Cuts text to at most `max` characters (code points, as Discord counts), ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
