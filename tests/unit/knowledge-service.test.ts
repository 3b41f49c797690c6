import { mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeService } from "../../src/app/knowledge-service.js";
import { KnowledgeHistory } from "../../src/knowledge/history.js";
import { silentLogger } from "../../src/logging/logger.js";
import { answerQuestion } from "../../src/search/answer.js";
import { BROKEN_KNOWLEDGE, mutate, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

/** The fixture with one more statement, about a topic the original does not know. */
const WITH_GLACIERS = VALID_KNOWLEDGE.replace(
  "statements:\n",
  `statements:
  - id: glacier-melt
    topic: economy
    de: Die Gletscherschmelze bedroht die Wasserversorgung.
    en: Glacier melt threatens the water supply.
    source: report
    quote: false
    questions: [Was ist mit den Gletschern?, What about the glaciers?]
`,
);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the knowledge service", () => {
  let folder: string;
  let path: string;
  let service: KnowledgeService;
  let stopWatching: () => void = () => undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "summit-knowledge-"));
    path = join(folder, "summit.yaml");
    await writeFile(path, VALID_KNOWLEDGE);
    const opened = await KnowledgeService.open(
      path,
      new KnowledgeHistory(join(folder, "history")),
      silentLogger(),
    );
    if (!opened.ok) throw new Error("fixture invalid");
    service = opened.value;
  });

  afterEach(async () => {
    stopWatching();
    await rm(folder, { recursive: true, force: true });
  });

  const knowsGlaciers = () => answerQuestion(service.index, "glaciers").answered;

  it("serves a valid edit made on disk within 2 seconds, through the watcher", async () => {
    stopWatching = service.watch();
    expect(knowsGlaciers()).toBe(false);
    await writeFile(path, WITH_GLACIERS);
    await waitFor(knowsGlaciers, 2000);
  });

  it("follows editors that save by writing a new file and renaming it over the old one", async () => {
    stopWatching = service.watch();
    const temporary = join(folder, ".summit.yaml.swp");
    await writeFile(temporary, WITH_GLACIERS);
    await rename(temporary, path);
    await waitFor(knowsGlaciers, 2000);
  });

  it("reports what a reload added, removed and changed", async () => {
    await writeFile(path, WITH_GLACIERS.replace("More trade and investment.", "Much more trade."));
    const change = await service.reload("test");
    expect(change.kind).toBe("applied");
    if (change.kind !== "applied") return;
    expect(change.diff.added).toEqual(["glacier-melt"]);
    expect(change.diff.changed).toEqual(["economy-trade"]);
    expect(change.diff.removed).toEqual([]);
  });

  it("names the served version, which follows a reload", async () => {
    const served = service.servedVersion;
    expect(served).toBe(service.index.knowledge.document.version);
    await writeFile(path, WITH_GLACIERS.replace(/version: "[^"]*"/, 'version: "served-next"'));
    expect((await service.reload("test")).kind).toBe("applied");
    expect(service.servedVersion).toBe("served-next");
    expect(served).not.toBe("served-next");
  });

  it.each(BROKEN_KNOWLEDGE)(
    "keeps answering from the old knowledge when the file has a $kind",
    async (broken) => {
      const before = service.current.hash;
      const text = broken.text();
      await writeFile(path, text);
      const change = await service.reload("test");
      expect(change.kind).toBe("rejected");
      expect(service.current.hash).toBe(before);
      expect(answerQuestion(service.index, "What about trade?").passages[0]?.id).toBe("economy-trade");
      const issue = service.lastRejection?.issues.find((candidate) => candidate.field === broken.field);
      expect(issue?.line).toBe(broken.line());
      expect(await readFile(path, "utf8")).toBe(text);
    },
  );

  it("keeps the old knowledge when the file disappears", async () => {
    await unlink(path);
    const change = await service.reload("test");
    expect(change.kind).toBe("rejected");
    expect(service.lastRejection?.issues[0]?.message).toMatch(/missing/);
    expect(service.current.statements).toHaveLength(2);
  });

  it("writes an upload atomically and keeps the previous version", async () => {
    const change = await service.upload(WITH_GLACIERS, "moderator");
    expect(change.kind).toBe("applied");
    expect(await readFile(path, "utf8")).toBe(WITH_GLACIERS);
    expect((await service.history.list()).map((entry) => entry.bytes).sort()).toEqual(
      [Buffer.byteLength(VALID_KNOWLEDGE), Buffer.byteLength(WITH_GLACIERS)].sort(),
    );
  });

  it("rolls back to byte-identical content", async () => {
    const original = await readFile(path);
    await service.upload(WITH_GLACIERS, "moderator");
    const previous = await service.rollbackTarget();
    expect(previous).toBeDefined();
    const change = await service.rollback(previous as NonNullable<typeof previous>, "moderator");
    expect(change.kind).toBe("applied");
    expect((await readFile(path)).equals(original)).toBe(true);
    expect(knowsGlaciers()).toBe(false);
  });

  it("never writes the file when an upload is invalid", async () => {
    const change = await service.upload(mutate("    topic: economy", "    topic: nowhere"), "moderator");
    expect(change.kind).toBe("rejected");
    expect(await readFile(path, "utf8")).toBe(VALID_KNOWLEDGE);
  });

  it("answers 1,000 questions during 50 reloads, each from one consistent version", async () => {
    // Two versions whose every statement text ends with its version's marker.
    const marked = (marker: string) =>
      VALID_KNOWLEDGE.replace('version: "1"', `version: "${marker}"`).replace(
        /(\n {4}(?:de|en): .*?)\.(?=\n)/g,
        `$1 ${marker}.`,
      );
    const versions = [marked("alpha"), marked("beta")];
    let reloads = 0;
    const reloading = (async () => {
      while (reloads < 50) {
        await writeFile(path, versions[reloads % 2] as string);
        expect((await service.reload("test")).kind).not.toBe("rejected");
        reloads += 1;
      }
    })();
    const questions = [
      "What about trade?",
      "migration readmission",
      "Handel",
      "Was wurde zur Migration vereinbart?",
    ];
    const seen = new Set<string>();
    try {
      for (let asked = 0; asked < 1000; asked++) {
        const answer = answerQuestion(service.index, questions[asked % questions.length] as string);
        seen.add(answer.knowledgeVersion);
        expect(answer.answered).toBe(true);
        // Every passage carries the marker of the version the answer names: one version throughout.
        const marker = answer.knowledgeVersion === "1" ? "." : ` ${answer.knowledgeVersion}.`;
        for (const passage of answer.passages) {
          expect(passage.de.endsWith(marker)).toBe(true);
          expect(passage.en.endsWith(marker)).toBe(true);
        }
        // Let the reloads' file I/O progress between questions, as a busy bot would.
        if (asked % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    } finally {
      await reloading;
    }
    expect(reloads).toBe(50);
    expect(seen).toEqual(new Set(["1", "alpha", "beta"]));
  });
});
