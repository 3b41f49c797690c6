import { readFile, writeFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../src/app/knowledge-service.js";
import { contentHash } from "../../src/knowledge/knowledge-set.js";
import { historyRows } from "../../src/knowledge/served-line.js";
import { addExampleQuestion, addOutOfScopePhrase } from "../../src/knowledge/text-edit.js";
import { answerQuestion } from "../../src/search/answer.js";
import { VALID_KNOWLEDGE } from "../support/broken-knowledge.js";
import { openTempKnowledge, type TempKnowledge } from "../support/temp-knowledge.js";

/** The fixture as version `n`: another `version:` and one more example question. */
const versionN = (n: number) =>
  VALID_KNOWLEDGE.replace('version: "1"', `version: "${n}"`).replace(
    "      - What about trade?\n",
    `      - What about trade?\n      - Trade question ${n}?\n`,
  );

describe("the history of served versions", () => {
  let temp: TempKnowledge;
  let path: string;
  let service: KnowledgeService;

  beforeEach(async () => {
    temp = await openTempKnowledge(versionN(1));
    ({ path, service } = temp);
    for (const n of [2, 3, 4]) await service.upload(versionN(n), `moderator ${n}`);
  });

  afterEach(() => temp.remove());

  const servedName = () => service.current.document.version;

  async function rollBack(): Promise<string> {
    const target = await service.rollbackTarget();
    if (!target) return "none";
    await service.rollback(target, "moderator");
    return servedName();
  }

  it("walks back one version further on each rollback, instead of toggling", async () => {
    expect(servedName()).toBe("4");
    expect([await rollBack(), await rollBack(), await rollBack()]).toEqual(["3", "2", "1"]);
    expect(await rollBack()).toBe("none");
    expect(await readFile(path, "utf8")).toBe(versionN(1));
  });

  it("goes back from a newer version to the one served just before it, rollbacks included", async () => {
    await rollBack(); // 3
    await service.upload(versionN(5), "moderator");
    expect([await rollBack(), await rollBack()]).toEqual(["3", "4"]);
  });

  it("keeps the line in served order, each with its name, time and author, and marks the current one", async () => {
    await rollBack();
    const rows = historyRows(await service.servedLine(), service.current.hash);
    expect(rows.map((row) => [row.name, row.actor, row.action, row.current])).toEqual([
      ["3", "moderator", "rollback", true],
      ["4", "moderator 4", "upload", false],
      ["3", "moderator 3", "upload", false],
      ["2", "moderator 2", "upload", false],
      ["1", "file on disk", "start-up", false],
    ]);
    expect(rows.every((row) => !Number.isNaN(Date.parse(row.at)) && row.entry !== undefined)).toBe(true);
  });

  it("rolls back to a named version, and walks back from where that version stood", async () => {
    const second = (await service.servedLine())[1];
    const target = await service.rollbackTarget(second?.version.slice(0, 6));
    if (!target) throw new Error("version not found");
    await service.rollback(target, "moderator");
    expect(servedName()).toBe("2");
    expect(await rollBack()).toBe("1");
  });
});

describe("teaching through the knowledge service", () => {
  let temp: TempKnowledge;
  let path: string;
  let service: KnowledgeService;

  beforeEach(async () => {
    temp = await openTempKnowledge();
    ({ path, service } = temp);
  });

  afterEach(() => temp.remove());

  const teach = (id: string, question: string, actor = "moderator") =>
    service.edit(actor, "teach", (text) => addExampleQuestion(text, path, id, question));

  it("answers a taught question with its statement at once, and names the change and the moderator", async () => {
    const question = "Wie läuft der Warenaustausch mit Zentralasien?";
    expect(answerQuestion(service.index, question).passages[0]?.id).not.toBe("economy-trade");
    const change = await teach("economy-trade", question, "Mod#0001");
    expect(change.kind).toBe("applied");
    if (change.kind !== "applied") return;
    expect(change.diff.fields).toEqual([
      { id: "economy-trade", field: "questions", added: [question], removed: [] },
    ]);
    expect(answerQuestion(service.index, question).passages[0]?.id).toBe("economy-trade");
    expect((await service.servedLine()).at(-1)).toMatchObject({ actor: "Mod#0001", action: "teach" });
  });

  it("applies the change to the file as it is now, keeping an edit made meanwhile", async () => {
    const edited = (await readFile(path, "utf8")).replace("More trade and investment.", "More trade.");
    await writeFile(path, edited);
    await teach("migration-partnerships", "Rückübernahme?");
    const now = await readFile(path, "utf8");
    expect(now).toContain("More trade.");
    expect(now).toContain("      - Rückübernahme?\n");
  });

  it("refuses clearly when the statement is gone, and writes nothing", async () => {
    const without = VALID_KNOWLEDGE.replace("- id: economy-trade", "- id: economy-trade-renamed");
    await writeFile(path, without);
    const change = await teach("economy-trade", "Exporte?");
    expect(change.kind).toBe("rejected");
    if (change.kind === "rejected") expect(change.issues[0]?.message).toMatch(/no statement "economy-trade"/);
    expect(await readFile(path, "utf8")).toBe(without);
  });

  it("lands both of two teaches made at once, each a version of its own", async () => {
    const [first, second] = await Promise.all([
      teach("economy-trade", "Exporte?", "first"),
      service.edit("second", "out-of-scope", (text) => addOutOfScopePhrase(text, path, "weather")),
    ]);
    expect([first.kind, second.kind]).toEqual(["applied", "applied"]);
    const now = await readFile(path, "utf8");
    expect(now).toContain("      - Exporte?\n");
    expect(now).toContain("outOfScope:\n  - weather\n");
    expect((await service.servedLine()).map((served) => served.actor)).toEqual([
      "file on disk",
      "first",
      "second",
    ]);
  });

  it("lands both teaches when two processes (shards, the shell) edit the same file at once", async () => {
    const other = await temp.openAgain();
    const questions = ["Exporte?", "Importe?", "Zölle?", "Handelsvolumen?"];
    await Promise.all(
      questions.map((question, position) =>
        (position % 2 === 0 ? service : other).edit("moderator", "teach", (text) =>
          addExampleQuestion(text, path, "economy-trade", question),
        ),
      ),
    );
    const now = await readFile(path, "utf8");
    for (const question of questions) expect(now).toContain(`      - ${question}\n`);
  });

  it("refuses an upload checked before a lesson was taught, instead of dropping the lesson", async () => {
    const basedOn = contentHash(await readFile(path, "utf8"));
    const uploaded = VALID_KNOWLEDGE.replace("More trade and investment.", "More trade.");
    await teach("economy-trade", "Exporte?");
    const change = await service.upload(uploaded, "moderator", basedOn);
    expect(change.kind).toBe("rejected");
    if (change.kind === "rejected")
      expect(change.issues[0]?.message).toMatch(/changed since this upload was checked/);
    expect(await readFile(path, "utf8")).toContain("      - Exporte?\n");
    expect(
      (await service.upload(uploaded, "moderator", contentHash(await readFile(path, "utf8")))).kind,
    ).toBe("applied");
  });

  it("rejects a reload of a file that is not UTF-8, and keeps answering", async () => {
    await writeFile(path, Buffer.from(VALID_KNOWLEDGE.replace("Testgipfel", "Gipfel für Tests"), "latin1"));
    const change = await service.reload("test");
    expect(change.kind).toBe("rejected");
    if (change.kind === "rejected") expect(change.issues[0]).toMatchObject({ line: 6, field: "encoding" });
    expect(service.current.document.summit.title.de).toBe("Testgipfel");
  });
});
