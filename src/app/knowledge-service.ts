import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { removeStrayTemporaryFiles, writeFileAtomically } from "../knowledge/atomic-write.js";
import { diffKnowledge, type KnowledgeDiff, summarizeDiff, versionName } from "../knowledge/diff.js";
import { withFileLock } from "../knowledge/file-lock.js";
import type { HistoryEntry, KnowledgeHistory } from "../knowledge/history.js";
import { formatIssue, type KnowledgeIssue, type Result } from "../knowledge/issues.js";
import { contentHash, type KnowledgeSet, shortHash } from "../knowledge/knowledge-set.js";
import { parseKnowledge, readKnowledgeSource } from "../knowledge/load.js";
import { parseKnowledgeOffThread } from "../knowledge/parse-off-thread.js";
import {
  positionOf,
  readServedLine,
  recordServed,
  rollbackTarget,
  type ServedRecord,
  type ServedVersion,
} from "../knowledge/served-line.js";
import { DEFAULT_KNOWLEDGE_MAX_BYTES, sizeIssue, tooLargeIssue } from "../knowledge/size-limit.js";
import type { Logger } from "../logging/logger.js";
import type { SearchIndex } from "../search/search-index.js";
import { type FollowedContent, followFile } from "./file-follower.js";
import { KnowledgeStore } from "./knowledge-store.js";

export type KnowledgeChange =
  | {
      readonly kind: "applied";
      readonly before: KnowledgeSet;
      readonly after: KnowledgeSet;
      readonly diff: KnowledgeDiff;
      readonly ms: number;
    }
  | { readonly kind: "unchanged"; readonly knowledge: KnowledgeSet }
  | { readonly kind: "rejected"; readonly issues: readonly KnowledgeIssue[] };

export interface Rejection {
  readonly at: Date;
  readonly actor: string;
  readonly issues: readonly KnowledgeIssue[];
}

/** What is reported to the log and the audit channel: who changed what, from which version to which. */
export interface AuditEvent {
  readonly actor: string;
  readonly action: "reload" | "upload" | "rollback" | "teach" | "out-of-scope";
  readonly change: KnowledgeChange;
  readonly at: Date;
}

export interface KnowledgeServiceOptions {
  /** The largest knowledge file accepted, however it arrives (KNOWLEDGE_MAX_BYTES). */
  readonly maxBytes?: number;
  /** How often the watcher hashes the file even without an event. */
  readonly pollMs?: number;
}

/** A version to restore, and where it stands in the line of served versions. */
export interface RollbackTarget {
  readonly entry: HistoryEntry;
  readonly position: number | undefined;
}

/** A change to the file's text; refused with the reason as issues when it does not fit the file. */
export type TextEdit = (text: string) => Result<string>;
/**
 * A change from the watcher that removes more than this share of the statements is held: far
 * more often a file cut short (a half-finished copy, a truncated save) than a real edit.
 */
const MAX_SHARE_REMOVED_UNASKED = 0.25;

/**
 * Owns the knowledge file while the bot runs: reloads it when it changes, applies uploads and
 * rollbacks, keeps every served version in the history. A bad file is rejected and the old
 * knowledge keeps answering; the bot never writes the file except to apply a moderator's
 * confirmed upload or rollback, and then atomically.
 */
export class KnowledgeService {
  private queue: Promise<unknown> = Promise.resolve();
  private rejection: Rejection | undefined;
  private readonly auditListeners: ((event: AuditEvent) => void)[] = [];

  private constructor(
    readonly store: KnowledgeStore,
    readonly path: string,
    readonly history: KnowledgeHistory,
    private readonly logger: Logger,
    private readonly options: KnowledgeServiceOptions,
  ) {}

