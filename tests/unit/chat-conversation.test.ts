import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { ChatConversation } from "../../src/cli/chat-conversation.js";
import { runCli } from "../../src/cli/run-cli.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { CapturedStream } from "../support/capture.js";
import { until } from "../support/local-http.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let index: SearchIndex;
beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("the shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
});

const session = (language?: "de" | "en") => new ChatConversation({ index }, 300, language);

describe("the terminal chat's commands", () => {
  it("knows the commands under their names in both languages, in any case", () => {
    const chat = session();
    expect(chat.handle("/topics").text).toMatch(/^Topics:\n\s+participants\s+Participants/);
    expect(chat.handle("/Help").text).toMatch(/\/topics \[TOPIC\]/);
    expect(chat.handle("/THEMEN").text).toMatch(/^Themen:\n\s+participants\s+Teilnehmer/);
    expect(chat.handle("/HILFE").text).toMatch(/\/sprache de\|en\|auto/);
    const id = index.knowledge.statements[0]?.id as string;
    expect(chat.handle(`/aussage ${id}`).text).toMatch(new RegExp(`^Aussage ${id} `));
    const english = session();
    expect(english.handle(`/STATEMENT ${id.toUpperCase()}`).text).toMatch(new RegExp(`^Statement ${id} `));
    expect(english.handle("/about").text).toMatch(/^I answer questions about one summit/);
    expect(chat.handle("/ENDE").quit).toBe(true);
    expect(chat.handle("/exit").quit).toBe(true);
  });

  it("turns German when a German command name is typed", () => {
    const chat = session();
    expect(chat.handle("/hilfe").text).toMatch(/^Stell eine Frage auf Deutsch/);
    expect(chat.handle("/about").text).toMatch(/^Ich beantworte Fragen/);
  });

  it("says an unknown /word is unknown instead of answering it as a question", () => {
    expect(session().handle("/foo bar").text).toBe("Unknown command /foo — try /help.");
    expect(session("de").handle("/foo").text).toBe("Unbekannter Befehl /foo – versuch /hilfe.");
  });

  it("lists the chat's own commands in help, not Discord's", () => {
    const help = session().handle("/help").text;
    for (const command of ["/ask", "/topics", "/statement", "/about", "/lang", "/help", "/quit"])
      expect(help).toContain(command);
    expect(help).not.toMatch(/question:|mention me|direct message/);
    const german = session("de").handle("/hilfe").text;
    expect(german).toMatch(/\/themen \[THEMA\][\s\S]*\/sprache de\|en\|auto/);
  });

  it("finds topics by id or by the title the list shows, in any case, and says when there is none", () => {
    const chat = session();
    const topic = index.knowledge.topics.find((candidate) => candidate.id === "migration");
    expect(topic).toBeDefined();
    for (const typed of ["Migration", "MIGRATION", "migration", topic?.de ?? ""]) {
      expect(chat.handle(`/topics ${typed}`).text, typed).toMatch(/^Migration:\n\s+\S+: /);
    }
    const missing = chat.handle("/topics nosuch").text;
    // One heading: the "no topic" line, then the list under its own title, never the list alone.
    expect(missing).toMatch(/^There is no topic "nosuch"\.\nTopics:\n/);
    expect(missing.match(/topics:/gi)).toHaveLength(1);
    expect(session("de").handle("/themen nichtda").text).toMatch(
      /^Es gibt kein Thema „nichtda“\.\nThemen:\n/,
    );
    expect(chat.handle("/statement nosuch").text).toMatch(/^There is no statement with the id nosuch\./);
  });

  it("gives a usage line for a missing or wrong argument", () => {
    const chat = session();
    expect(chat.handle("/statement").text).toBe("Usage: /statement ID");
    expect(chat.handle("/lang xx").text).toBe("Usage: /lang de|en|auto");
    expect(chat.handle("/ask").text).toBe("Usage: /ask QUESTION");
    expect(session("de").handle("/aussage").text).toBe("Aufruf: /aussage KENNUNG");
    expect(chat.handle("/lang DE").text).toBe("Antwortsprache: de");
    expect(chat.handle("/lang auto").text).toBe("Antwortsprache: auto");
  });

  it("answers in German with commands the chat knows", () => {
    const chat = session();
    const answer = chat.handle("Wer hat die Fussball-WM 2014 gewonnen?").text;
    expect(answer).toMatch(/\/themen/);
    expect(chat.handle("/themen").text).toMatch(/^Themen:/);
  });
});

describe("the terminal chat as a command", () => {
  it("follows the knowledge file as the bot does: a valid change is answered at once, a broken one kept out", async () => {
    const folder = await mkdtemp(join(tmpdir(), "summit-chat-"));
    const path = join(folder, "summit.yaml");
    await copyFile(SHIPPED_KNOWLEDGE, path);
    const stdin = new PassThrough();
    const stdout = new CapturedStream();
    const io = {
      stdin,
      stdout,
      stderr: new CapturedStream(),
      env: { KNOWLEDGE_PATH: path, DATA_DIR: join(folder, "data") },
    };
    const running = runCli(["chat"], io);
    await until(() => (stdout.text.includes("/help") ? true : undefined), 5_000, "the chat's greeting");

    const original = await readFile(path, "utf8");
    await writeFile(path, original.replace(/^version: .*$/m, 'version: "test-reloaded"'));
    await until(
      () => (stdout.text.includes("now version test-reloaded") ? true : undefined),
      5_000,
      "the reload",
    );
    stdin.write("/about\n");
    await until(
      () => (stdout.text.includes("Knowledge version test-reloaded") ? true : undefined),
      5_000,
      "/about",
    );

    await writeFile(path, "statements: [\n");
    await until(() => (stdout.text.includes("is not valid") ? true : undefined), 5_000, "the rejection");
    expect(stdout.text).toMatch(/Still answering from version test-reloaded/);
    stdin.end("/quit\n");
    expect(await running).toBe(0);
  });
});
