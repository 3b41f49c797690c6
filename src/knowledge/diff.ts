import { type KnowledgeSet, shortHash } from "./knowledge-set.js";

/** One field that changed: a scalar's old and new text, or a list's added and removed items. */
export interface FieldChange {
  /** The statement id, or `header` for anything outside the statements. */
  readonly id: string;
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
}

export interface KnowledgeDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Ids present in both whose statement changed in any field. */
  readonly changed: readonly string[];
  /** Whether anything outside the statements changed (header, topics, sources, glossary). */
  readonly headerChanged: boolean;
  /** What changed in each changed statement and in the header, field by field. */
  readonly fields: readonly FieldChange[];
}

export const HEADER = "header";

/** What a new knowledge version adds, removes and changes, by statement id and field. */
export function diffKnowledge(before: KnowledgeSet, after: KnowledgeSet): KnowledgeDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const fields: FieldChange[] = [];
  for (const statement of after.statements) {
    const old = before.statementsById.get(statement.id);
    if (!old) added.push(statement.id);
    else if (JSON.stringify(old) !== JSON.stringify(statement)) {
      changed.push(statement.id);
      fields.push(...fieldChanges(statement.id, old, statement));
    }
  }
  const removed = before.statements
    .filter((statement) => !after.statementsById.has(statement.id))
    .map((s) => s.id);
  const { statements: _before, ...beforeHeader } = before.document;
  const { statements: _after, ...afterHeader } = after.document;
  const header = fieldChanges(HEADER, beforeHeader, afterHeader);
  return { added, removed, changed, headerChanged: header.length > 0, fields: [...fields, ...header] };
}

function fieldChanges(id: string, before: object, after: object): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const field of keys) {
    const old = (before as Record<string, unknown>)[field];
    const now = (after as Record<string, unknown>)[field];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    if (Array.isArray(old) || Array.isArray(now)) {
      const oldItems = (Array.isArray(old) ? old : []).map(itemText);
      const newItems = (Array.isArray(now) ? now : []).map(itemText);
      const addedItems = newItems.filter((item) => !oldItems.includes(item));
      const removedItems = oldItems.filter((item) => !newItems.includes(item));
      // Only the order changed: shown as the whole list before and after.
      if (addedItems.length === 0 && removedItems.length === 0)
        changes.push({ id, field, before: oldItems.join(" · "), after: newItems.join(" · ") });
      else changes.push({ id, field, added: addedItems, removed: removedItems });
    } else {
      changes.push({ id, field, before: itemText(old), after: itemText(now) });
    }
  }
  return changes;
}

function itemText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One line for logs and audit messages: `+2 −1 ~3 (added: a, b; removed: c; changed: d, e, f)`. */
export function summarizeDiff(diff: KnowledgeDiff, maxIds = 10): string {
  const list = (ids: readonly string[]) =>
    ids.length > maxIds
      ? `${ids.slice(0, maxIds).join(", ")} and ${ids.length - maxIds} more`
      : ids.join(", ");
  const parts = [
    diff.added.length > 0 ? `added: ${list(diff.added)}` : "",
    diff.removed.length > 0 ? `removed: ${list(diff.removed)}` : "",
    diff.changed.length > 0 ? `changed: ${list(diff.changed)}` : "",
    diff.headerChanged ? "header changed" : "",
  ].filter(Boolean);
  const counts = `+${diff.added.length} −${diff.removed.length} ~${diff.changed.length}`;
  return parts.length === 0 ? `${counts} (no changes)` : `${counts} (${parts.join("; ")})`;
}

/**
 * What changed, field by field, one line each: `~ id questions: + "new question"`,
 * `~ id de: "old" → "new"`. Each text is cut to `maxText` characters (whole when infinite).
 */
export function diffDetails(diff: KnowledgeDiff, maxText = Number.POSITIVE_INFINITY): string[] {
  const cut = (text: string) => `"${text.length > maxText ? `${text.slice(0, maxText - 1)}…` : text}"`;
  const lines: string[] = [];
  for (const id of diff.added) lines.push(`+ ${id}`);
  for (const id of diff.removed) lines.push(`- ${id}`);
  for (const change of diff.fields) {
    const at = `~ ${change.id} ${change.field}:`;
    if (change.added || change.removed) {
      for (const item of change.added ?? []) lines.push(`${at} + ${cut(item)}`);
      for (const item of change.removed ?? []) lines.push(`${at} - ${cut(item)}`);
    } else {
      lines.push(`${at} ${cut(change.before ?? "")} → ${cut(change.after ?? "")}`);
    }
  }
  return lines;
}

/** Whether statements changed while the file's `version` stayed the same: every message then reads "A → A". */
export function versionUnchanged(before: KnowledgeSet, after: KnowledgeSet, diff: KnowledgeDiff): boolean {
  const statementsChanged = diff.added.length + diff.removed.length + diff.changed.length > 0;
  return statementsChanged && before.document.version === after.document.version;
}

/** A version as people tell versions apart: the file's `version` and the content hash. */
export function versionName(knowledge: KnowledgeSet): string {
  return `${knowledge.document.version} (${shortHash(knowledge.hash)})`;
}
