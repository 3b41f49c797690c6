import type { KnowledgeSet } from "./knowledge-set.js";

export interface KnowledgeDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Ids present in both whose statement changed in any field. */
  readonly changed: readonly string[];
  /** Whether anything outside the statements changed (header, topics, sources, glossary). */
  readonly headerChanged: boolean;
}

/** What a new knowledge version adds, removes and changes, by statement id. */
export function diffKnowledge(before: KnowledgeSet, after: KnowledgeSet): KnowledgeDiff {
  const added: string[] = [];
  const changed: string[] = [];
  for (const statement of after.statements) {
    const old = before.statementsById.get(statement.id);
    if (!old) added.push(statement.id);
    else if (JSON.stringify(old) !== JSON.stringify(statement)) changed.push(statement.id);
  }
  const removed = before.statements
    .filter((statement) => !after.statementsById.has(statement.id))
    .map((s) => s.id);
  const { statements: _before, ...beforeHeader } = before.document;
  const { statements: _after, ...afterHeader } = after.document;
  return {
    added,
    removed,
    changed,
    headerChanged: JSON.stringify(beforeHeader) !== JSON.stringify(afterHeader),
  };
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
