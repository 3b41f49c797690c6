import { appendFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { HistoryEntry, KnowledgeHistory } from "./history.js";

/**
 * The versions in the order they were served, beside the content the history keeps once per hash.
 * The content folder alone cannot say that version A was served again after B (a rollback), nor
 * who made a version: without that, "the one before the current" toggled between two versions.
 * Append-only JSON lines, so that the bot and a shell command writing at once both stay recorded.
 */
export const SERVED_LOG = "served.jsonl";

export interface ServedRecord {
  /** The history's version: the content hash prefix. */
  readonly version: string;
  /** The file's own `version:` field. */
  readonly name: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  /** For a rollback, the position in the line of the version it restored. */
  readonly restores?: number;
}

export interface ServedVersion extends ServedRecord {
  /** Where it stands in the line, oldest first; what `restores` refers to. */
  readonly position: number;
  /** Its content, unless that was pruned from the history. */
  readonly entry: HistoryEntry | undefined;
}

export async function recordServed(history: KnowledgeHistory, record: ServedRecord): Promise<void> {
  const records = (await readLog(history)) ?? [];
  // The same content again (a watcher reload after a shell command's write) is not a new version.
  if (records.at(-1)?.version === record.version) return;
  await mkdir(history.directory, { recursive: true });
  await appendFile(join(history.directory, SERVED_LOG), `${JSON.stringify(record)}\n`);
}

/** Oldest first. Without a log (history kept by an older release) the content files, by time. */
export async function readServedLine(history: KnowledgeHistory): Promise<ServedVersion[]> {
  const [entries, records] = await Promise.all([history.list(), readLog(history)]);
  if (!records)
    return entries
      .slice()
      .reverse()
      .map((entry, position) => ({
        version: entry.version,
        name: "",
        at: entry.savedAt.toISOString(),
        actor: "",
        action: "",
        position,
        entry,
      }));
  const byVersion = new Map(entries.map((entry) => [entry.version, entry]));
  return records.map((record, position) => ({ ...record, position, entry: byVersion.get(record.version) }));
}

async function readLog(history: KnowledgeHistory): Promise<ServedRecord[] | undefined> {
  let text: string;
  try {
    text = await readFile(join(history.directory, SERVED_LOG), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // A torn last line (a crash mid-append) is skipped, not fatal.
  return text.split("\n").flatMap((raw) => parseRecord(raw) ?? []);
}

/** The version the line says is served now: the newest record with the given content hash. */
export function currentOf(line: readonly ServedVersion[], hash: string): ServedVersion | undefined {
  return line.findLast((served) => hash.startsWith(served.version));
}

/**
 * Where a rollback without a version goes: the version served before the current one. A version
 * that a rollback restored stands where it stood before, so each call walks one further back
 * instead of returning to the version just left.
 */
export function rollbackTarget(line: readonly ServedVersion[], hash: string): ServedVersion | undefined {
  const current = currentOf(line, hash);
  const from = current ? (current.restores ?? current.position) : line.length;
  for (let position = Math.min(from, line.length) - 1; position >= 0; position--) {
    const candidate = line[position];
    if (candidate?.entry && !hash.startsWith(candidate.version)) return candidate;
  }
  return undefined;
}

/** The newest position in the line of a version, for a rollback to a version named by a moderator. */
export function positionOf(line: readonly ServedVersion[], version: string): number | undefined {
  return line.findLast((served) => served.version === version)?.position;
}

function parseRecord(raw: string): ServedRecord | undefined {
  if (raw.trim() === "") return undefined;
  try {
    const value = JSON.parse(raw) as Partial<ServedRecord>;
    if (typeof value.version !== "string" || typeof value.at !== "string") return undefined;
    return {
      version: value.version,
      name: typeof value.name === "string" ? value.name : "",
      at: value.at,
      actor: typeof value.actor === "string" ? value.actor : "",
      action: typeof value.action === "string" ? value.action : "",
      ...(typeof value.restores === "number" ? { restores: value.restores } : {}),
    };
  } catch {
    return undefined;
  }
}

export interface HistoryRow extends ServedVersion {
  /** The version served now: the newest record of the current content. */
  readonly current: boolean;
}

/** The line newest first, as `history` shows it, with the version in use marked. */
export function historyRows(line: readonly ServedVersion[], currentHash: string | undefined): HistoryRow[] {
  const current = currentHash === undefined ? undefined : currentOf(line, currentHash);
  return line
    .slice()
    .reverse()
    .map((served) => ({ ...served, current: served.position === current?.position }));
}
