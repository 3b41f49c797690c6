import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

export const SALT_FILE = "salt";
const SALT_BYTES = 32;

/**
 * The salt for hashing user ids, guarded: created on first start, but never again while the
 * database still holds rows hashed with a lost one — a new salt would silently orphan them from
 * `forgetUser`. Then undefined: the store refuses to write until the operator restores the salt or
 * deletes the old rows (`knowledge -- forget-all`).
 */
export function guardedSalt(dataDir: string, holdsRows: () => boolean): Buffer | undefined {
  const existing = readSalt(join(dataDir, SALT_FILE));
  if (existing) return existing;
  if (holdsRows()) return undefined;
  return loadOrCreateSalt(dataDir);
}

/**
 * Reads the salt, or creates it. It must survive restarts, so it is written to a temporary file,
 * flushed, and linked into place: `link` fails if another process got there first, and then that
 * process's salt is the one used.
 */
export function loadOrCreateSalt(dataDir: string): Buffer {
  const path = join(dataDir, SALT_FILE);
  const existing = readSalt(path);
  if (existing) return existing;
  const temporary = join(dataDir, `.${SALT_FILE}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", 0o600);
  try {
    writeSync(fd, randomBytes(SALT_BYTES));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    syncDirectory(dataDir);
  } catch (error) {
    if (!isErrorCode(error, "EEXIST")) throw error;
  } finally {
    unlinkSync(temporary);
  }
  const salt = readSalt(path);
  if (!salt) throw new Error(`${path} could not be created`);
  return salt;
}

export function readSalt(path: string): Buffer | undefined {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    if (isErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
  // Never regenerate a damaged salt: that would silently orphan every stored row from forgetUser.
  if (content.length !== SALT_BYTES) throw new Error(`${path} is damaged: expected ${SALT_BYTES} bytes`);
  return content;
}

/** Thrown when a row would need the salt that is missing. */
export class SaltMissingError extends Error {
  constructor(dataDir: string) {
    super(
      `${join(dataDir, SALT_FILE)} is missing while the feedback database holds rows hashed with it: nothing new is stored until it is restored from a backup, or the old rows are deleted (npm run --silent knowledge -- forget-all --yes)`,
    );
    this.name = "SaltMissingError";
  }
}

function syncDirectory(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a directory; the salt file itself is already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
