import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { join } from "node:path";

import { parseArgs } from "node:util";
import type { KnowledgeChange, KnowledgeService } from "../app/knowledge-service.js";
import { historyFolder, openKnowledgeService } from "../app/open-knowledge.js";
import { ensureDataDir } from "../config/data-dir.js";
import type { Settings } from "../config/settings.js";
import { DATABASE_FILE, FeedbackStore } from "../feedback/feedback-store.js";
import { renderGapsCsv, renderGapsReport } from "../feedback/gaps-report.js";
import { loadOrCreateSalt } from "../feedback/salt.js";
import { versionLabel } from "../i18n/version-label.js";
import {
  diffDetails,
  diffKnowledge,
  summarizeDiff,
  versionName,
  versionUnchanged,
} from "../knowledge/diff.js";
import { KnowledgeHistory } from "../knowledge/history.js";

import { invisiblePositions } from "../knowledge/invisible.js";
import { formatIssue } from "../knowledge/issues.js";
import { contentHash, type KnowledgeSet, shortHash } from "../knowledge/knowledge-set.js";
import { loadKnowledgeFile, readKnowledgeSource } from "../knowledge/load.js";
import { historyRows, readServedLine } from "../knowledge/served-line.js";
import { addExampleQuestion, addOutOfScopePhrase, cleanQuestion } from "../knowledge/text-edit.js";

import { createLogger } from "../logging/logger.js";
import { type ScopeOverlap, scopeOverlaps } from "../search/scope-overlaps.js";
import { buildSearchIndex } from "../search/search-index.js";
import { type CliCommand, type CliIO, ExitCode, UsageError, writeLine } from "./io.js";
import {
  ensureKnowledgeReadable,
  type KnowledgeLocation,
  knowledgeLocation,
  knowledgeOption,
  loadKnowledgeOrReport,
} from "./knowledge-location.js";
import { reportIssues } from "./report-issues.js";
import { settingsOrReport } from "./settings-or-report.js";

export const knowledgeCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case "check":
      return check(rest, io);
    case "export":
      return exportJson(rest, io);
    case "diff":
      return diff(rest, io);
    case "history":
      return history(rest, io);
    case "rollback":
      return rollback(rest, io);
    case "gaps":
      return gaps(rest, io);
    case "teach":
      return teach(rest, io);
    case "out-of-scope":
      return outOfScope(rest, io);
    case "forget-all":
      return forgetAll(rest, io);
    default:
      throw new UsageError(
        sub === undefined ? "knowledge needs a command" : `unknown knowledge command "${sub}"`,
      );
  }
};

/** The file a PATH argument names, or the one the bot uses. */
function pathArgument(positionals: readonly string[], io: CliIO): KnowledgeLocation {
  if (positionals.length > 1) throw new UsageError(`expected at most one PATH, got ${positionals.length}`);
  return knowledgeLocation(io, { path: positionals[0], namedBy: "given as PATH" });
}

/** The settings, with DATA_DIR usable; undefined after reporting invalid settings. */
function dataSettings(io: CliIO): Settings | undefined {
  const settings = settingsOrReport(io);
  if (settings) ensureDataDir(settings.DATA_DIR);
  return settings;
}

async function check(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const location = pathArgument(positionals, io);
  const knowledge = await loadKnowledgeOrReport(location, io);
  if (!knowledge) return ExitCode.checkFailed;
  for (const line of summarize(knowledge)) writeLine(io.stdout, line);
  for (const { line, column, count } of invisiblePositions(await readFile(location.path, "utf8"))) {
    writeLine(
      io.stderr,
      `warning: ${location.path}:${line}:${column} holds ${count} invisible character(s) (bidirectional controls or zero-width); they are removed when the file is loaded`,
    );
  }
  for (const overlap of scopeOverlaps(buildSearchIndex(knowledge)))
    writeLine(io.stderr, overlapWarning(overlap));
  const served = await servedVersion(io);
  if (served && served.hash !== knowledge.hash) {
    const changes = diffKnowledge(served, knowledge);
    if (versionUnchanged(served, knowledge, changes)) writeLine(io.stderr, versionWarning(knowledge));
  }
  return ExitCode.ok;
}

export function overlapWarning(overlap: ScopeOverlap): string {
  return `warning: outOfScope "${overlap.entry}" shares the stem "${overlap.term}" with words of ${overlap.statements} statement(s); questions using it are declined only where the best statement lacks it`;
}

function versionWarning(knowledge: KnowledgeSet): string {
  return `warning: statements changed but version is still "${knowledge.document.version}": raise it, so that answers and the history tell the versions apart`;
}

/** The version the bot serves now, as the history records it; undefined without one. */
async function servedVersion(io: CliIO): Promise<KnowledgeSet | undefined> {
  const history = new KnowledgeHistory(historyFolder({ DATA_DIR: io.env.DATA_DIR || "./data" }));
  const newest = (await readServedLine(history).catch(() => [])).findLast((served) => served.entry);
  if (!newest?.entry) return undefined;
  const loaded = await loadKnowledgeFile(newest.entry.file);
  return loaded.ok ? loaded.value : undefined;
}

