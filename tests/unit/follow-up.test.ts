import { beforeAll, describe, expect, it } from "vitest";
import { answerInConversation } from "../../src/app/follow-up-answer.js";
import { FOLLOW_UP_WINDOW_MS, FollowUpMemory } from "../../src/app/follow-up-memory.js";
import { runCli } from "../../src/cli/run-cli.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { answerQuestion } from "../../src/search/answer.js";
import { leansOnPrevious, namesSomethingOfItsOwn } from "../../src/search/follow-up.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { knowledgeOf } from "../support/broken-knowledge.js";
import { captureIO } from "../support/capture.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

const index = buildSearchIndex(knowledgeOf());
let shippedIndex: SearchIndex;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  shippedIndex = buildSearchIndex(loaded.value);
});

describe("a question that leans on the one before", () => {
  it.each([
    "and Uzbekistan?",
    "und Kasachstan?",
    "what about 2024?",
    "wer noch?",
    "who else?",
    "Und was ist mit Handel?",
  ])("%s leans on it", (question) => expect(leansOnPrevious(question)).toBe(true));

  it.each([
    "Who took part in the summit?",
    "what about the agreement with Kyrgyzstan and its readmission rules for workers?",
    "Uzbekistan",
    "andere Länder?",
    "",
  ])("%s stands on its own", (question) => expect(leansOnPrevious(question)).toBe(false));
});

describe("the follow-up memory", () => {
  it("reads a follow-up with the same person's last question in the same channel", () => {
    const memory = new FollowUpMemory();
    expect(memory.read(index, "ana", "c1", "what about trade?")).toBe("what about trade?");
    expect(memory.read(index, "ana", "c1", "and migration?")).toBe("what about trade? migration");
  });

  it("lets a participant named in the follow-up take the place of the one asked before", () => {
    const memory = new FollowUpMemory();
    const index = shippedIndex;
    memory.read(index, "ana", "c1", "Who signed the agreement with Kyrgyzstan?");
    const read = memory.read(index, "ana", "c1", "und Usbekistan?");
    expect(read).toBe("Who signed the agreement with usbekistan");
  });

  it("keeps people and channels apart", () => {
    const memory = new FollowUpMemory();
    memory.read(index, "ana", "c1", "what about trade?");
    expect(memory.read(index, "ben", "c1", "and migration?")).toBe("and migration?");
    expect(memory.read(index, "ana", "c2", "and migration?")).toBe("and migration?");
  });

  it("forgets after a few minutes", () => {
    let now = 1_000_000;
    const memory = new FollowUpMemory(FOLLOW_UP_WINDOW_MS, () => now);
    memory.read(index, "ana", "c1", "what about trade?");
    now += FOLLOW_UP_WINDOW_MS + 1;
    expect(memory.read(index, "ana", "c1", "and migration?")).toBe("and migration?");
  });

  it("deletes what is older than the window rather than keeping it unread", () => {
    let now = 1_000_000;
    const memory = new FollowUpMemory(FOLLOW_UP_WINDOW_MS, () => now);
    for (const person of ["ana", "ben", "cem"]) memory.read(index, person, "c1", "what about trade?");
    now += FOLLOW_UP_WINDOW_MS / 2;
    memory.read(index, "dan", "c1", "what about trade?");
    expect(memory.size).toBe(4);
    now += FOLLOW_UP_WINDOW_MS / 2 + 1;
    memory.read(index, "eve", "c1", "what about trade?");
    expect(memory.size).toBe(2);
  });

  it("reads an edited question as a correction: against the question before it, not itself", () => {
    const memory = new FollowUpMemory();
    memory.read(index, "ana", "c1", "what about trade?", { messageId: "1" });
    memory.read(index, "ana", "c1", "who came from Kyrgyzstan?", { messageId: "2" });
    expect(memory.read(index, "ana", "c1", "and migration?", { messageId: "2", edited: true })).toBe(
      "what about trade? migration",
    );
    // An edit of an older message is read alone and leaves the conversation as it was.
    expect(memory.read(index, "ana", "c1", "and Kyrgyzstan?", { messageId: "1", edited: true })).toBe(
      "and Kyrgyzstan?",
    );
    expect(memory.read(index, "ana", "c1", "and energy?", { messageId: "3" })).toBe(
      "what about trade? migration energy",
    );
  });

  it("holds only the last question, as read", () => {
    const memory = new FollowUpMemory();
    memory.read(index, "ana", "c1", "what about trade?");
    memory.read(index, "ana", "c1", "Who took part?");
    expect(memory.read(index, "ana", "c1", "and Kyrgyzstan?")).toBe("Who took part? kyrgyzstan");
  });
});

describe("follow-ups in the terminal chat", () => {
  it("answers 'and when?' together with the question before, and says how it read it", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "Who signed the migration declaration with Kyrgyzstan?\nand when?\n/quit\n",
    );
    expect(await runCli(["chat"], io)).toBe(0);
    const second = io.stdout.text.slice(io.stdout.text.indexOf("Read together"));
    expect(second).toMatch(
      /Read together with your last question: “Who signed the migration declaration with Kyrgyzstan\? when”/,
    );
    expect(second).toMatch(/Kyrgyz/);
  });

  it("answers a new 'what about …?' as typed when it stands on its own", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "When is the next meeting?\nwhat about water?\n/quit\n",
    );
    expect(await runCli(["chat"], io)).toBe(0);
    const second = io.stdout.text.slice(io.stdout.text.lastIndexOf("bot>"));
    expect(second).not.toMatch(/Read together|Probably this/);
    expect(second).toMatch(/water/i);
  });

  it("holds a follow-up to the length limit, as typed, before reading it with anything", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE, MAX_QUESTION_LENGTH: "300" },
      `When is the next meeting?\nand ${"x".repeat(10_000)}?\n/quit\n`,
    );
    expect(await runCli(["chat"], io)).toBe(0);
    const second = io.stdout.text.slice(io.stdout.text.lastIndexOf("bot>"));
    expect(second).toMatch(/too long/i);
    expect(second).not.toContain("x".repeat(100));
  });
});

describe("answering within a conversation", () => {
  const answerOf = (question: string) => answerQuestion(shippedIndex, question);
  const ask = (memory: FollowUpMemory, question: string) =>
    answerInConversation(shippedIndex, { memory, person: "ana", channel: "c1" }, question, answerOf);

  it("keeps the typed question's own answer when it is answered as surely", () => {
    const memory = new FollowUpMemory();
    ask(memory, "When is the next meeting?");
    const answer = ask(memory, "what about water?");
    expect(answer).toEqual(answerOf("what about water?"));
    // And the next follow-up leans on what was answered, not on the meeting.
    expect(ask(memory, "and when?").question).toBe("what about water? when");
  });

  it("reads a follow-up that names nothing of its own with the question before", () => {
    const memory = new FollowUpMemory();
    ask(memory, "Who signed the migration declaration with Kyrgyzstan?");
    const answer = ask(memory, "and when?");
    expect(answer.question).toBe("Who signed the migration declaration with Kyrgyzstan? when");
    expect(answer.passages[0]?.id).toMatch(/kyrgyzstan/);
  });

  it.each([
    ["and where?", false],
    ["who else?", false],
    ["wer noch?", false],
    ["what about water?", true],
    ["und Usbekistan?", true],
  ])("%s names something of its own: %s", (question, names) =>
    expect(namesSomethingOfItsOwn(question)).toBe(names),
  );
});
