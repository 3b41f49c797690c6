import type { Readable, Writable } from "node:stream";

/** The streams a command talks through, so tests can run commands in-process. */
export interface CliIO {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
}

export const ExitCode = {
  ok: 0,
  /** A check failed: invalid knowledge, a failed test of a file. */
  checkFailed: 1,
  /** Bad usage or settings. */
  usage: 2,
} as const;

export type CliCommand = (args: readonly string[], io: CliIO) => Promise<number>;

/** Bad command-line usage: the message, then the command's usage, on stderr; exit 2. */
export class UsageError extends Error {}

export { SetupError } from "../config/setup-error.js";

export function writeLine(stream: Writable, line = ""): void {
  stream.write(`${line}\n`);
}