export function summarize(knowledge: KnowledgeSet): string[] {
  const { document } = knowledge;
  const perTopic = new Map<string, number>();
  for (const statement of knowledge.statements)
    perTopic.set(statement.topic, (perTopic.get(statement.topic) ?? 0) + 1);
  const quotes = knowledge.statements.filter((statement) => statement.quote).length;
  const questions = knowledge.statements.reduce((sum, statement) => sum + statement.questions.length, 0);
  return [
    `${knowledge.origin}: valid`,
    `title:      ${document.title}`,
    `version:    ${versionLabel(document.version, document.date)}`,
    `hash:       ${shortHash(knowledge.hash)}`,
    `statements: ${knowledge.statements.length} (${quotes} direct quotations, ${questions} example questions)`,
    `topics:     ${knowledge.topics.length}`,
    `languages:  de, en`,
    `sources:    ${document.sources.length}`,
    `glossary:   ${document.glossary.length} synonym groups`,
    ...knowledge.topics.map(
      (topic) => `  ${topic.id.padEnd(24)} ${String(perTopic.get(topic.id) ?? 0).padStart(3)}  ${topic.en}`,
    ),
  ];
}

async function exportJson(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: "boolean" }, all: { type: "boolean" } },
  });
  if (!values.json) throw new UsageError("export needs --json (the only format)");
  const knowledge = await loadKnowledgeOrReport(pathArgument(positionals, io), io);
  if (!knowledge) return ExitCode.checkFailed;
  const output = values.all ? knowledge.document : knowledge.statements;
  writeLine(io.stdout, JSON.stringify(output, null, 2));
  return ExitCode.ok;
}

async function diff(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals.length !== 2) throw new UsageError("diff needs two files");
  const [before, after] = await Promise.all(
    positionals.map((path) => loadKnowledgeOrReport({ path, namedBy: "given to diff" }, io)),
  );
  if (!before || !after) return ExitCode.checkFailed;
  const changes = diffKnowledge(before, after);
  writeLine(
    io.stdout,
    `${versionName(before)} → ${versionName(after)}: ${summarizeDiff(changes, Number.POSITIVE_INFINITY)}`,
  );
  for (const line of diffDetails(changes)) writeLine(io.stdout, line);
  if (versionUnchanged(before, after, changes)) writeLine(io.stderr, versionWarning(after));
  return ExitCode.ok;
}

async function history(args: readonly string[], io: CliIO): Promise<number> {
  parseArgs({ args: [...args], options: {} });
  const settings = dataSettings(io);
  if (!settings) return ExitCode.usage;
  const folder = historyFolder(settings);
  const line = await readServedLine(new KnowledgeHistory(folder));
  if (line.length === 0) writeLine(io.stderr, `no versions kept yet in ${folder}`);
  const inUse = await readKnowledgeSource(settings.KNOWLEDGE_PATH);
  const rows = historyRows(line, inUse.ok ? contentHash(inUse.value) : undefined);
  for (const row of rows) {
    const who = row.actor === "" ? "" : `  by ${row.actor}${row.action === "" ? "" : ` (${row.action})`}`;
    const gone = row.entry ? "" : "  (content pruned)";
    writeLine(
      io.stdout,
      `${row.current ? "*" : " "} ${row.version}  ${(row.name || "?").padEnd(12)}  ${row.at}${who}${gone}`,
    );
  }
  if (rows.length > 0 && !rows.some((row) => row.current))
    writeLine(io.stderr, `${settings.KNOWLEDGE_PATH} holds no version of the history (edited, or not valid)`);
  return ExitCode.ok;
}

/** The file in use, opened for a change: `--knowledge PATH`, else KNOWLEDGE_PATH. */
async function openForChange(
  args: readonly string[],
  io: CliIO,
): Promise<{ service: KnowledgeService; path: string; positionals: string[] } | number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { knowledge: { type: "string" } },
  });
  const settings = dataSettings(io);
  if (!settings) return ExitCode.usage;
  const location =
    values.knowledge === undefined ? knowledgeLocation(io) : knowledgeOption(io, values.knowledge);
  await ensureKnowledgeReadable(location);
  // Errors reach the user on stderr in the one format; the log would say them twice.
  const opened = await openKnowledgeService(
    { ...settings, KNOWLEDGE_PATH: location.path },
    createLogger("fatal"),
  );
  if (!opened.ok) {
    reportIssues(opened.issues, io);
    return ExitCode.checkFailed;
  }
  return { service: opened.value, path: location.path, positionals };
}

