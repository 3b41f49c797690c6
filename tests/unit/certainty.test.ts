import { beforeAll, describe, expect, it } from "vitest";
import { chooseSureThreshold, precisionFrom } from "../../src/bench/sure-threshold.js";
import { renderAnswer } from "../../src/cli/terminal-render.js";
import { askButtonIds } from "../../src/discord/commands/ask-ids.js";
import { answerReply, languageSwitchReply } from "../../src/discord/render/answer-view.js";
import { fitForChannel } from "../../src/discord/render/reply.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { type Answer, answerQuestion, statementPassage } from "../../src/search/answer.js";
import { certaintyOf } from "../../src/search/certainty.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { asksAboutNow } from "../../src/search/then-not-now.js";
import { ANSWER_THRESHOLD, SURE_THRESHOLD } from "../../src/search/tuning.js";
import type { Json } from "../support/json.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let index: SearchIndex;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
});

/** An answer of the shipped engine with its certainty and present-tense flag set as a test needs. */
function answerAs(question: string, certainty: Answer["certainty"], aboutNow = false): Answer {
  const answer = answerQuestion(index, question);
  expect(answer.answered).toBe(true);
  return { ...answer, certainty, aboutNow, confidence: certainty === "likely" ? 0.62 : answer.confidence };
}

describe("certainty tiers", () => {
  it("are sure from the sure threshold, likely between it and the answer threshold, none unanswered", () => {
    expect(SURE_THRESHOLD).toBeGreaterThan(ANSWER_THRESHOLD);
    expect(certaintyOf(true, SURE_THRESHOLD)).toBe("sure");
    expect(certaintyOf(true, SURE_THRESHOLD - 0.01)).toBe("likely");
    expect(certaintyOf(true, ANSWER_THRESHOLD)).toBe("likely");
    expect(certaintyOf(false, 0.99)).toBe("none");
    // About today the knowledge of 2023 can be likely at most, however well the words match.
    expect(certaintyOf(true, 0.99, true)).toBe("likely");
  });

  it("choose the lowest threshold from which answers stay right at the target rate", () => {
    const samples = [
      { confidence: 0.99, right: true },
      { confidence: 0.95, right: true },
      { confidence: 0.9, right: false },
      { confidence: 0.85, right: true },
      { confidence: 0.8, right: true },
      { confidence: 0.6, right: false },
    ];
    expect(precisionFrom(samples, 0.95)).toBe(1);
    // From 0.91 every answer is right; at 0.90 one in three is wrong, even though from 0.80 four
    // in five are: a dip lower down must not buy a lower threshold.
    expect(chooseSureThreshold(samples, 0.95)).toBe(0.91);
    expect(chooseSureThreshold(samples, 0.65)).toBe(0.5);
    expect(chooseSureThreshold([], 0.95)).toBe(0.5);
  });

  it("know questions about the present in both languages", () => {
    for (const question of [
      "Is Scholz still chancellor?",
      "who leads kazakhstan now",
      "Wer regiert heute?",
      "aktuell?",
    ])
      expect(asksAboutNow(question), question).toBe(true);
    for (const question of ["Who took part?", "Wann war der Gipfel?", "Was the declaration published?"])
      expect(asksAboutNow(question), question).toBe(false);
  });

  it("count 'noch' and 'still' only when the question asks in the present tense", () => {
    for (const question of [
      "Ist Scholz noch Kanzler?",
      "Gibt es noch Gespräche über Migration?",
      "Regiert Tokajew immer noch?",
      "Is the partnership still in place?",
      "Does the agreement still hold?",
      "Are they not partners anymore?",
    ])
      expect(asksAboutNow(question), question).toBe(true);
    for (const question of [
      "Wer war noch beim Gipfel dabei?",
      "Was wurde noch vereinbart?",
      "Welche Länder waren noch da?",
      "wer noch?",
      "Wer ist noch zum Gipfel gekommen?",
      "What else was still discussed?",
      "Who else still signed?",
    ])
      expect(asksAboutNow(question), question).toBe(false);
  });
});

