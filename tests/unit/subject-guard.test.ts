import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { answerQuestion } from "../../src/search/answer.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let index: SearchIndex;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
});

const firstOf = (question: string) => {
  const answer = answerQuestion(index, question);
  return answer.answered ? answer.passages[0]?.id : undefined;
};

describe("a question naming one participant", () => {
  it.each([
    ["Did Rahmon sign a migration agreement?", /tajik|rahmon/],
    ["Hat Kasachstan eine Absichtserklärung zur Migration unterzeichnet?", /kazakh|tokayev/],
    ["Was Tokayev's car pelted with eggs?", /tokayev/],
    ["Did Mirziyoyev meet Scholz alone the day before the summit?", /mirziyoyev|uzbekistan/],
  ])("%s is not answered with a statement about another one", (question, asked) => {
    const first = firstOf(question);
    if (first !== undefined) expect(first).toMatch(asked);
  });

  it.each([
    ["Who signed the declaration of intent with Uzbekistan?", /^uzbekistan-declaration-of-intent-2023$/],
    ["Was hat Tokajew in Berlin gesagt?", /tokayev/],
    ["Who represented Turkmenistan?", /^participant-berdimuhamedov$/],
    ["Hat Rahmon in Berlin gesprochen?", /^participant-rahmon$/],
  ])("%s is still answered with a statement about that one", (question, expected) => {
    expect(firstOf(question)).toMatch(expected);
  });

  it("does not count the host, party to every statement, as another subject", () => {
    // "Germany and the five states" names the host, not another participant than Kazakhstan.
    expect(firstOf("seltene erden aus kasachstan")).toBe("raw-materials-cooperation");
  });
});
