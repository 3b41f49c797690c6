import { readSettings } from "../config/settings.js";
import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import { DEFAULT_KNOWLEDGE_PATH, parseKnowledge } from "../knowledge/load.js";
import { readKnowledgeText } from "../knowledge/read-file.js";
import { DEFAULT_KNOWLEDGE_MAX_BYTES, sizeIssue } from "../knowledge/size-limit.js";
import { type CliIO, SetupError } from "./io.js";
import { reportIssues } from "./report-issues.js";

/** A knowledge file and what named it, so that a missing file's message names what to change. */
export interface KnowledgeLocation {
  readonly path: string;
  /** What set it: "set by --knowledge", "set by KNOWLEDGE_PATH", "the default …". */
  readonly namedBy: string;
}

/** The file a command reads: the option or argument if given, else KNOWLEDGE_PATH, else the default. */
export function knowledgeLocation(
  io: CliIO,
  given?: { readonly path: string | undefined; readonly namedBy: string },
): KnowledgeLocation {
  if (given?.path !== undefined) return { path: given.path, namedBy: given.namedBy };
  const fromEnv = io.env.KNOWLEDGE_PATH?.trim();
  if (fromEnv) return { path: fromEnv, namedBy: "set by KNOWLEDGE_PATH" };
  return {
    path: DEFAULT_KNOWLEDGE_PATH,
    namedBy: "the default: run from the project folder, or set KNOWLEDGE_PATH",
  };
}

/** The file a command with a `--knowledge PATH` option reads. */
export function knowledgeOption(io: CliIO, value: string | undefined): KnowledgeLocation {
  return knowledgeLocation(io, { path: value, namedBy: "set by --knowledge" });
}

/**
 * The validated knowledge, or undefined after printing every error (a check that failed: exit 1).
 * A file that cannot be read at all is a setting to fix, not content to check: SetupError (exit 2).
 */
export async function loadKnowledgeOrReport(
  location: KnowledgeLocation,
  io: CliIO,
): Promise<KnowledgeSet | undefined> {
  // What the bot would refuse to load is refused here too, before it is read.
  const settings = readSettings(io.env);
  const maxBytes = settings.ok ? settings.settings.KNOWLEDGE_MAX_BYTES : DEFAULT_KNOWLEDGE_MAX_BYTES;
  const tooLarge = await sizeIssue(location.path, maxBytes, "the bot refuses to load it");
  if (tooLarge) {
    reportIssues([tooLarge], io);
    return undefined;
  }
  const read = await readKnowledgeText(location.path);
  // A file that is not UTF-8 was read: its content is what is wrong, at a line and column.
  if (!read.ok && !read.issues) throw new SetupError(unreadableKnowledgeMessage(location, read.reason));
  const parsed = read.ok
    ? parseKnowledge(read.text, location.path)
    : { ok: false as const, issues: read.issues ?? [] };
  if (parsed.ok) return parsed.value;
  reportIssues(parsed.issues, io);
  return undefined;
}

/** For commands that open the knowledge themselves: a file that cannot be read is a setting to fix. */
export async function ensureKnowledgeReadable(location: KnowledgeLocation): Promise<void> {
  const read = await readKnowledgeText(location.path);
  if (!read.ok && !read.issues) throw new SetupError(unreadableKnowledgeMessage(location, read.reason));
}

function unreadableKnowledgeMessage(location: KnowledgeLocation, reason: string): string {
  return `The knowledge file ${location.path} (${location.namedBy}) ${reason}.`;
}
