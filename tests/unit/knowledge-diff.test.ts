import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../src/app/knowledge-service.js";
import { auditMessage } from "../../src/discord/audit.js";
import { DIFF_FILE_NAME, messageWithDiff } from "../../src/discord/render/diff-view.js";
import { diffDetails, diffKnowledge, versionUnchanged } from "../../src/knowledge/diff.js";
import { knowledgeOf, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

const before = knowledgeOf();
const after = knowledgeOf(
  VALID_KNOWLEDGE.replace("More trade and investment.", "Much more trade.")
    .replace("      - What about trade?\n", "      - What about trade?\n      - Exports?\n")
    .replace("glossary:\n", "outOfScope: [weather]\nglossary:\n"),
);

describe("the field-level diff", () => {
  it("names each changed field with old → new text, and added and removed list items", () => {
    const diff = diffKnowledge(before, after);
    expect(diffDetails(diff)).toEqual([
      '~ economy-trade en: "More trade and investment." → "Much more trade."',
      '~ economy-trade questions: + "Exports?"',
      '~ header outOfScope: + "weather"',
    ]);
    expect(versionUnchanged(before, after, diff)).toBe(true);
  });

  it("shows the diff whole when it fits, with no attachment", () => {
    const view = messageWithDiff("Knowledge updated", diffKnowledge(before, after));
    expect(view.content).toContain('~ economy-trade questions: + "Exports?"');
    expect(view.files).toEqual([]);
  });

  it("cuts long texts and many lines to fit a message, and attaches the whole diff", () => {
    const long = "Lang ".repeat(150).trim();
    const many = knowledgeOf(
      VALID_KNOWLEDGE.replace("More trade and investment.", long).replace(
        "      - What about trade?\n",
        `      - What about trade?\n${Array.from({ length: 40 }, (_, n) => `      - Question number ${n} about trade and its many sides?\n`).join("")}`,
      ),
    );
    const view = messageWithDiff("Knowledge updated", diffKnowledge(before, many), 2000);
    expect(view.content.length).toBeLessThanOrEqual(2000);
    expect(view.content).toMatch(/… \d+ more in knowledge-diff\.txt/);
    expect(view.files.map((file) => file.name)).toEqual([DIFF_FILE_NAME]);
    const attached = view.files[0]?.attachment.toString("utf8") ?? "";
    expect(attached).toContain(long);
    expect(attached).toContain("Question number 39 about trade");
  });

  it("puts the field-level diff and the author in the audit message", () => {
    const event: AuditEvent = {
      actor: "Mod#0001",
      action: "teach",
      at: new Date(0),
      change: { kind: "applied", before, after, diff: diffKnowledge(before, after), ms: 3 },
    };
    const { content } = auditMessage(event);
    expect(content).toMatch(/Knowledge teach by Mod#0001/);
    expect(content).toContain('~ economy-trade questions: + "Exports?"');
  });
});
