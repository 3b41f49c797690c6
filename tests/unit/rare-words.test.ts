import { describe, expect, it } from "vitest";
import { rarestWords } from "../../src/search/rare-words.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { knowledgeOf } from "../support/broken-knowledge.js";

const index = buildSearchIndex(knowledgeOf());

describe("the rarest words of a question", () => {
  it("names the words no statement uses, in the question's order", () => {
    expect(rarestWords(index, "Which hotel did the presidents stay in?")).toBe("hotel presidents");
    expect(rarestWords(index, "What about the weather and trade?")).toBe("weather");
  });

  it("keeps a German question's capitals, and falls back to the rarest known word", () => {
    expect(rarestWords(index, "Gab es Wahlen in Kirgisistan?")).toBe("Wahlen");
    expect(rarestWords(index, "What about trade and migration?")).toMatch(/^(trade|migration)$/);
    expect(rarestWords(index, "what is it?")).toBe("");
  });
});
