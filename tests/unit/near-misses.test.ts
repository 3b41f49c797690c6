import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../src/cli/terminal-render.js";
import { answerQuestion, nearMisses } from "../../src/search/answer.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { knowledgeOf, mutate } from "../support/broken-knowledge.js";

const index = buildSearchIndex(knowledgeOf(mutate("statements:\n", "outOfScope: [weather]\nstatements:\n")));

describe("the nearest misses of a declined question", () => {
  it("are offered when the bot was merely unsure", () => {
    const unsure = answerQuestion(index, "what about readmission of bananas and apples");
    expect(unsure.answered).toBe(false);
    expect(nearMisses(unsure).map((passage) => passage.id)).toEqual(["migration-partnerships"]);
  });

  it("are not offered for an answer, nor for a question declined as out of scope", () => {
    expect(nearMisses(answerQuestion(index, "more trade"))).toEqual([]);
    const outOfScope = answerQuestion(index, "migration weather");
    expect(outOfScope).toMatchObject({ answered: false, signals: { outOfScope: 1 } });
    expect(nearMisses(outOfScope)).toEqual([]);
  });

  it("are named in the terminal as statements to open, marked as no sure answer", () => {
    const unsure = answerQuestion(index, "what about readmission of bananas and apples");
    expect(renderAnswer(unsure, index.knowledge)).toContain(
      "Closest statements, not a sure answer: /statement migration-partnerships",
    );
    expect(renderAnswer(answerQuestion(index, "migration weather"), index.knowledge)).not.toContain(
      "/statement",
    );
  });
});
