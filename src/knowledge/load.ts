import { readFile } from "node:fs/promises";
import type { Result } from "./issues.js";
import { contentHash, createKnowledgeSet, type KnowledgeSet } from "./knowledge-set.js";
import { decodeKnowledgeBytes } from "./utf8.js";
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
  const read = await readKnowledgeText(path);
  return read.ok ? parseKnowledge(read.value, path) : read;
}

/** A knowledge file's text, refused when it is not UTF-8; `missing` is what a missing file is called. */
export async function readKnowledgeText(
  path: string,
  missing = "cannot read: file not found",
): Promise<Result<string>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? missing : `cannot read: ${code ?? String(error)}`;
    return { ok: false, issues: [{ file: path, line: 1, column: 1, field: "file", message }] };
  }
  return decodeKnowledgeBytes(bytes, path);
}
