import { describe, expect, it } from "vitest";
import { scopeOverlaps } from "../../src/search/scope-overlaps.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { knowledgeOf, mutate } from "../support/broken-knowledge.js";

describe("out-of-scope entries that the statements use", () => {
  it("names a single word whose stem a statement uses, and nothing else", () => {
    const knowledge = knowledgeOf(
      mutate("statements:\n", "outOfScope: [trades, weather, exchange rate]\nstatements:\n"),
    );
    expect(scopeOverlaps(buildSearchIndex(knowledge))).toEqual([
      { entry: "trades", term: "trad", statements: 1 },
    ]);
  });

  it("finds none in a file without such entries", () => {
    expect(scopeOverlaps(buildSearchIndex(knowledgeOf()))).toEqual([]);
  });
});
