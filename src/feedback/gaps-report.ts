import { toCsv } from "./csv.js";
import { EXAMPLES_PER_ROW, type GapsReport } from "./feedback-store.js";

/**
 * The knowledge gaps, rendered from the one model the feedback store gives (`GapsReport`): as
 * plain text for a terminal (`npm run --silent knowledge -- gaps`) and as CSV for a spreadsheet (the
 * `--csv` flag and the file `/knowledge gaps` attaches); Discord's embed is drawn from the same
 * model in `discord/render/knowledge-view.ts`.
 */

/** Longest example shown; the CSV has them whole. */
const MAX_EXAMPLE_LENGTH = 100;

/**
 * The report as RFC 4180 CSV, one record per group or statement, for moderators to sort and
 * filter in a spreadsheet.
 */
export function renderGapsCsv(report: GapsReport): string {
  const examples = (texts: readonly string[]) =>
    Array.from({ length: EXAMPLES_PER_ROW }, (_, index) => texts[index] ?? null);
  return toCsv(
    [
      "kind",
      "times_asked",
      "down_votes",
      "up_votes",
      "statement_id",
      "best_score",
      "languages",
      "last_asked",
      "example_1",
      "example_2",
      "example_3",
      "id",
    ],
    [
      ...report.unanswered.map((group) => [
        "unanswered",
        group.count,
        null,
        null,
        group.bestCandidate?.id ?? null,
        group.bestCandidate ? Number(group.bestCandidate.score.toFixed(3)) : null,
        group.languages.join(" "),
        group.lastAsked.toISOString(),
        ...examples(group.examples),
        group.id,
      ]),
      ...report.downVoted.map((statement) => [
        "voted_down",
        null,
        statement.downVotes,
        statement.upVotes,
        statement.statementId,
        null,
        null,
        null,
        ...examples(statement.examples),
        statement.id,
      ]),
    ],
  );
}

export function renderGapsReport(report: GapsReport): string {
  const lines: string[] = [];
  const period = `last ${report.retentionDays} days${report.guildId === undefined ? "" : `, server ${report.guildId} only`}`;

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
