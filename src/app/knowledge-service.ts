import { watch } from "node:fs";
import { basename, dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { writeFileAtomically } from "../knowledge/atomic-write.js";
import { diffKnowledge, type KnowledgeDiff, summarizeDiff } from "../knowledge/diff.js";
import type { HistoryEntry, KnowledgeHistory } from "../knowledge/history.js";
import { formatIssue, type KnowledgeIssue, type Result } from "../knowledge/issues.js";
import { type KnowledgeSet, shortHash } from "../knowledge/knowledge-set.js";
import { parseKnowledge } from "../knowledge/load.js";
import { parseKnowledgeOffThread } from "../knowledge/parse-off-thread.js";
import { readKnowledgeText } from "../knowledge/read-file.js";
import type { Logger } from "../logging/logger.js";
import type { SearchIndex } from "../search/search-index.js";
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
  readonly action: "reload" | "upload" | "rollback";
  readonly change: KnowledgeChange;
  readonly at: Date;
}

const WATCH_DEBOUNCE_MS = 250;

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
  ) {}

  /**
   * Loads the file and keeps its text in the history, so the version served from start-up can be
   * restored byte for byte later. Fails with the file's errors when it is invalid.
   */
  static async open(
    path: string,
    history: KnowledgeHistory,
    logger: Logger,
  ): Promise<Result<KnowledgeService>> {
    const read = await readKnowledgeText(path);
    if (!read.ok) {
      return {
        ok: false,
        issues: [{ file: path, line: 1, column: 1, field: "file", message: `the file ${read.reason}` }],
      };
    }
    const text = read.text;
    // On the parser thread that later reloads use, so that it already knows every statement.
    const parsed = await parseKnowledgeOffThread(text, path);
    if (!parsed.ok) return parsed;
    await history.save(text);
    return { ok: true, value: new KnowledgeService(new KnowledgeStore(parsed.value), path, history, logger) };
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
      const read = await readKnowledgeText(this.path);
      if (!read.ok) {
        return this.reject(actor, "reload", [
          {
            file: this.path,
            line: 1,
            column: 1,
            field: "file",
            message: `the file ${read.reason}; the loaded knowledge stays in use`,
          },
        ]);
      }
      return this.apply(read.text, actor, "reload", false);
    });
  }

  /** Checks text without applying it: for uploads before confirmation, and `validate`. */
  validate(text: string, label: string): Result<KnowledgeSet> {
    return parseKnowledge(text, label);
  }

  /** Writes a moderator's confirmed file and swaps it in; the previous version stays in the history. */
  upload(text: string, actor: string): Promise<KnowledgeChange> {
    return this.serialized(() => this.apply(text, actor, "upload", true));
  }

  /** Restores a version from the history, byte for byte. */
  rollback(entry: HistoryEntry, actor: string): Promise<KnowledgeChange> {
    return this.serialized(async () => this.apply(await this.history.read(entry), actor, "rollback", true));
  }

  /** Reloads when the file changes. Editors that save by renaming replace the file, so the folder is watched. */
  watch(): () => void {
    let timer: NodeJS.Timeout | undefined;
    const name = basename(this.path);
    const watcher = watch(dirname(this.path), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          void this.reload("file watcher").catch((error: unknown) =>
            this.logger.error({ err: error }, "reload failed"),
          ),
        WATCH_DEBOUNCE_MS,
      );
    });
    watcher.on("error", (error) => this.logger.warn({ err: error }, "cannot watch the knowledge folder"));
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  private async apply(
    text: string,
    actor: string,
    action: AuditEvent["action"],
    write: boolean,
  ): Promise<KnowledgeChange> {
    const started = performance.now();
    const parsed = await parseKnowledgeOffThread(text, write ? `${action} by ${actor}` : this.path);
    if (!parsed.ok) return this.reject(actor, action, parsed.issues);
    const before = this.current;
    if (parsed.value.hash === before.hash) {
      if (write) await writeFileAtomically(this.path, text);
      return { kind: "unchanged", knowledge: before };
    }
    const after = parsed.value;
    // Every served version is in the history (the first since start-up); the new one joins it
    // before anything changes, so a rollback can always return to either.
    await this.history.save(text);
    if (write) await writeFileAtomically(this.path, text);
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
        `knowledge ${event.action}: ${change.before.document.version} → ${change.after.document.version}, ${summarizeDiff(change.diff)}`,
      );
    } else if (change.kind === "rejected") {
      this.logger.warn(
        { actor: event.actor, action: event.action, errors: change.issues.map(formatIssue) },
        `knowledge ${event.action} rejected (${change.issues.length} errors); the previous knowledge stays in use`,
      );
    }
    for (const listener of this.auditListeners) listener(event);
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
