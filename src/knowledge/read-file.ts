import { readFile } from "node:fs/promises";
import type { KnowledgeIssue } from "./issues.js";
import { decodeKnowledgeBytes } from "./utf8.js";

export type KnowledgeText =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly code: string | undefined;
      /** Set when the file was read but is not UTF-8: content to fix, at a line and column. */
      readonly issues?: readonly KnowledgeIssue[];
    };

/**
 * The knowledge file's text, or why it cannot be read, in words a moderator can act on (not
 * `EISDIR: illegal operation on a directory, read`); the reason completes "The file …". A file
 * that is not UTF-8 is refused with the line and column of its first bad byte.
 */
export function readKnowledgeText(path: string): Promise<KnowledgeText> {
  return readTextFile(path, "a knowledge file");
}

/** Any text file the commands are pointed at (`--set FILE.yaml`): `what` is "a …", for a folder. */
export async function readTextFile(path: string, what: string): Promise<KnowledgeText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: unreadableReason(code, error, what), code };
  }
  const decoded = decodeKnowledgeBytes(bytes, path);
  if (decoded.ok) return { ok: true, text: decoded.value };
  return { ok: false, reason: "is not valid UTF-8", code: undefined, issues: decoded.issues };
}

function unreadableReason(code: string | undefined, error: unknown, what: string): string {
  switch (code) {
    case "ENOENT":
      return "is missing (no such file)";
    case "EISDIR":
      return `is a folder, not ${what}`;
    case "ENOTDIR":
      return "is missing (a part of its path is a file, not a folder)";
    case "EACCES":
    case "EPERM":
      return "cannot be read (permission denied)";
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
