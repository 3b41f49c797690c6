import { join } from "node:path";
import type { Logger } from "../logging/logger.js";
import { DATABASE_FILE, FeedbackStore, type FeedbackStoreOptions } from "./feedback-store.js";
import type { DatabaseSource } from "./prepared.js";
import { SaltMissingError } from "./salt.js";

/** Why feedback cannot be stored right now; votes and gaps say so instead of failing. */
export class FeedbackUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "FeedbackUnavailableError";
  }
}

/**
 * Feedback is optional; answers are not. The store behind a guard: a database that cannot be
 * opened or written (damaged, read-only, disk full) turns feedback off with one clear log line and
 * the bot keeps answering; a lost salt stops writes but not the gaps report. `problem` says why,
 * for `/healthz` and the metrics.
 */
export class FeedbackService {
  private store: FeedbackStore | undefined;
  private reason: string | undefined;
  private readonly listeners: ((problem: string | undefined) => void)[] = [];

  private constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {}

  static open(dataDir: string, options: FeedbackStoreOptions, logger: Logger): FeedbackService {
    const service = new FeedbackService(dataDir, logger);
    try {
      service.store = FeedbackStore.open(dataDir, options);
      if (service.store.saltMissing) service.fail(new SaltMissingError(dataDir).message);
    } catch (error) {
      service.fail(service.explain(error));
    }
    return service;
  }

  /** Undefined while feedback works; otherwise why it does not, with what the operator can do. */
  get problem(): string | undefined {
    return this.reason;
  }

  /** For `/healthz`: what works less than it should, and why; empty while feedback works. */
  get degraded(): string[] {
    return this.reason ? [`feedback: ${this.reason}`] : [];
  }

  /** Called with the problem when feedback stops working (and on subscribing, if it already has). */
  onProblem(listener: (problem: string | undefined) => void): void {
    this.listeners.push(listener);
    listener(this.reason);
  }

  /** Stores new rows; throws FeedbackUnavailableError when feedback is off or the write fails. */
  write<T>(action: (store: FeedbackStore) => T): T {
    if (!this.store || this.reason) throw new FeedbackUnavailableError(this.reason ?? "closed");
    return this.guarded(this.store, action);
  }

  /**
   * Anything that needs no salt — the gaps report, purging expired rows — which goes on while only
   * new rows are refused (a lost salt).
   */
  use<T>(action: (store: FeedbackStore) => T): T {
    if (!this.store) throw new FeedbackUnavailableError(this.reason ?? "closed");
    return this.guarded(this.store, action);
  }

  close(): void {
    this.store?.close();
  }

  private guarded<T>(store: FeedbackStore, action: (store: FeedbackStore) => T): T {
    try {
      return action(store);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      // Damaged or unwritable under a running bot: stop using it, say so once, keep answering.
      this.store = undefined;
      store.close();
      const reason = this.explain(error);
      this.fail(reason);
      throw new FeedbackUnavailableError(reason);
    }
  }

  private fail(reason: string): void {
    if (this.reason) return;
    this.reason = reason;
    this.logger.error(`feedback is off, answers go on: ${reason}`);
    for (const listener of this.listeners) listener(reason);
  }

  private explain(error: unknown): string {
    const file = join(this.dataDir, DATABASE_FILE);
    const code = (error as { code?: string }).code ?? "";
    const message = error instanceof Error ? error.message : String(error);
    if (/^(EROFS|EACCES|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN)/.test(code))
      return `${file} cannot be written (${message}): make ${this.dataDir} writable for the bot and restart it`;
    if (/^(ENOSPC|SQLITE_FULL)/.test(code))
      return `${file} cannot grow: the disk is full (${message}); free space and restart the bot`;
    if (isStorageFailure(error))
      return `${file} cannot be used (${message}): move it aside (mv ${file} ${file}.broken, with its -wal and -shm files) and restart; the bot then creates a new one`;
    return `${file} cannot be opened (${message})`;
  }
}

/**
 * The database for the modules that keep their own rows in it (per-server settings, stored data):
 * their queries run inside the service's guard, so a file found damaged or unwritable there
 * switches feedback off once and is reported, as if the feedback store had met it.
 */
export function databaseSource(feedback: FeedbackService): DatabaseSource {
  return (action) => feedback.use((store) => action(store.database));
}

/** Runs a feedback action; when feedback is off, the reason to tell the person instead. */
export function feedbackAttempt<T>(action: () => T): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    if (error instanceof FeedbackUnavailableError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Errors of the file or the disk, as opposed to a bug in a query. */
function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === "string" &&
    /^(SQLITE_(CORRUPT|NOTADB|READONLY|IOERR|FULL|CANTOPEN|PERM)|EROFS|EACCES|EPERM|ENOSPC|EIO)/.test(code)
  );
}
