import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured logs on standard error: standard output belongs to command results. The token is
 * redacted wherever it might appear in a logged object; message content is logged only at debug.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: "summit-bot" },
      redact: {
        paths: [
          "token",
          "*.token",
          "*.*.token",
          "headers.authorization",
          "*.headers.authorization",
          "DISCORD_TOKEN",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/** For tests and tools that must stay quiet. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
