import { describe, expect, it } from "vitest";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { suggestQuestions } from "../../src/search/suggest.js";
import { knowledgeOf, mutate } from "../support/broken-knowledge.js";

describe("autocomplete after a reload", () => {
  it("reads each question's language with the word list of the index it suggests from", () => {
    // Two words only the knowledge's texts can place; each index places them the other way.
    const knowledge = knowledgeOf(
      mutate(
        "      - Was wurde zur Migration vereinbart?\n      - What was agreed on migration?",
        "      - Zorblat?\n      - Quuxen?",
      ),
    );
    const built = buildSearchIndex(knowledge);
    const leaning = (zorblat: number): SearchIndex => ({
      ...built,
      languageLexicon: new Map([
        ["zorblat", zorblat],
        ["quuxen", -zorblat],
      ]),
    });
    const first = (index: SearchIndex) =>
      suggestQuestions(index, "", "de").find(
        (suggestion) => suggestion.statementId === "migration-partnerships",
      )?.value;
    // The same statement records, as a reload hands them to the next index.
    expect(first(leaning(1))).toBe("Zorblat?");
    expect(first(leaning(-1))).toBe("Quuxen?");
  });
});
