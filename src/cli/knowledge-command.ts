import { parseArgs } from "node:util";
import { formatIssue, type KnowledgeIssue } from "../knowledge/issues.js";
import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import { DEFAULT_KNOWLEDGE_PATH, loadKnowledgeFile } from "../knowledge/load.js";
import { type CliCommand, type CliIO, ExitCode, UsageError, writeLine } from "./io.js";

const USAGE = `usage: summit-bot knowledge <command>
  check [PATH]               validate a knowledge file and print a summary
  export --json [--all] [PATH]  print the statements (or with --all the whole document) as JSON`;

export const knowledgeCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case "check":
      return check(rest, io);
    case "export":
      return exportJson(rest, io);
    default:
      throw new UsageError(sub === undefined ? USAGE : `unknown knowledge command "${sub}"\n${USAGE}`);
  }
};

function pathArgument(positionals: readonly string[], io: CliIO): string {
  if (positionals.length > 1)
    throw new UsageError(`expected at most one PATH, got ${positionals.length}\n${USAGE}`);
  return positionals[0] ?? io.env.KNOWLEDGE_PATH ?? DEFAULT_KNOWLEDGE_PATH;
}

async function loadOrReport(path: string, io: CliIO): Promise<KnowledgeSet | undefined> {
  const loaded = await loadKnowledgeFile(path);
  if (loaded.ok) return loaded.value;
  reportIssues(loaded.issues, io);
  return undefined;
}

export function reportIssues(issues: readonly KnowledgeIssue[], io: CliIO): void {
  for (const issue of issues) writeLine(io.stderr, formatIssue(issue));
  writeLine(
    io.stderr,
    `${issues.length} error${issues.length === 1 ? "" : "s"}: the knowledge file is not valid.`,
  );
}

async function check(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const knowledge = await loadOrReport(pathArgument(positionals, io), io);
  if (!knowledge) return ExitCode.checkFailed;
  for (const line of summarize(knowledge)) writeLine(io.stdout, line);
  return ExitCode.ok;
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
    `version:    ${document.version} (${document.date})`,
    `hash:       ${knowledge.hash.slice(0, 12)}`,
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
  if (!values.json) throw new UsageError(`export needs --json (the only format)\n${USAGE}`);
  const knowledge = await loadOrReport(pathArgument(positionals, io), io);
  if (!knowledge) return ExitCode.checkFailed;
  const output = values.all ? knowledge.document : knowledge.statements;
  writeLine(io.stdout, JSON.stringify(output, null, 2));
  return ExitCode.ok;
}
