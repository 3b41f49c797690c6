import { formatIssue, type KnowledgeIssue } from "../knowledge/issues.js";
import { type CliIO, writeLine } from "./io.js";

/** Every error as `file:line:column field — message`, then how many, on stderr. */
export function reportIssues(issues: readonly KnowledgeIssue[], io: CliIO): void {
  for (const issue of issues) writeLine(io.stderr, formatIssue(issue));
  writeLine(
    io.stderr,
    `${issues.length} error${issues.length === 1 ? "" : "s"}: the knowledge file is not valid.`,
  );
}
