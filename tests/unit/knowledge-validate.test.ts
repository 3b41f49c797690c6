import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/knowledge/issues.js";
import { parseKnowledge } from "../../src/knowledge/load.js";

const VALID = readFileSync(new URL("../fixtures/minimal-knowledge.yaml", import.meta.url), "utf8");
const FILE = "broken.yaml";

/** Replaces the first occurrence of `from` and insists it was there, so a test cannot go stale. */
function mutate(from: string, to: string): string {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  return text.slice(0, offset).split("\n").length;
}

function issuesOf(text: string) {
  const result = parseKnowledge(text, FILE);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.issues;
}

describe("knowledge validation", () => {
  it("accepts the minimal file and freezes what it loads", () => {
    const result = parseKnowledge(VALID, "ok.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.statements.map((statement) => statement.id)).toEqual([
      "migration-partnerships",
      "economy-trade",
    ]);
    expect(result.value.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(result.value.statements[0])).toBe(true);
    expect(result.value.statements[1]?.keywords).toEqual([]);
  });

  const broken: { kind: string; text: () => string; field: string; line: () => number; message: RegExp }[] = [
    {
      kind: "YAML syntax error",
      text: () => mutate("  - [Kirgisistan, Kirgistan, Kyrgyzstan]", "  - [Kirgisistan, Kirgistan"),
      field: "syntax",
      line: () => lineOf(VALID, "statements:"),
      message: /YAML syntax error/,
    },
    {
      kind: "duplicate statement id",
      text: () => mutate("  - id: economy-trade", "  - id: migration-partnerships"),
      field: "statements[1].id",
      line: () => lineOf(VALID, "  - id: economy-trade"),
      message: /duplicate statement id "migration-partnerships"/,
    },
    {
      kind: "missing field",
      text: () =>
        mutate(
          "    source: report\n    quote: false\n    questions:\n      - Was ist",
          "    quote: false\n    questions:\n      - Was ist",
        ),
      field: "statements[1].source",
      line: () => lineOf(VALID, "  - id: economy-trade"),
      message: /is missing/,
    },
    {
      kind: "empty field",
      text: () => mutate("    en: More trade and investment.", '    en: ""'),
      field: "statements[1].en",
      line: () => lineOf(VALID, "    en: More trade and investment."),
      message: /must not be empty/,
    },
    {
      kind: "unknown key",
      text: () => mutate("    keywords: [Migration, readmission]", "    keywrods: [Migration, readmission]"),
      field: "statements[0].keywrods",
      line: () => lineOf(VALID, "    keywords: [Migration, readmission]"),
      message: /unknown field "keywrods"; allowed: .*keywords/,
    },
    {
      kind: "unknown topic",
      text: () => mutate("    topic: economy", "    topic: econmy"),
      field: "statements[1].topic",
      line: () => lineOf(VALID, "    topic: economy"),
      message: /unknown topic "econmy"/,
    },
    {
      kind: "empty question list",
      text: () =>
        mutate("      - Was ist mit Handel?\n      - What about trade?", "      []").replace(
          "questions:\n      []",
          "questions: []",
        ),
      field: "statements[1].questions",
      line: () => lineOf(VALID, "      - Was ist mit Handel?") - 1,
      message: /at least 2 questions/,
    },
    {
      kind: "statement too long for an embed field",
      text: () => mutate("    de: Mehr Handel und Investitionen.", `    de: ${"Handel ".repeat(200)}`),
      field: "statements[1].de",
      line: () => lineOf(VALID, "    de: Mehr Handel und Investitionen."),
      message: /too long.*1024.*embed field/,
    },
    {
      kind: "wrong type",
      text: () =>
        mutate(
          "    quote: false\n    questions:\n      - Was ist",
          "    quote: maybe\n    questions:\n      - Was ist",
        ),
      field: "statements[1].quote",
      line: () => lineOf(VALID, "    topic: economy") + 4,
      message: /true or false/,
    },
    {
      kind: "unknown source",
      text: () =>
        mutate(
          "    source: report\n    quote: false\n    questions:\n      - Was ist",
          "    source: rumour\n    quote: false\n    questions:\n      - Was ist",
        ),
      field: "statements[1].source",
      line: () => lineOf(VALID, "    topic: economy") + 3,
      message: /unknown source "rumour"/,
    },
    {
      kind: "id not kebab-case",
      text: () => mutate("  - id: economy-trade", "  - id: Economy Trade"),
      field: "statements[1].id",
      line: () => lineOf(VALID, "  - id: economy-trade"),
      message: /kebab-case/,
    },
    {
      kind: "duplicate YAML key",
      text: () => mutate("    topic: economy", "    topic: economy\n    topic: migration"),
      field: "syntax",
      line: () => lineOf(VALID, "    topic: economy") + 1,
      message: /unique/i,
    },
    {
      kind: "question too long for autocomplete",
      text: () => mutate("      - What about trade?", `      - What about ${"trade ".repeat(30)}?`),
      field: "statements[1].questions[1]",
      line: () => lineOf(VALID, "      - What about trade?"),
      message: /autocomplete/,
    },
    {
      kind: "glossary entry with one term",
      text: () => mutate("  - [Kirgisistan, Kirgistan, Kyrgyzstan]", "  - [Kirgisistan]"),
      field: "glossary[0]",
      line: () => lineOf(VALID, "  - [Kirgisistan, Kirgistan, Kyrgyzstan]"),
      message: /at least two terms/,
    },
    {
      kind: "no statements",
      text: () => VALID.slice(0, VALID.indexOf("statements:")).concat("statements: []\n"),
      field: "statements",
      line: () => lineOf(VALID, "statements:"),
      message: /no statements/,
    },
  ];

  it.each(broken)("reports $kind with its field and line", ({ text, field, line, message }) => {
    const issues = issuesOf(text());
    const issue = issues.find((candidate) => candidate.field === field);
    expect(issue, `issues were: ${issues.map(formatIssue).join("; ")}`).toBeDefined();
    expect(issue?.line).toBe(line());
    expect(issue?.message).toMatch(message);
    expect(issue?.column).toBeGreaterThan(0);
    expect(formatIssue(issue as NonNullable<typeof issue>)).toMatch(
      new RegExp(`^${FILE}:\\d+:\\d+ \\S+ — .+`),
    );
  });

  it("lists every error of a file at once, in line order", () => {
    const text = mutate("    topic: economy", "    topic: econmy").replace(
      "    en: More trade and investment.",
      '    en: ""',
    );
    const issues = issuesOf(text);
    expect(issues.map((issue) => issue.field)).toEqual(["statements[1].topic", "statements[1].en"]);
  });

  it("reports an empty file without throwing", () => {
    const issues = issuesOf("");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(1);
  });

  it("keeps a numeric version as text", () => {
    const result = parseKnowledge(mutate('version: "1"', "version: 3"), FILE);
    expect(result.ok && result.value.document.version).toBe("3");
  });
});
