import { stat } from "node:fs/promises";
import type { KnowledgeIssue } from "./issues.js";

/** KNOWLEDGE_MAX_BYTES unless set: far above a real summit's file, far below what hurts memory. */
export const DEFAULT_KNOWLEDGE_MAX_BYTES = 5_000_000;

/**
 * Checked before reading, so that a huge file never lands in memory; a file that cannot be
 * stat'ed is left to the read, which says why. `consequence` ends the message: what happens now.
 */
export async function sizeIssue(
  path: string,
  maxBytes: number,
  consequence = "the previous knowledge stays in use",
): Promise<KnowledgeIssue | undefined> {
  const size = await stat(path).then(
    (info) => info.size,
    () => 0,
  );
  return size > maxBytes ? tooLargeIssue(path, size, maxBytes, consequence) : undefined;
}

export function tooLargeIssue(
  file: string,
  bytes: number,
  maxBytes: number,
  consequence = "the previous knowledge stays in use",
): KnowledgeIssue {
  return {
    file,
    line: 1,
    column: 1,
    field: "file",
    message: `the file has ${bytes} bytes, more than KNOWLEDGE_MAX_BYTES (${maxBytes}); ${consequence}`,
  };
}
