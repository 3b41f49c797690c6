import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLSeq } from "yaml";
import type { KnowledgeIssue, Result } from "./issues.js";
import { MAX_QUESTION_LENGTH } from "./schema.js";

/**
 * Moderators' edits made as text: the line added is the only change, so comments, key order,
 * quoting and line wrapping elsewhere in the file stay byte for byte (serialising the parsed file
 * again would rewrite all of them). Each edit is checked by parsing the result: an edit that would
 * change anything but the list it adds to is refused, never written.
 */

/** Adds `question` at the end of statement `statementId`'s `questions`. */
export function addExampleQuestion(
  text: string,
  file: string,
  statementId: string,
  question: string,
): Result<string> {
  const parsed = parseForEdit(text, file);
  if (!parsed.ok) return parsed;
  const { document, lines } = parsed.value;
  const statements = document.get("statements", true);
  const statement = isSeq(statements)
    ? statements.items.find((item) => isMap(item) && item.get("id") === statementId)
    : undefined;
  if (!isMap(statement))
    return refuse(
      file,
      "statements",
      `there is no statement "${statementId}" in the file any more (removed or renamed): nothing was changed`,
    );
  const questions = statement.get("questions", true);
  if (!isSeq(questions))
    return refuse(
      file,
      `${statementId}.questions`,
      "the statement has no questions list to add to",
      lines,
      statement,
    );
  const existing = questions.items.map((item) => (isScalar(item) ? String(item.value) : ""));
  if (existing.some((item) => sameQuestion(item, question)))
    return refuse(
      file,
      `${statementId}.questions`,
      `"${question}" is already an example question of ${statementId}`,
      lines,
      questions,
    );
  return appendChecked(text, file, questions, question, lines, (value) => questionsOf(value, statementId));
}

/** Adds `phrase` at the end of the top-level `outOfScope` list, creating the list if there is none. */
export function addOutOfScopePhrase(text: string, file: string, phrase: string): Result<string> {
  const parsed = parseForEdit(text, file);
  if (!parsed.ok) return parsed;
  const { document, lines } = parsed.value;
  const list = document.get("outOfScope", true);
  const existing = isSeq(list) ? list.items.map((item) => (isScalar(item) ? String(item.value) : "")) : [];
  if (existing.some((item) => sameQuestion(item, phrase)))
    return refuse(file, "outOfScope", `"${phrase}" is already in outOfScope`);
  const read: ListSlot = (value) => ({ parent: value, key: "outOfScope" });
  if (isSeq(list)) return appendChecked(text, file, list, phrase, lines, read);
  if (list !== undefined && list !== null)
    return refuse(file, "outOfScope", "outOfScope is not a list", lines, list as Node);
  // No list yet: a new key just before `statements:`, so the header keeps its own order.
  const at = /^statements:/m.exec(text);
  if (!at) return refuse(file, "statements", "the file has no top-level statements: key");
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const edited = `${text.slice(0, at.index)}outOfScope:${newline}  - ${scalarText(phrase, false)}${newline}${text.slice(at.index)}`;
  return verify(edited, text, file, existing, phrase, read);
}

/**
 * A question as a moderator would add it: one line, no control or invisible formatting
 * characters, at most the length the file allows (cut at a word).
 */
export function cleanQuestion(raw: string): string {
  const flat = raw
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (flat.length <= MAX_QUESTION_LENGTH) return flat;
  const cut = flat.slice(0, MAX_QUESTION_LENGTH);
  const space = cut.lastIndexOf(" ");
  return (space > MAX_QUESTION_LENGTH / 2 ? cut.slice(0, space) : cut).trim();
}

function sameQuestion(a: string, b: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  return fold(a) === fold(b);
}

interface Editable {
  readonly document: ReturnType<typeof parseDocument>;
  readonly lines: LineCounter;
}

function parseForEdit(text: string, file: string): Result<Editable> {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0)
    return refuse(
      file,
      "syntax",
      "the file in use has a YAML syntax error: fix it first, nothing was changed",
    );
  return { ok: true, value: { document, lines } };
}

function appendChecked(
  text: string,
  file: string,
  list: YAMLSeq,
  value: string,
  lines: LineCounter,
  read: ListSlot,
): Result<string> {
  const existing = list.items.map((item) => (isScalar(item) ? String(item.value) : ""));
  const edited = list.flow ? appendToFlowList(text, list, value) : appendToBlockList(text, list, value);
  if (edited === undefined)
    return refuse(
      file,
      "list",
      "the list is written in a shape this edit does not handle; add the line by hand",
      lines,
      list,
    );
  return verify(edited, text, file, existing, value, read);
}