  /**
   * Loads the file and keeps its text in the history, so the version served from start-up can be
   * restored byte for byte later. Fails with the file's errors when it is invalid.
   */
  static async open(
    path: string,
    history: KnowledgeHistory,
    logger: Logger,
    options: KnowledgeServiceOptions = {},
  ): Promise<Result<KnowledgeService>> {
    const tooLarge = await sizeIssue(path, options.maxBytes ?? DEFAULT_KNOWLEDGE_MAX_BYTES);
    if (tooLarge) return { ok: false, issues: [tooLarge] };
    const read = await readKnowledgeSource(path);
    if (!read.ok) return read;
    const text = read.value;
    // On the parser thread that later reloads use, so that it already knows every statement.
    const parsed = await parseKnowledgeOffThread(text, path);
    if (!parsed.ok) return parsed;
    const stray =
      (await history.removeStrayTemporaryFiles()) +
      (await removeStrayTemporaryFiles(dirname(path), basename(path)));
    if (stray > 0) logger.info({ files: stray }, "removed temporary files left by an interrupted write");
    try {
      await history.save(text);
      // Edited while the bot was stopped: a version of its own in the line.
      await recordServed(history, servedRecord(parsed.value, "file on disk", "start-up"));
    } catch (error) {
      // The knowledge is valid and answers; only a later rollback to this version is lost.
      logger.error(
        { err: error },
        `cannot keep the knowledge version in the history (${errorText(error)}); the bot answers, but reloads are refused until DATA_DIR is writable`,
      );
    }
    return {
      ok: true,
      value: new KnowledgeService(new KnowledgeStore(parsed.value), path, history, logger, options),
    };
  }

  get current(): KnowledgeSet {
    return this.store.current.knowledge;
  }

  /** The version of the knowledge file being served, as its header names it. */
  get servedVersion(): string {
    return this.current.document.version;
  }

  /** The live search index: read it once per question, and answer from that version throughout. */
  get index(): SearchIndex {
    return this.store.current;
  }

  get lastRejection(): Rejection | undefined {
    return this.rejection;
  }

  onAudit(listener: (event: AuditEvent) => void): void {
    this.auditListeners.push(listener);
  }

  /** Re-reads the file from disk; a change is applied only if the new file is valid. */
  reload(actor: string): Promise<KnowledgeChange> {
    return this.serialized(async () => {
      const tooLarge = await sizeIssue(this.path, this.maxBytes);
      if (tooLarge) return this.reject(actor, "reload", [tooLarge]);
      const read = await readKnowledgeSource(this.path, "; the loaded knowledge stays in use");
      if (!read.ok) return this.reject(actor, "reload", read.issues);
      return this.apply(read.value, actor, "reload", false);
    });
  }

  /** Checks text without applying it: for uploads before confirmation, and `validate`. */
  validate(text: string, label: string): Result<KnowledgeSet> {
    return parseKnowledge(text, label);
  }

  /**
   * Writes a moderator's confirmed file and swaps it in; the previous version stays in the history.
   * `basedOn`, the hash of the knowledge file when the moderator's preview was made, refuses the
   * upload when the file has changed since (a lesson taught meanwhile would be lost unseen).
   */
  upload(text: string, actor: string, basedOn?: string): Promise<KnowledgeChange> {
    return this.exclusively(actor, "upload", async () => {
      if (basedOn !== undefined) {
        const read = await readKnowledgeSource(this.path);
        if (read.ok && contentHash(read.value) !== basedOn)
          return this.reject(actor, "upload", [
            {
              file: this.path,
              line: 1,
              column: 1,
              field: "file",
              message: `the knowledge changed since this upload was checked (now ${versionName(this.current)}): nothing was written; upload the file again to see what it changes now`,
            },
          ]);
      }
      return this.apply(text, actor, "upload", true);
    });
  }

  /** Restores a version from the history, byte for byte. */
  rollback(target: RollbackTarget, actor: string): Promise<KnowledgeChange> {
    return this.exclusively(actor, "rollback", async () => {
      // Pruned, removed or unreadable since it was listed: a failed rollback, reported like one.
      const read = await this.history.read(target.entry).then(
        (text) => ({ text }),
        (error: unknown) => ({ error }),
      );
      if ("error" in read)
        return this.reject(actor, "rollback", [
          failureIssue(target.entry.file, "cannot read this version from the history", read.error),
        ]);
      return this.apply(read.text, actor, "rollback", true, false, target.position);
    });
  }

  /** The versions in the order they were served, oldest first. */
  servedLine(): Promise<ServedVersion[]> {
    return readServedLine(this.history);
  }