async function rollback(args: readonly string[], io: CliIO): Promise<number> {
  const opened = await openForChange(args, io);
  if (typeof opened === "number") return opened;
  const { service, path, positionals } = opened;
  if (positionals.length > 1) throw new UsageError(`expected at most one VERSION, got ${positionals.length}`);
  const requested = positionals[0];
  const target = await service.rollbackTarget(requested);
  if (!target)
    throw new UsageError(
      requested ? `no single kept version starts with "${requested}"` : "no earlier version is kept",
    );
  return reportChange(await service.rollback(target, shellActor()), path, io);
}

async function teach(args: readonly string[], io: CliIO): Promise<number> {
  const opened = await openForChange(args, io);
  if (typeof opened === "number") return opened;
  const { service, path, positionals } = opened;
  const [statementId, raw, ...extra] = positionals;
  const question = cleanQuestion(raw ?? "");
  if (!statementId || question === "" || extra.length > 0)
    throw new UsageError("teach needs a statement id and one question (quote it)");
  const change = await service.edit(shellActor(), "teach", (text) =>
    addExampleQuestion(text, path, statementId.toLowerCase(), question),
  );
  return reportChange(change, path, io);
}

async function outOfScope(args: readonly string[], io: CliIO): Promise<number> {
  const opened = await openForChange(args, io);
  if (typeof opened === "number") return opened;
  const { service, path, positionals } = opened;
  const [raw, ...extra] = positionals;
  const phrase = cleanQuestion(raw ?? "");
  if (phrase === "" || extra.length > 0) throw new UsageError("out-of-scope needs one phrase (quote it)");
  const change = await service.edit(shellActor(), "out-of-scope", (text) =>
    addOutOfScopePhrase(text, path, phrase),
  );
  const code = reportChange(change, path, io);
  for (const overlap of scopeOverlaps(service.index).filter((item) => item.entry === phrase))
    writeLine(io.stderr, overlapWarning(overlap));
  return code;
}

/** What a change from the shell did: old → new and the diff on stdout, or every error on stderr. */
function reportChange(change: KnowledgeChange, path: string, io: CliIO): number {
  if (change.kind === "rejected") {
    for (const issue of change.issues) writeLine(io.stderr, formatIssue(issue));
    writeLine(io.stderr, `the change was not applied: ${path} is as it was`);
    return ExitCode.checkFailed;
  }
  if (change.kind === "unchanged") {
    writeLine(io.stdout, `${path} already holds this version: nothing to do`);
    return ExitCode.ok;
  }
  writeLine(
    io.stdout,
    `${path}: ${versionName(change.before)} → ${versionName(change.after)}, ${summarizeDiff(change.diff)}`,
  );
  for (const line of diffDetails(change.diff)) writeLine(io.stdout, line);
  return ExitCode.ok;
}

/** Who a shell change is recorded as: the history names the person. */
function shellActor(): string {
  try {
    return `command line (${userInfo().username})`;
  } catch {
    return "command line";
  }
}

async function gaps(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { csv: { type: "boolean" }, server: { type: "string" } },
  });
  if (values.server !== undefined && !/^\d{17,20}$/.test(values.server))
    throw new UsageError("--server must be a Discord server id (17 to 20 digits)");
  const narrowed = values.server === undefined ? {} : { guildId: values.server };
  const settings = dataSettings(io);
  if (!settings) return ExitCode.usage;
  let store: FeedbackStore | undefined;
  try {
    // Read-only: the bot may be running, and only it may checkpoint (or ever delete) its log.
    store = FeedbackStore.openReadOnly(settings.DATA_DIR, { retentionDays: settings.DATA_RETENTION_DAYS });
    if (!store) {
      writeLine(io.stderr, `no feedback stored yet in ${settings.DATA_DIR}`);
      return ExitCode.ok;
    }
    writeLine(
      io.stdout,
      values.csv
        ? renderGapsCsv(store.gaps({ limit: 500, ...narrowed }))
        : renderGapsReport(store.gaps({ limit: 20, ...narrowed })),
    );
    return ExitCode.ok;
  } catch (error) {
    const file = join(settings.DATA_DIR, DATABASE_FILE);
    writeLine(io.stderr, `${file} cannot be read: ${error instanceof Error ? error.message : error}`);
    return ExitCode.checkFailed;
  } finally {
    store?.close();
  }
}

/**
 * The way out when the salt is lost for good: the old rows can no longer be matched to anyone, so
 * they are deleted and a new salt is made; until then the bot stores nothing new.
 */
async function forgetAll(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { yes: { type: "boolean" } } });
  if (!values.yes)
    throw new UsageError("forget-all deletes every stored question and vote; add --yes to confirm");
  const settings = dataSettings(io);
  if (!settings) return ExitCode.usage;
  const store = FeedbackStore.open(settings.DATA_DIR, { retentionDays: settings.DATA_RETENTION_DAYS });
  try {
    const deleted = store.forgetAll();
    loadOrCreateSalt(settings.DATA_DIR);
    writeLine(
      io.stdout,
      `deleted ${deleted.unanswered} unanswered question(s) and ${deleted.votes} vote(s); restart the bot to store feedback again`,
    );
  } finally {
    store.close();
  }
  return ExitCode.ok;
}
