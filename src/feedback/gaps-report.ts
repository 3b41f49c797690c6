import type { GapsReport } from "./feedback-store.js";

/** The knowledge gaps as plain text for a terminal (`npm run knowledge -- gaps`). */

/** Longest example shown; the CSV has them whole. */
const MAX_EXAMPLE_LENGTH = 100;

export function renderGapsReport(report: GapsReport): string {
  const lines: string[] = [];
  const period = `last ${report.retentionDays} days`;

  lines.push(`Unanswered questions, similar ones grouped (${period}): ${report.unansweredTotal} asked`);
  if (report.unanswered.length === 0) {
    lines.push("  none");
  } else {
    lines.push(
      "",

      `  ${"Id".padEnd(8)}  ${"Asked".padStart(5)}  ${"Last asked".padEnd(10)}  ${"Lang".padEnd(6)}  Nearest statement (score)`,
    );
    report.unanswered.forEach((group) => {
      const nearest = group.bestCandidate
        ? `${safe(group.bestCandidate.id)} (${group.bestCandidate.score.toFixed(2)})`
        : "—";
      lines.push(
        `  ${group.id}  ${String(group.count).padStart(5)}  ${day(group.lastAsked)}  ${safe(group.languages.join(" ")).padEnd(6)}  ${nearest}`,
      );
      for (const example of group.examples) lines.push(`${" ".repeat(19)}“${excerpt(example)}”`);
    });
  }

  lines.push("", `Statements voted down most (${period})`);
  if (report.downVoted.length === 0) {
    lines.push("  none");
  } else {
    lines.push("", `  ${"Id".padEnd(8)}  ${"Down".padStart(5)}  ${"Up".padStart(5)}  Statement`);
    report.downVoted.forEach((statement) => {
      lines.push(
        `  ${statement.id}  ${String(statement.downVotes).padStart(5)}  ${String(statement.upVotes).padStart(5)}  ${safe(statement.statementId)}`,
      );
      for (const example of statement.examples) lines.push(`${" ".repeat(26)}“${excerpt(example)}”`);
    });
  }
  return `${lines.join("\n")}\n`;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function excerpt(text: string): string {
  const clean = safe(text.replace(/\s+/g, " ").trim());
  return clean.length > MAX_EXAMPLE_LENGTH ? `${clean.slice(0, MAX_EXAMPLE_LENGTH - 1)}…` : clean;
}

/**
 * Questions are typed by strangers: escape sequences and bidirectional overrides in them could
 * rewrite a moderator's terminal or disguise what is shown, so they are replaced.
 */
function safe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "�");
}