  /**
   * Where a rollback goes: the version named (a hash prefix), or else the one served before the
   * current one, one further back on each call.
   */
  async rollbackTarget(requested?: string): Promise<RollbackTarget | undefined> {
    const line = await this.servedLine();
    if (requested) {
      const entry = await this.history.find(requested);
      return entry ? { entry, position: positionOf(line, entry.version) } : undefined;
    }
    const served = rollbackTarget(line, this.current.hash);
    return served?.entry ? { entry: served.entry, position: served.position } : undefined;
  }

  /**
   * Changes the file as text, the way an upload does (validated, written atomically, a new
   * version in the history, every shard, the audit channel). The change is made to the file as it
   * is now, read under the lock every writer takes, so that an edit made meanwhile (another
   * moderator, another shard, the shell) is kept; `change` refuses when it no longer fits.
   */
  edit(actor: string, action: "teach" | "out-of-scope", change: TextEdit): Promise<KnowledgeChange> {
    return this.exclusively(actor, action, async () => {
      const read = await readKnowledgeSource(this.path);
      if (!read.ok) return this.reject(actor, action, read.issues);
      const edited = change(read.value);
      if (!edited.ok) return this.reject(actor, action, edited.issues);
      return this.apply(edited.value, actor, action, true);
    });
  }

  /**
   * Reloads when the file changes, however it is replaced (see followFile): only whole files, and a
   * change that removes more than a quarter of the statements is held for a moderator to confirm.
   */
  watch(): () => void {
    return followFile(this.path, (content) => this.fromWatcher(content), this.logger, {
      initialHash: this.current.hash,
      ...(this.options.pollMs ? { pollMs: this.options.pollMs } : {}),
    });
  }

  private async fromWatcher(content: FollowedContent): Promise<void> {
    const actor = "file watcher";
    try {
      if (!("text" in content)) {
        // Reports the missing or unreadable file; the loaded knowledge stays.
        await this.reload(actor);
        return;
      }
      const { text } = content;
      await this.serialized(async () => {
        const hash = contentHash(text);
        // Our own upload or rollback, seen again on disk.
        if (hash === this.current.hash) return;
        // A version served before (a rollback from the shell) was chosen, not cut short. An
        // unreadable history knows none: the change is then held if it removes much.
        const history = await this.history.list().catch(() => []);
        const known = history.some((entry) => hash.startsWith(entry.version));
        await this.apply(text, actor, "reload", false, !known);
      });
    } catch (error) {
      // Whatever failed, it is a rejected reload: counted, audited and in /knowledge status.
      this.reject(actor, "reload", [failureIssue(this.path, "the reload failed", error)]);
    }
  }

