import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/search/answer.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { knowledgeOf, mutate, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

const QUESTIONS = [
  "What about trade?",
  "migration readmission",
  "Handel",
  "Kirgistan",
  "nothing relevant at all",
];

describe("rebuilding the index from the previous version", () => {
  it("answers exactly as a fresh build does", () => {
    const knowledge = knowledgeOf(VALID_KNOWLEDGE);
    const fresh = buildSearchIndex(knowledge);
    const rebuilt = buildSearchIndex(knowledge, fresh);
    for (const question of QUESTIONS) {
      expect(answerQuestion(rebuilt, question)).toEqual(answerQuestion(fresh, question));
    }
  });

  it("analyses a changed statement anew and forgets the words it lost", () => {
    const before = buildSearchIndex(knowledgeOf(VALID_KNOWLEDGE));
    const edited = knowledgeOf(
      mutate("    en: More trade and investment.", "    en: More glaciers and investment."),
    );
    const after = buildSearchIndex(edited, before);
    expect(answerQuestion(after, "glaciers").passages[0]?.id).toBe("economy-trade");
    expect(answerQuestion(after, "glaciers")).toEqual(answerQuestion(buildSearchIndex(edited), "glaciers"));
    // "trade" still stands in the statement's questions; "Handel" too. A word gone from every
    // statement is not matched, not even as a typo.
    const withoutTrade = knowledgeOf(
      VALID_KNOWLEDGE.replace("More trade and investment.", "More investment.")
        .replace("Was ist mit Handel?", "Was ist mit Investitionen?")
        .replace("What about trade?", "What about investment?")
        .replace("Mehr Handel und Investitionen.", "Mehr Investitionen."),
    );
    const forgotten = buildSearchIndex(withoutTrade, before);
    expect(answerQuestion(forgotten, "trade").passages).toEqual([]);
    expect(answerQuestion(forgotten, "trades").passages).toEqual([]);
  });
});
