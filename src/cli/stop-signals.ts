import type { Logger } from "../logging/logger.js";

/** Orchestrators send SIGKILL 10 s after SIGTERM by default; the bot is gone before that. */
export const SHUTDOWN_DEADLINE_MS = 9_000;

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGTERM: 15 };

export interface StopSignalOptions {
  readonly logger: Logger;
  readonly deadlineMs?: number;
  /** process.exit, or a stand-in in tests. */
  readonly exit?: (code: number) => void;
  readonly process?: Pick<NodeJS.Process, "on" | "off">;
}

/**
 * Resolves on the first SIGINT or SIGTERM: a clean stop, as Ctrl+C and service managers expect.
 * From then on the stop has a deadline — whatever the gateway does, the process ends, with exit
 * code 0 — and a second signal ends it at once (128 + the signal's number, as shells report).
 */
export function untilStopSignal(options: StopSignalOptions): Promise<NodeJS.Signals> {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.process ?? process;
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "second signal: stopping now");
        flush(logger);
        exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
        return;
      }
      stopping = true;
      logger.info({ signal }, "shutting down");
      const deadline = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
      setTimeout(() => {
        logger.warn({ deadlineMs: deadline }, "shutdown did not finish in time: exiting");
        flush(logger);
        exit(0);
      }, deadline).unref();
      resolve(signal);
    };
    target.on("SIGINT", onSignal);
    target.on("SIGTERM", onSignal);
  });
}

function flush(logger: Logger): void {
  try {
    logger.flush();
  } catch {
    // A log that cannot be flushed must not keep the process from ending.
  }
}
