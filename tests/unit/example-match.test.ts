import { describe, expect, it } from "vitest";
import { addExampleQuestion } from "../../src/knowledge/text-edit.js";
import { answerQuestion } from "../../src/search/answer.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { knowledgeOf, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

function taught(text: string, id: string, question: string): string {
  const edited = addExampleQuestion(text, "k.yaml", id, question);
  if (!edited.ok) throw new Error(edited.issues[0]?.message);
  return edited.value;
}

describe("a taught question", () => {
  it("is answered with the statement it was taught to, even against a statement sharing its words", () => {
    const question = "Migration und Handel?";
    const before = answerQuestion(buildSearchIndex(knowledgeOf()), question).passages[0]?.id;
    const other = before === "economy-trade" ? "migration-partnerships" : "economy-trade";
    const index = buildSearchIndex(knowledgeOf(taught(VALID_KNOWLEDGE, other, question)));
    for (const asked of [question, "migration UND handel", "  Migration, und Handel!"]) {
      const answer = answerQuestion(index, asked);
      expect(answer.answered).toBe(true);
      expect(answer.passages[0]?.id).toBe(other);
    }
  });

  it("decides nothing when two statements have it word for word", () => {
    const question = "Migration und Handel?";
    const both = taught(
      taught(VALID_KNOWLEDGE, "economy-trade", question),
      "migration-partnerships",
      question,
    );
    expect(answerQuestion(buildSearchIndex(knowledgeOf(both)), question).passages[0]?.id).toBe(
      answerQuestion(buildSearchIndex(knowledgeOf()), question).passages[0]?.id,
    );
  });
});