/** `[a, b]` → `[a, b, value]`; a list wrapped over lines gets a line `  value,` of its own. */
function appendToFlowList(text: string, list: YAMLSeq, value: string): string | undefined {
  const [start, end] = list.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const close = text.lastIndexOf("]", end);
  if (close < start) return undefined;
  const last = list.items.at(-1) as Node | undefined;
  const scalar = scalarText(value, true);
  if (!last?.range) return `${text.slice(0, close)}${scalar}${text.slice(close)}`;
  // A list wrapped over lines gets a line of its own, before the line holding the last items:
  // the one change is then an added line, as with a block list.
  const lineStart = text.lastIndexOf("\n", last.range[0] - 1) + 1;
  const indent = text.slice(lineStart, firstOnLine(text, lineStart));
  if (lineStart > start && indent !== "") {
    const newline = text.includes("\r\n") ? "\r\n" : "\n";
    return `${text.slice(0, lineStart)}${indent}${scalar},${newline}${text.slice(lineStart)}`;
  }
  const after = last.range[1];
  const trailingComma = /^\s*,/.test(text.slice(after, close));
  return trailingComma
    ? `${text.slice(0, close).trimEnd()} ${scalar}${text.slice(close)}`
    : `${text.slice(0, after)}, ${scalar}${text.slice(after)}`;
}

function firstOnLine(text: string, lineStart: number): number {
  let at = lineStart;
  while (text[at] === " " || text[at] === "\t") at++;
  return at;
}

/** A new `- value` line after the last item's, indented as that item is. */
function appendToBlockList(text: string, list: YAMLSeq, value: string): string | undefined {
  const last = list.items.at(-1) as Node | undefined;
  if (!last?.range) return undefined;
  const lineStart = text.lastIndexOf("\n", last.range[0] - 1) + 1;
  const prefix = text.slice(lineStart, last.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const lineEnd = text.indexOf("\n", Math.max(last.range[1] - 1, lineStart));
  const line = `${prefix}${scalarText(value, false)}`;
  if (lineEnd < 0) return `${text}${newline}${line}`;
  return `${text.slice(0, lineEnd + 1)}${line}${newline}${text.slice(lineEnd + 1)}`;
}

/** Plain where YAML reads it back as the same text, else double-quoted (JSON's escapes are YAML's). */
function scalarText(value: string, inFlow: boolean): string {
  const plain =
    /^[\p{L}\p{N}„"(¿¡]/u.test(value) &&
    !/^["]/.test(value) &&
    !/[:#]\s|:$|\s#|[\n\r\t]|^[-+.\d][\d._:eE+-]*$/.test(value) &&
    !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value));
  return plain ? value : JSON.stringify(value);
}

/** Where the edited list sits in a parsed document: its parent object and key. */
type ListSlot = (
  document: Record<string, unknown>,
) => { parent: Record<string, unknown>; key: string } | undefined;

/**
 * Parses the edited text and refuses it unless the list gained exactly `value` at its end and
 * nothing else in the document changed.
 */
function verify(
  edited: string,
  original: string,
  file: string,
  before: readonly string[],
  value: string,
  slot: ListSlot,
): Result<string> {
  const after = parseDocument(edited, { prettyErrors: false });
  if (after.errors.length === 0) {
    const now = after.toJS() as Record<string, unknown>;
    const was = parseDocument(original, { prettyErrors: false }).toJS() as Record<string, unknown>;
    const nowSlot = slot(now);
    const wasSlot = slot(was);
    if (nowSlot && wasSlot && isInsertion(nowSlot.parent[nowSlot.key], before, value)) {
      // Everything else the same: with the list put back as it was, the documents are equal.
      nowSlot.parent[nowSlot.key] = [...before];
      wasSlot.parent[wasSlot.key] = [...before];
      if (canonical(now) === canonical(was)) return { ok: true, value: edited };
    }
  }
  return refuse(
    file,
    "edit",
    "the line could not be added without changing other parts of the file; add it by hand",
  );
}

/** JSON with the keys sorted: a list created as a new key compares equal wherever it stands. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Whether `list` is `before` with `value` added at one place (the end, or a wrapped list's own line). */
function isInsertion(list: unknown, before: readonly string[], value: string): boolean {
  if (!Array.isArray(list) || list.length !== before.length + 1) return false;
  const at = list.lastIndexOf(value);
  return at >= 0 && JSON.stringify(list.toSpliced(at, 1)) === JSON.stringify(before);
}

function questionsOf(document: Record<string, unknown>, id: string): ReturnType<ListSlot> {
  const statements = document.statements;
  if (!Array.isArray(statements)) return undefined;
  const statement = statements.find((item) => (item as { id?: unknown } | null)?.id === id) as
    | Record<string, unknown>
    | undefined;
  return statement ? { parent: statement, key: "questions" } : undefined;
}

function refuse(
  file: string,
  field: string,
  message: string,
  lines?: LineCounter,
  node?: Node,
): Result<never> {
  const position = node?.range && lines ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
  const issue: KnowledgeIssue = { file, line: position.line, column: position.col, field, message };
  return { ok: false, issues: [issue] };
}
