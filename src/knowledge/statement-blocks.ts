/**
 * A knowledge file cut into the text of each statement and the text around them, so that a reload
 * parses again only the statements a moderator changed. Only the plain shape every knowledge file
 * has is cut: a top-level `statements:` whose items are block-sequence entries at one indentation.
 * Anything else returns undefined, and the caller parses the whole text as before.
 */
export interface StatementBlocks {
  /** The text with the statements section replaced by an empty list. */
  readonly rest: string;
  /** Each statement's text, from its `- ` to the line before the next one. */
  readonly items: readonly string[];
}

const STATEMENTS_KEY = "\nstatements:";
/** A line at column 0 that is not blank, a comment or a list item: the next top-level key. */
const TOP_LEVEL_LINE = /\n[^\s#-]/g;
const DOCUMENT_MARKER = /(?:^|\n)(?:---|\.\.\.)(?:\s|$)/;

// Searched with indexOf and anchored on "\n" rather than with multiline regexes: on a
// 10,000-statement file that is the difference between a millisecond and ten per search.
export function splitStatements(text: string): StatementBlocks | undefined {
  if (DOCUMENT_MARKER.test(text)) return undefined;
  // Where the line before "statements:" ends: -1 when the key opens the file.
  const opensFile = text.startsWith(STATEMENTS_KEY.slice(1));
  const keyAt = opensFile ? -1 : text.indexOf(STATEMENTS_KEY);
  if (!opensFile && keyAt < 0) return undefined;
  if (text.indexOf(STATEMENTS_KEY, keyAt + 1) >= 0) return undefined;
  const lineEnd = text.indexOf("\n", keyAt + 1);
  if (lineEnd < 0 || !/^statements:[ \t]*(?:#.*)?\r?$/.test(text.slice(keyAt + 1, lineEnd))) return undefined;
  const bodyStart = lineEnd + 1;
  TOP_LEVEL_LINE.lastIndex = lineEnd;
  const next = TOP_LEVEL_LINE.exec(text);
  const bodyEnd = next ? next.index + 1 : text.length;
  const body = text.slice(bodyStart, bodyEnd);

  const first = /^( *)-(?:[ \t]|\r?$)/m.exec(body);
  if (!first) return undefined;
  // An item starts wherever a line holds a dash at the items' indentation. A stray line at that
  // depth needs no check here: it makes its item fail to parse alone, and the caller parses whole.
  const opener = `\n${first[1] as string}-`;
  const starts: number[] = [first.index];
  for (let at = body.indexOf(opener, first.index); at >= 0; at = body.indexOf(opener, at + 1)) {
    const after = body[at + opener.length];
    if (after !== " " && after !== "\t" && after !== "\n" && after !== "\r" && after !== undefined)
      return undefined;
    starts.push(at + 1);
  }
  if (!/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/.test(body.slice(0, starts[0]))) return undefined;
  const items = starts.map((start, position) => body.slice(start, starts[position + 1] ?? body.length));
  const rest = `${text.slice(0, keyAt + 1)}statements: []\n${text.slice(bodyEnd)}`;
  return { rest, items };
}
