import { mkdir, readdir, readFile, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { removeStrayTemporaryFiles, writeFileAtomically } from "./atomic-write.js";
import { contentHash, shortHash } from "./knowledge-set.js";

/** Versions kept unless HISTORY_KEEP says otherwise. */
export const DEFAULT_HISTORY_KEEP = 50;

export interface HistoryEntry {
  /** What a moderator types to roll back: the hash prefix. */
  readonly version: string;
  readonly file: string;
  readonly savedAt: Date;
  readonly bytes: number;
}

const ENTRY = /^(\d{8}T\d{6}Z)-([0-9a-f]{12})\.yaml$/;

/**
 * Every knowledge version the bot has served, kept byte for byte under DATA_DIR/history, so any
 * of them can be restored exactly. Named by time and content hash; the same content is kept once.
 */
export class KnowledgeHistory {
  constructor(
    readonly directory: string,
    /** The newest this many versions are kept; older ones go when a version is added. */
    private readonly keep = DEFAULT_HISTORY_KEEP,
  ) {}

  /**
   * Keeps `text`, the version about to be served, and prunes the oldest beyond `keep` — never
   * `text` itself nor `serving`, the version still served until the new one is in place (a write
   * that fails after this must leave the live version restorable).
   */
  async save(text: string, now = new Date(), serving?: string): Promise<HistoryEntry> {
    const version = shortHash(contentHash(text));
    const existing = (await this.list()).find((entry) => entry.version === version);
    if (existing) return existing;
    await mkdir(this.directory, { recursive: true });
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const file = join(this.directory, `${stamp}-${version}.yaml`);
    await writeFileAtomically(file, text);
    await this.prune([version, ...(serving ? [serving] : [])]);
    return { version, file, savedAt: now, bytes: Buffer.byteLength(text) };
  }

  /** Temporary files a killed process left behind; run at start, returns how many went. */
  removeStrayTemporaryFiles(): Promise<number> {
    return removeStrayTemporaryFiles(this.directory);
  }

  /** Deletes all but the newest `keep` versions, never those in `kept`. */
  private async prune(kept: readonly string[]): Promise<void> {
    const surplus = (await this.list()).slice(this.keep).filter((entry) => !kept.includes(entry.version));
    // Another process may prune at the same time; a file already gone is fine.
    await Promise.all(surplus.map((entry) => unlink(entry.file).catch(() => undefined)));
  }

  /** Newest first. */
  async list(): Promise<HistoryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const entries = await Promise.all(
      names.flatMap((name) => {
        const match = ENTRY.exec(name);
        if (!match) return [];
        const file = join(this.directory, name);
        return [
          stat(file).then(
            (info) => ({
              version: match[2] as string,
              file,
              savedAt: parseStamp(match[1] as string),
              bytes: info.size,
            }),
            // Another process may prune the folder between listing and reading it.
            () => undefined,
          ),
        ];
      }),
    );
    return entries
      .filter((entry) => entry !== undefined)
      .sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime() || b.file.localeCompare(a.file));
  }

  /** The entry whose version starts with `prefix` (at least 4 characters), if exactly one does. */
  async find(prefix: string): Promise<HistoryEntry | undefined> {
    if (!/^[0-9a-f]{4,12}$/.test(prefix)) return undefined;
    const matches = (await this.list()).filter((entry) => entry.version.startsWith(prefix));
    return matches.length === 1 ? matches[0] : undefined;
  }

  async read(entry: HistoryEntry): Promise<string> {
    return readFile(entry.file, "utf8");
  }
}

function parseStamp(stamp: string): Date {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  return new Date(iso);
}
