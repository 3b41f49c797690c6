import { describe, expect, it } from "vitest";
import { addExampleQuestion, addOutOfScopePhrase, cleanQuestion } from "../../src/knowledge/text-edit.js";
import { knowledgeOf, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

/** The lines of `after` that are not in `before`, and the lines of `before` gone from `after`. */
function lineChanges(before: string, after: string): { added: string[]; removed: string[] } {
  const old = before.split("\n");
  const now = after.split("\n");
  // One insertion: the common prefix and suffix are the unchanged lines.
  let head = 0;
  while (head < old.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { added: now.slice(head, now.length - tail), removed: old.slice(head, old.length - tail) };
}

function edited(result: ReturnType<typeof addExampleQuestion>): string {
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.value;
}

describe("teaching edits the file as text", () => {
  it("adds only the question's line, indented as the list's items, and keeps every other byte", () => {
    const after = edited(
      addExampleQuestion(VALID_KNOWLEDGE, "k.yaml", "economy-trade", "Wie steht es um Exporte?"),
    );
    expect(lineChanges(VALID_KNOWLEDGE, after)).toEqual({
      added: ["      - Wie steht es um Exporte?"],
      removed: [],
    });
    expect(knowledgeOf(after).statementsById.get("economy-trade")?.questions.at(-1)).toBe(
      "Wie steht es um Exporte?",
    );
  });

  it("keeps a comment after the last question, and the keywords after it", () => {
    const text = VALID_KNOWLEDGE.replace(
      "      - What was agreed on migration?",
      "      - What was agreed on migration? # asked often",
    );
    const after = edited(addExampleQuestion(text, "k.yaml", "migration-partnerships", "Rückführung?"));
    expect(lineChanges(text, after)).toEqual({ added: ["      - Rückführung?"], removed: [] });
    expect(after).toContain("migration? # asked often\n      - Rückführung?\n    keywords:");
  });

  it("quotes a question that YAML would read as something else", () => {
    for (const question of ["Handel: wie viel?", "2023", "yes", "- was?", 'Sagte er "nein"?', "a # b"]) {
      const after = edited(addExampleQuestion(VALID_KNOWLEDGE, "k.yaml", "economy-trade", question));
      expect(knowledgeOf(after).statementsById.get("economy-trade")?.questions.at(-1)).toBe(question);
    }
  });

  it("adds to a list written inline, and keeps Windows line ends", () => {
    const inline = VALID_KNOWLEDGE.replace(
      "    questions:\n      - Was ist mit Handel?\n      - What about trade?",
      "    questions: [Was ist mit Handel?, What about trade?]",
    ).replaceAll("\n", "\r\n");
    const after = edited(addExampleQuestion(inline, "k.yaml", "economy-trade", "Exporte, Importe?"));
    expect(after).toContain(
      '    questions: [Was ist mit Handel?, What about trade?, "Exporte, Importe?"]\r\n',
    );
    expect(after.replace(', "Exporte, Importe?"', "")).toBe(inline);
  });

  it("refuses clearly when the statement is gone, or the question is already there", () => {
    const gone = addExampleQuestion(VALID_KNOWLEDGE, "k.yaml", "no-such-statement", "Was?");
    expect(gone.ok ? "" : gone.issues[0]?.message).toMatch(/no statement "no-such-statement"/);
    const twice = addExampleQuestion(VALID_KNOWLEDGE, "k.yaml", "economy-trade", "what about  TRADE?");
    expect(twice.ok ? "" : twice.issues[0]?.message).toMatch(/already an example question/);
  });

  it("adds an out-of-scope phrase as a line of its own, creating the list when there is none", () => {
    const created = edited(addOutOfScopePhrase(VALID_KNOWLEDGE, "k.yaml", "weather"));
    expect(lineChanges(VALID_KNOWLEDGE, created)).toEqual({
      added: ["outOfScope:", "  - weather"],
      removed: [],
    });
    const wrapped = VALID_KNOWLEDGE.replace(
      "statements:\n",
      "outOfScope: [weather, Wetter,\n  football, Fußball]\nstatements:\n",
    );
    const after = edited(addOutOfScopePhrase(wrapped, "k.yaml", "capital of"));
    expect(lineChanges(wrapped, after)).toEqual({ added: ["  capital of,"], removed: [] });
    expect(knowledgeOf(after).document.outOfScope).toEqual([
      "weather",
      "Wetter",
      "capital of",
      "football",
      "Fußball",
    ]);
  });

  it("cleans a question as the file requires: one line, no control characters, at most 100 characters", () => {
    expect(cleanQuestion("  wer\u200b hat\n\tunterschrieben?\u0007 ")).toBe("wer hat unterschrieben?");
    const long = cleanQuestion(`${"wort ".repeat(30)}ende`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith("wort")).toBe(true);
  });
});
