import type { Result } from "./issues.js";
import { contentHash, createKnowledgeSet, type KnowledgeSet } from "./knowledge-set.js";
import { readKnowledgeText } from "./read-file.js";
import { validateKnowledgeText } from "./validate.js";

export const DEFAULT_KNOWLEDGE_PATH = "knowledge/summit.yaml";

/** Validates text into a knowledge set. Pure: the origin is only a label for errors and status. */
export function parseKnowledge(text: string, origin: string): Result<KnowledgeSet> {
  const validated = validateKnowledgeText(text, origin);
  if (!validated.ok) return validated;
  return { ok: true, value: createKnowledgeSet(validated.value, { hash: contentHash(text), origin }) };
}

/** Reads and validates a knowledge file. Never writes to it. */
export async function loadKnowledgeFile(path: string): Promise<Result<KnowledgeSet>> {
  const read = await readKnowledgeSource(path);
  return read.ok ? parseKnowledge(read.value, path) : read;
}

/**
 * A knowledge file's text, or why not as issues in the one format: a file that cannot be read at
 * 1:1 ("the file is missing …", completed by `after`), one that is not UTF-8 at its first bad byte.
 */
export async function readKnowledgeSource(path: string, after = ""): Promise<Result<string>> {
  const read = await readKnowledgeText(path);
  if (read.ok) return { ok: true, value: read.text };
  return {
    ok: false,
    issues: read.issues ?? [
      { file: path, line: 1, column: 1, field: "file", message: `the file ${read.reason}${after}` },
    ],
  };
}
