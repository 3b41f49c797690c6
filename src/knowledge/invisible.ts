/**
 * Characters that change how text is shown without being seen: bidirectional controls (which can
 * make a link or a name read backwards) and zero-width characters (which hide words from search
 * and from a reviewer's eye). Knowledge text never needs them, so they are removed at load.
 */
const INVISIBLE = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Where invisible characters stand in a file's text, as 1-based line and column, with a count. */
export function invisiblePositions(text: string): { line: number; column: number; count: number }[] {
  const found: { line: number; column: number; count: number }[] = [];
  text.split("\n").forEach((line, index) => {
    const matches = [...line.matchAll(INVISIBLE)].filter(
      // A byte-order mark at the very start is an encoding mark, not planted text.
      (match) => !(index === 0 && match.index === 0 && match[0] === "\uFEFF"),
    );
    const first = matches[0];
    if (first) found.push({ line: index + 1, column: (first.index ?? 0) + 1, count: matches.length });
  });
  return found;
}
