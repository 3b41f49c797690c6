import { describe, expect, it } from "vitest";
import { crossValidate } from "../../src/bench/cross-validate.js";
import { knowledgeOf, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

describe("cross-validation on the knowledge's own example questions", () => {
  it("asks every example question once and leaves the knowledge as it was", () => {
    const knowledge = knowledgeOf();
    const before = JSON.stringify(knowledge.document);
    const result = crossValidate(knowledge, 2);
    expect(result.questions).toBe(4);
    for (const rate of [result.rankedFirst, result.hitAt1, result.recallAt3]) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
    expect(JSON.stringify(knowledge.document)).toBe(before);
  });

  it("never lets a question find itself: a word only its own question has does not count", () => {
    // "Zollunion" stands only in an example question of the trade statement. Asked with that
    // question left out, nothing in the index knows the word.
    const knowledge = knowledgeOf(
      VALID_KNOWLEDGE.replace("      - What about trade?", "      - Zollunion Zollunion Zollunion?"),
    );
    const alone = crossValidate(knowledge, 4);
    expect(alone.questions).toBe(4);
    // The other three questions find their statements; this one cannot.
    expect(alone.rankedFirst).toBe(0.75);
  });
});
