import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIO } from "../support/capture.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

describe("the terminal chat and ask", () => {
  it("answers questions and commands like the bot, in the language of the conversation", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "Wer hat am Gipfel teilgenommen?\n/topics\n/statement no-such-id\n/quit\n",
    );
    expect(await runCli(["chat"], io)).toBe(0);
    expect(io.stdout.text).toMatch(/Tokajew|Dschaparow/);
    expect(io.stdout.text).toMatch(/Themen:\n\s+participants\s+Teilnehmer/);
    expect(io.stdout.text).toMatch(/keine Aussage mit der Kennung no-such-id/);
  });

  it("opens with a banner in the chat's language", async () => {
    const german = captureIO({ KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE }, "/ende\n");
    expect(await runCli(["chat", "--lang", "de"], german)).toBe(0);
    expect(german.stdout.lines[0]).toMatch(/^summit-bot – .*Gipfel.* · \d+ Aussagen, Stand \S+$/);
    const english = captureIO({ KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE }, "/quit\n");
    expect(await runCli(["chat"], english)).toBe(0);
    expect(english.stdout.lines[0]).toMatch(/^summit-bot — .*[Ss]ummit.* · \d+ statements, version \S+$/);
  });

  it("answers every line and exits 0 when input ends without /quit (Node 24 closed readline first)", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "Afghanistan?\n\n/about\nWer hat am Gipfel teilgenommen?",
    );
    expect(await runCli(["chat"], io)).toBe(0);
    expect(io.stdout.text).toMatch(/Afghanistan/);
    expect(io.stdout.text).toMatch(/Tokajew|Dschaparow/);
  });

  it("answers one JSON line per input line, in order, blank lines included", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "Afghanistan?\n\nWho won the world cup in 2014?\n",
    );
    expect(await runCli(["ask", "--json"], io)).toBe(0);
    const lines = io.stdout.lines.map((line) => JSON.parse(line));
    expect(lines.map((line) => line.question)).toEqual([
      "Afghanistan?",
      "",
      "Who won the world cup in 2014?",
    ]);
    expect(lines[0].answered).toBe(true);
    expect(lines[0].passages[0].id).toBe("afghanistan");
    expect(lines[1]).toMatchObject({ answered: false, passages: [], certainty: "none" });
    expect(lines[2]).toMatchObject({ answered: false, certainty: "none" });
    expect(["sure", "likely"]).toContain(lines[0].certainty);
    for (const line of lines) expect(["de", "en"]).toContain(line.language);
  });

  it("answers the single German word Kanzler in German", async () => {
    const io = captureIO({ KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE });
    expect(await runCli(["ask", "--json", "Kanzler"], io)).toBe(0);
    expect(JSON.parse(io.stdout.text)).toMatchObject({ detectedLanguage: "de", language: "de" });
  });

  it("gives every JSON line the same fields, whatever the outcome", async () => {
    const tooLong = `Who signed ${"the agreement ".repeat(10)}with Kyrgyzstan?`;
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE, MAX_QUESTION_LENGTH: "60" },
      `Afghanistan?\nWho won the world cup in 2014?\n\n${tooLong}\n`,
    );
    expect(await runCli(["ask", "--json"], io)).toBe(0);
    const lines = io.stdout.lines.map((line) => JSON.parse(line));
    expect(lines.map((line) => line.outcome)).toEqual(["answered", "low-confidence", "empty", "too-long"]);
    const fields = Object.keys(lines[0]).sort();
    for (const field of ["certainty", "aboutNow", "detectedLanguage", "knowledgeVersion", "message"])
      expect(fields).toContain(field);
    for (const line of lines) expect(Object.keys(line).sort(), line.outcome).toEqual(fields);
    expect(lines[3]).toMatchObject({
      answered: false,
      certainty: "none",
      aboutNow: false,
      detectedLanguage: "en",
      knowledgeVersion: lines[0].knowledgeVersion,
      message: expect.stringMatching(/too long/),
    });
    expect(lines[0].message).toBeNull();
  });

  it("echoes the question as given, noise and all, while answering what it asks", async () => {
    const io = captureIO(
      { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
      "@everyone 🌊 what about water?\nwhat about water?\n",
    );
    expect(await runCli(["ask", "--json"], io)).toBe(0);
    const [noisy, plain] = io.stdout.lines.map((line) => JSON.parse(line));
    expect(noisy.question).toBe("@everyone 🌊 what about water?");
    expect(noisy.passages.map((passage: { id: string }) => passage.id)).toEqual(
      plain.passages.map((passage: { id: string }) => passage.id),
    );
    expect([noisy.answered, noisy.certainty]).toEqual([plain.answered, plain.certainty]);
  });

  it("exits 2 naming the file and the setting, nothing on stdout, for a missing knowledge file", async () => {
    const io = captureIO({ KNOWLEDGE_PATH: "/nonexistent/summit.yaml" }, "");
    expect(await runCli(["ask", "--json", "hello"], io)).toBe(2);
    expect(io.stdout.text).toBe("");
    expect(io.stderr.text).toMatch(
      /\/nonexistent\/summit\.yaml \(set by KNOWLEDGE_PATH\) is missing \(no such file\)/,
    );
  });

  it("exits 2 for bad usage", async () => {
    const io = captureIO({}, "");
    expect(await runCli(["ask", "--lang", "fr", "x"], io)).toBe(2);
    expect(io.stderr.text).toMatch(/--lang must be de or en/);
  });
});