  private get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_KNOWLEDGE_MAX_BYTES;
  }

  private async apply(
    text: string,
    actor: string,
    action: AuditEvent["action"],
    write: boolean,
    holdLargeRemovals = false,
    restores?: number,
  ): Promise<KnowledgeChange> {
    const started = performance.now();
    const origin = write ? `${action} by ${actor}` : this.path;
    const bytes = Buffer.byteLength(text);
    if (bytes > this.maxBytes)
      return this.reject(actor, action, [tooLargeIssue(origin, bytes, this.maxBytes)]);
    const parsed = await parseKnowledgeOffThread(text, origin);
    if (!parsed.ok) return this.reject(actor, action, parsed.issues);
    const before = this.current;
    if (parsed.value.hash === before.hash) {
      if (write) {
        const failed = await this.attempt(() => writeFileAtomically(this.path, text), this.path, "write");
        if (failed) return this.reject(actor, action, [failed]);
      }
      return { kind: "unchanged", knowledge: before };
    }
    const after = parsed.value;
    if (holdLargeRemovals) {
      const held = heldIssue(origin, before, after);
      if (held) return this.reject(actor, action, [held]);
    }
    // Every served version is in the history (the first since start-up); the new one joins it
    // before anything changes, so a rollback can always return to either. A version that cannot
    // be kept is not served: a rollback must always be able to return to what was live.
    const unsaved = await this.attempt(
      () => this.history.save(text, new Date(), shortHash(before.hash)),
      "DATA_DIR/history",
      "keep",
    );
    if (unsaved) return this.reject(actor, action, [unsaved]);
    if (write) {
      const failed = await this.attempt(() => writeFileAtomically(this.path, text), this.path, "write");
      if (failed) return this.reject(actor, action, [failed]);
    }
    await this.attempt(
      () => recordServed(this.history, servedRecord(after, actor, action, restores)),
      "DATA_DIR/history",
      "keep",
    );
    await this.store.replace(after);
    this.rejection = undefined;
    const change: KnowledgeChange = {
      kind: "applied",
      before,
      after,
      diff: diffKnowledge(before, after),
      ms: Math.round(performance.now() - started),
    };
    this.announce({ actor, action, change, at: new Date() });
    return change;
  }

  /** Runs a file operation; its failure as an issue to report, or undefined when it worked. */
  private async attempt(
    operation: () => Promise<unknown>,
    file: string,
    verb: "keep" | "write",
  ): Promise<KnowledgeIssue | undefined> {
    try {
      await operation();
      return undefined;
    } catch (error) {
      const what = verb === "keep" ? "cannot keep this version in the history" : "cannot write the file";
      return failureIssue(file, what, error);
    }
  }

  private reject(
    actor: string,
    action: AuditEvent["action"],
    issues: readonly KnowledgeIssue[],
  ): KnowledgeChange {
    this.rejection = { at: new Date(), actor, issues };
    const change: KnowledgeChange = { kind: "rejected", issues };
    this.announce({ actor, action, change, at: this.rejection.at });
    return change;
  }

  private announce(event: AuditEvent): void {
    const { change } = event;
    if (change.kind === "applied") {
      this.logger.info(
        {
          actor: event.actor,
          action: event.action,
          from: shortHash(change.before.hash),
          to: shortHash(change.after.hash),
          ms: change.ms,
        },
        `knowledge ${event.action}: ${versionName(change.before)} → ${versionName(change.after)}, ${summarizeDiff(change.diff)}`,
      );
    } else if (change.kind === "rejected") {
      this.logger.warn(
        { actor: event.actor, action: event.action, errors: change.issues.map(formatIssue) },
        `knowledge ${event.action} rejected (${change.issues.length} errors); the previous knowledge stays in use`,
      );
    }
    for (const listener of this.auditListeners) listener(event);
  }

  /**
   * One write at a time: in this process by the queue, across processes (shards, a shell command
   * beside the bot) by a lock file beside the knowledge file, which every writer takes.
   */
  private exclusively(
    actor: string,
    action: AuditEvent["action"],
    task: () => Promise<KnowledgeChange>,
  ): Promise<KnowledgeChange> {
    const lock = join(dirname(this.path), `.${basename(this.path)}.lock`);
    return this.serialized(async () => {
      let started = false;
      try {
        return await withFileLock(lock, () => {
          started = true;
          return task();
        });
      } catch (error) {
        if (started) throw error;
        // A lock that cannot be taken (a read-only folder, another writer for too long) is a
        // failed change like any other: counted, audited, in /knowledge status.
        return this.reject(actor, action, [
          failureIssue(lock, "cannot take the knowledge file's lock", error),
        ]);
      }
    });
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function servedRecord(
  knowledge: KnowledgeSet,
  actor: string,
  action: string,
  restores?: number,
): ServedRecord {
  return {
    version: shortHash(knowledge.hash),
    name: knowledge.document.version,
    at: new Date().toISOString(),
    actor,
    action,
    ...(restores === undefined ? {} : { restores }),
  };
}

/** A change from the watcher that drops more than a quarter of the statements, as an issue. */
function heldIssue(file: string, before: KnowledgeSet, after: KnowledgeSet): KnowledgeIssue | undefined {
  const kept = new Set(after.statements.map((statement) => statement.id));
  const removed = before.statements.filter((statement) => !kept.has(statement.id)).length;
  if (removed <= before.statements.length * MAX_SHARE_REMOVED_UNASKED) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    field: "statements",
    message: `held, not applied: this change removes ${removed} of ${before.statements.length} statements (more than a quarter), as a file cut short would. If it is meant, apply it with /knowledge reload (or send the bot SIGHUP)`,
  };
}

/** A file operation's failure as an issue: what failed, why, and that nothing changed. */
function failureIssue(file: string, what: string, error: unknown): KnowledgeIssue {
  return {
    file,
    line: 1,
    column: 1,
    field: "file",
    message: `${what} (${errorText(error)}); the previous knowledge stays in use`,
  };
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}
