import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEvaluationSet } from "../../src/bench/evaluation-set.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { type Answer, answerQuestion } from "../../src/search/answer.js";
import { stripChatNoise } from "../../src/search/chat-noise.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let index: SearchIndex;
let questions: string[];

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
  questions = (await loadEvaluationSet("tuning")).map((testCase) => testCase.q);
});

/** What Discord puts around a question without changing what it asks. */
const noise = fc.constantFrom(
  "@everyone",
  "@here",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<@&987654321098765432>",
  "<#555555555555555555>",
  "<:pepe:112233445566778899>",
  "<a:party:112233445566778899>",
  ":thinking:",
  "🤔",
  "🇩🇪🇰🇿",
  "👍🏽",
  "❤️",
  "1️⃣",
  "👨‍👩‍👧",
  "https://discord.com/channels/1/2/3",
  "**",
  "__",
  "||",
  ">",
  "`",
);
const markdown = fc.constantFrom(
  ["**", "**"],
  ["__", "__"],
  ["*", "*"],
  ["~~", "~~"],
  ["`", "`"],
  ["||", "||"],
);

/** The question with noise between its words and markdown around some of them. */
function noisy(
  question: string,
  seeds: readonly { noise: string; at: number; wrap: readonly [string, string] | undefined }[],
): string {
  const words = question.split(" ");
  for (const seed of seeds) {
    const at = seed.at % (words.length + 1);
    if (seed.wrap && at < words.length) words[at] = `${seed.wrap[0]}${words[at]}${seed.wrap[1]}`;
    else words.splice(at, 0, seed.noise);
  }
  return words.join(" ");
}

const shape = (answer: Answer) => ({
  answered: answer.answered,
  certainty: answer.certainty,
  confidence: answer.confidence,
  ids: answer.passages.map((passage) => passage.id),
});

describe("noise around a question", () => {
  it("does not change its answer: mentions, markdown, emoji and links anywhere between its words", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.record({ noise, at: fc.nat(), wrap: fc.option(markdown, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (pick, seeds) => {
          const question = questions[pick % questions.length] as string;
          const withNoise = noisy(question, seeds);
          expect(shape(answerQuestion(index, withNoise)), withNoise).toEqual(
            shape(answerQuestion(index, question)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps the words: only the markup goes", () => {
    expect(stripChatNoise("<@123> @everyone wer war 🇩🇪 da? :smile: <#42> <:x:7>")).toBe("wer war da?");
    expect(stripChatNoise("email me@here.com at 10:30:45")).toBe("email me@here.com at 10:30:45");
    expect(stripChatNoise("@everyone")).toBe("");
    expect(stripChatNoise("1️⃣ who came? #️⃣ 2 of 3")).toBe("who came? 2 of 3");
  });
});
