import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/knowledge/issues.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { BROKEN_KNOWLEDGE, mutate, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

const VALID = VALID_KNOWLEDGE;
const FILE = "broken.yaml";

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

  it.each(BROKEN_KNOWLEDGE)("reports $kind with its field and line", ({ text, field, line, message }) => {
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
