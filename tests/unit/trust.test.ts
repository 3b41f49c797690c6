import { beforeAll, describe, expect, it } from "vitest";
import { FollowUpMemory } from "../../src/app/follow-up-memory.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { type Answer, answerQuestion } from "../../src/search/answer.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

/**
 * Issue 15's "Why": questions a new user asked in the terminal chat that the bot answered
 * confidently and wrongly. Each is now answered right, declined, or — asked about the present —
 * answered with a note that the knowledge speaks of 2023 and its follow-up.
 */
let index: SearchIndex;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
});

const first = (answer: Answer) => answer.passages[0]?.id;
const statementText = (answer: Answer) => `${answer.passages[0]?.de ?? ""} ${answer.passages[0]?.en ?? ""}`;

describe("questions once answered confidently and wrongly", () => {
  it.each(["summit?", "🇩🇪🇰🇿 summit?", "Gipfel", "Gipfel?"])(
    "%s gets the summit's overview, its date and place, not a pick among equals",
    (question) => {
      const answer = answerQuestion(index, question);
      expect(answer.answered).toBe(true);
      expect(first(answer)).toBe("summit-date-place");
    },
  );

  it.each(["agreement", "agreement?"])(
    "%s, fitting many statements and no topic, offers the topics",
    (question) => {
      const answer = answerQuestion(index, question);
      expect(answer).toMatchObject({ answered: false, outcome: "ambiguous", certainty: "none" });
    },
  );

  it.each([
    "did they exchange gifts?",
    "Haben sie Geschenke ausgetauscht?",
    "How much did the summit cost?",
    "Was hat der Gipfel gekostet?",
    "How much did the Berlin meeting cost?",
    "Wie hoch waren die Gipfelkosten?",
    "Did they exchange presents?",
  ])("%s is declined: the file does not say", (question) => {
    expect(answerQuestion(index, question)).toMatchObject({ answered: false, certainty: "none" });
  });

  it.each(["How long was the joint declaration?", "Wie lang war die Erklärung?"])(
    "%s is answered with the declaration's length",
    (question) => {
      const answer = answerQuestion(index, question);
      expect(answer.answered).toBe(true);
      expect(first(answer)).toBe("declaration-length-form");
      expect(statementText(answer)).toMatch(/sechs Seiten|six pages/);
    },
  );

  it.each([
    ["Did Germany sign an agreement with Tajikistan?", /Tajik|Tadschik|Rahmon/],
    ["Hat Deutschland mit Turkmenistan ein Migrationsabkommen?", /Turkmen|Berdimuhamed/],
    ["Did Germany sign a migration deal with Kazakhstan?", /Kazakh|Kasach|Tokay|Tokaj/],
  ])("%s is not answered with another country's agreement", (question, asked) => {
    const answer = answerQuestion(index, question);
    // Declined, or answered with a statement that names the country asked.
    if (answer.answered) expect(statementText(answer)).toMatch(asked);
    else expect(answer.certainty).toBe("none");
    for (const passage of answer.answered ? answer.passages : []) {
      expect(passage.id).not.toMatch(/uzbekistan|kyrgyzstan/);
    }
  });

  it.each([
    "Is Scholz still chancellor?",
    "Who is the Chancellor of Germany now?",
    "Ist Scholz heute noch Kanzler?",
  ])("%s is declined, or answered with the note that the knowledge speaks of then", (question) => {
    const answer = answerQuestion(index, question);
    expect(answer.aboutNow).toBe(true);
    if (answer.answered) {
      expect(statementText(answer)).toMatch(/Scholz/);
      expect(answer.certainty).not.toBe("none");
    }
  });

  it("reads 'and Uzbekistan?' right after a question about the next meeting together with it", () => {
    const memory = new FollowUpMemory();
    memory.read(index, "user", "channel", "When is the next meeting?");
    const read = memory.read(index, "user", "channel", "and Uzbekistan?");
    expect(read).toMatch(/next meeting/i);
    expect(read).toMatch(/uzbekistan/i);
    const answer = answerQuestion(index, read);
    expect(answer.answered).toBe(true);
    expect(index.knowledge.statementsById.get(first(answer) ?? "")?.topic).toBe("next-meeting");
  });

  it("answers '@everyone **bold** what about water?' as it answers the words without the noise", () => {
    const plain = answerQuestion(index, "what about water?");
    expect(plain.answered).toBe(true);
    expect(first(plain)).toMatch(/water/);
    for (const noisy of [
      "@everyone what about water?",
      "@everyone **what about water?**",
      "🌊 what about __water__? <@123456789012345678>",
    ]) {
      const answer = answerQuestion(index, noisy);
      expect([answer.answered, answer.passages.map((passage) => passage.id)]).toEqual([
        plain.answered,
        plain.passages.map((passage) => passage.id),
      ]);
    }
    // "bold" is a word of the question, not markup: with or without the @everyone it weighs the same.
    const withWord = answerQuestion(index, "bold what about water?");
    const issueText = answerQuestion(index, "@everyone **bold** what about water?");
    expect([issueText.answered, issueText.confidence, first(issueText)]).toEqual([
      withWord.answered,
      withWord.confidence,
      first(withWord),
    ]);
  });
});