describe("a likely answer on every surface", () => {
  it("opens with 'Probably this:' and its confidence in words above the embeds, 👎 at hand", () => {
    const reply = answerReply(answerAs("Who took part in the summit?", "likely"), index, "123") as Json;
    expect(reply.content).toMatch(/^Probably this: I'm not sure .*somewhat more likely than not \(62%\).*👎/);
    const buttons = reply.components[0].components.map((button: Json) => button.emoji?.name);
    expect(buttons).toContain("👎");
    expect(reply.embeds.length).toBeGreaterThan(0);
  });

  it("says 'Vermutlich das:' in German, and in the plain-text reply where embeds are not allowed", () => {
    const answer = { ...answerAs("Wer hat am Gipfel teilgenommen?", "likely"), language: "de" as const };
    const reply = fitForChannel(answerReply(answer, index, "123"), false) as Json;
    expect(reply.embeds ?? []).toEqual([]);
    expect(reply.content).toMatch(/^Vermutlich das: Ich bin nicht sicher.*👎[\s\S]*\*\*1\.\*\*/);
  });

  it("leaves a sure answer as it was, and says so in the terminal and the CLI too", () => {
    const sure = answerReply(answerAs("Who took part in the summit?", "sure"), index, "123") as Json;
    expect(sure.content).toBeUndefined();
    const terminal = renderAnswer(answerAs("Who took part in the summit?", "likely"), index.knowledge);
    expect(terminal.split("\n")[0]).toMatch(/^Probably this: I'm not sure/);
    expect(terminal).not.toMatch(/👎/);
    expect(renderAnswer(answerAs("Who took part in the summit?", "sure"), index.knowledge)).not.toMatch(
      /Probably/,
    );
  });

  it("notes for a question about today that the knowledge speaks of the summit of 2023, as of its date", () => {
    const answer = answerAs("Who took part in the summit?", "sure", true);
    const note =
      /what I know describes the summit of 29 September 2023 and its follow-up, as recorded on \d+ \w+ 20\d\d/;
    expect((answerReply(answer, index, "1") as Json).content).toMatch(note);
    expect(renderAnswer(answer, index.knowledge)).toMatch(note);
    const german = renderAnswer({ ...answer, language: "de" }, index.knowledge);
    expect(german).toMatch(/Mein Wissen beschreibt den Gipfel vom 29\. September 2023/);
  });

  it("lets the note on today speak for an answer likely only because it asks about today", () => {
    const asked = answerQuestion(index, "Is Mirziyoyev still president of Uzbekistan?");
    const answer: Answer = { ...answerAs("Who took part in the summit?", "likely", true), confidence: 0.96 };
    for (const candidate of [answer, ...(asked.confidence >= SURE_THRESHOLD ? [asked] : [])]) {
      const content = (answerReply(candidate, index, "1") as Json).content as string;
      expect(content).toMatch(/^Probably this: If it misses, press 👎\.\nNote: what I know describes/);
      expect(content).not.toMatch(/not sure|\(\d+%\)/);
    }
    const german = renderAnswer({ ...answer, language: "de" }, index.knowledge);
    expect(german).not.toMatch(/nicht sicher/);
    expect(german).toMatch(/Mein Wissen beschreibt/);
  });

  it("keeps its notes, in the new language, and its 👎 when shown in the other language", () => {
    const likely = answerAs("Who took part in the summit?", "likely", true);
    const sure = answerAs("Who took part in the summit?", "sure");
    const switched = (answer: Answer, embeds = true) => {
      const reply = answerReply(answer, index, "123456789012345678") as Json;
      const raw = reply.components[0].components
        .map((button: Json) => button.custom_id as string)
        .find((id: string) => id.startsWith("ask:lang:"));
      const id = askButtonIds.decode(raw.split(":"));
      if (id?.kind !== "ask-language") throw new Error(`not a language button: ${raw}`);
      const passages = id.statements.map((position) => statementPassage(index, position, id.language));
      return fitForChannel(languageSwitchReply(passages, index, id), embeds) as Json;
    };
    const german = switched(likely);
    expect(german.content).toMatch(
      /^Vermutlich das: Ich bin nicht sicher.*\(62\s%\).*👎\.\nHinweis: Mein Wissen/,
    );
    expect(german.content).not.toMatch(/Probably|Note:/);
    const emoji = german.components[0].components.map((button: Json) => button.emoji?.name);
    expect(emoji).toEqual(expect.arrayContaining(["👍", "👎"]));
    // Without Embed Links the notes stay above the passages.
    expect(switched(likely, false).content).toMatch(/^Vermutlich das:[\s\S]*Hinweis:[\s\S]*\*\*1\.\*\*/);
    // A sure answer has no notes: the update still says so, or the old notes would stay.
    expect(switched(sure).content).toBe("");
  });

  it("offers the topics to pick from for a broad question, not an answer", () => {
    const broad = answerQuestion(index, "agreement");
    expect(broad.outcome).toBe("ambiguous");
    const reply = answerReply(broad, index, "1") as Json;
    expect(reply.embeds ?? []).toEqual([]);
    expect(reply.content).toMatch(/fits many things I know.*pick a topic: .*Migration/);
    expect(renderAnswer(broad, index.knowledge)).toMatch(/fits many things I know/);
  });
});
