import { mkdirSync } from "node:fs";
import { SetupError } from "./setup-error.js";

/**
 * Creates DATA_DIR if needed, or says plainly why it cannot be used, naming the setting: the
 * history, the feedback database and the salt all live there, so nothing works without it.
 */
export function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOTDIR" || code === "EEXIST"
        ? "is a file, not a folder (or lies inside one)"
        : code === "EACCES" || code === "EPERM"
          ? "cannot be created or written (permission denied)"
          : code === "EROFS"
            ? "is on a read-only file system"
            : `cannot be used (${code ?? (error instanceof Error ? error.message : String(error))})`;
    throw new SetupError(
      `DATA_DIR (${dataDir}) ${reason}: set DATA_DIR to a folder the bot may write (see .env.example).`,
    );
  }
}
