import { beforeAll, describe, expect, it } from "vitest";
import { FOLLOW_UP_WINDOW_MS, FollowUpMemory } from "../../src/app/follow-up-memory.js";
import { runCli } from "../../src/cli/run-cli.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { leansOnPrevious } from "../../src/search/follow-up.js";
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
  it("answers 'and Uzbekistan?' together with the question before, and says how it read it", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "Who signed the migration declaration with Kyrgyzstan?\nand Uzbekistan?\n/quit\n",
    );
    expect(await runCli(["chat"], io)).toBe(0);
    const second = io.stdout.text.slice(io.stdout.text.indexOf("Read together"));
    expect(second).toMatch(
      /Read together with your last question: “Who signed the migration declaration with uzbekistan”/,
    );
    expect(second).toMatch(/Uzbek/);
  });
});
