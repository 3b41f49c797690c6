import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { type Answer, answerQuestion } from "../../src/search/answer.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { suggestQuestions } from "../../src/search/suggest.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let index: SearchIndex;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
});

function expectWellFormed(answer: Answer): void {
  expect(["de", "en"]).toContain(answer.language);
  expect(answer.confidence).toBeGreaterThanOrEqual(0);
  expect(answer.confidence).toBeLessThanOrEqual(1);
  expect(answer.passages.length).toBeLessThanOrEqual(3);
  for (const passage of answer.passages) {
    expect(index.knowledge.statementsById.has(passage.id)).toBe(true);
    expect(passage.score).toBeGreaterThanOrEqual(0);
    expect(passage.score).toBeLessThanOrEqual(1);
    expect(passage.text).toBe(passage[answer.language]);
  }
  if (answer.answered) expect(answer.passages.length).toBeGreaterThan(0);
}

/** Text of the kinds Discord users send: emoji, right-to-left, markdown, mentions, control characters. */
const oddText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "@everyone @here <@123456789012345678> <@&987654321098765432>",
    "**bold** __under__ ~~strike~~ `code` ```block``` > quote ||spoiler||",
    "مرحبا من هو رئيس كازاخستان؟",
    "\u202ekcatta idib\u202c who came?",
    "🇩🇪🇰🇿🇺🇿 🤔❓",
    "the and or der die das und oder",
    "\u0000\u0001\u0007\u001b[31m",
    "Zalgo: k̷̡̛̤͓̮̦̟̘̈́̓̈́̋͗ͅa̸̢͈̦̝̓z̶̡̛̺̈a̷̘̍k̶̳̓",
  ),
  fc.string({ maxLength: 40 }).map((chunk) => chunk.repeat(300).slice(0, 10_000)),
);

describe("the engine on any input", () => {
  it("answers with a well-formed result and never throws", () => {
    fc.assert(
      fc.property(oddText, fc.constantFrom(undefined, "de", "en"), (question, language) => {
        expectWellFormed(answerQuestion(index, question, language ? { language } : {}));
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same answer to the same question", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (question) => {
        expect(answerQuestion(index, question)).toEqual(answerQuestion(index, question));
      }),
      { numRuns: 100 },
    );
  });

  it("abstains on questions made only of stopwords, and on nothing at all", () => {
    for (const question of ["", "   ", "the and of is", "der die das und ist", "?!?"]) {
      const answer = answerQuestion(index, question);
      expect(answer.answered).toBe(false);
      expect(answer.passages).toEqual([]);
    }
  });

  it("suggests at most 25 choices of at most 100 characters for any partial input", () => {
    fc.assert(
      fc.property(oddText, fc.constantFrom("de" as const, "en" as const), (typed, language) => {
        const suggestions = suggestQuestions(index, typed, language);
        expect(suggestions.length).toBeLessThanOrEqual(25);
        for (const suggestion of suggestions) {
          expect([...suggestion.name].length).toBeLessThanOrEqual(100);
          expect([...suggestion.value].length).toBeLessThanOrEqual(100);
          expect(suggestion.value.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
