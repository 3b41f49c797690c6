import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type AuditEvent, KnowledgeService } from "../../src/app/knowledge-service.js";
import { KnowledgeHistory } from "../../src/knowledge/history.js";
import { shortHash } from "../../src/knowledge/knowledge-set.js";
import { silentLogger } from "../../src/logging/logger.js";
import { answerQuestion } from "../../src/search/answer.js";
import { VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

/** The fixture with eight more statements, so that cutting the file short removes most of them. */
const LARGER = VALID_KNOWLEDGE.replace(
  "statements:\n",
  `statements:\n${Array.from(
    { length: 8 },
    (_, index) => `  - id: extra-${index}
    topic: economy
    de: Zusätzliche Aussage Nummer ${index} über Gletscher.
    en: Additional statement number ${index} about glaciers.
    source: report
    quote: false
    questions: [Was ist mit Gletscher ${index}?, What about glacier ${index}?]
    keywords:
      - glacier number ${index}
`,
  ).join("")}`,
);
const WITH_TRADE_EDIT = LARGER.replace("More trade and investment.", "Much more trade with the region.");

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serviceFor(path: string, history: string, options = {}) {
  const opened = await KnowledgeService.open(path, new KnowledgeHistory(history, 3), silentLogger(), {
    pollMs: 500,
    ...options,
  });
  if (!opened.ok) throw new Error(opened.issues[0]?.message);
  const service = opened.value;
  const events: AuditEvent[] = [];
  service.onAudit((event) => events.push(event));
  const stop = service.watch();
  cleanups.push(stop);
  return { service, events };
}

async function folder(): Promise<string> {
  const created = await mkdtemp(join(tmpdir(), "summit-watch-"));
  cleanups.push(() => rm(created, { recursive: true, force: true }));
  return created;
}

const knowsTradeEdit = (service: KnowledgeService): boolean =>
  answerQuestion(service.index, "trade with the region").passages[0]?.id === "economy-trade" &&
  service.current.statementsById.get("economy-trade")?.en.startsWith("Much more") === true;

describe("the knowledge watcher", () => {
  it("picks up a ConfigMap-style symlink swap within 5 s", async () => {
    const root = await folder();
    await mkdir(join(root, "v1"));
    await writeFile(join(root, "v1", "summit.yaml"), LARGER);
    await symlink("v1", join(root, "..data"));
    await symlink(join("..data", "summit.yaml"), join(root, "summit.yaml"));
    const { service } = await serviceFor(join(root, "summit.yaml"), join(root, "history"));

    // What the kubelet does: write a new folder, point a temporary link at it, rename it over ..data.
    await mkdir(join(root, "v2"));
    await writeFile(join(root, "v2", "summit.yaml"), WITH_TRADE_EDIT);
    await symlink("v2", join(root, "..data_tmp"));
    await rename(join(root, "..data_tmp"), join(root, "..data"));
    await waitFor(() => knowsTradeEdit(service), 5000);
  });

  it("keeps following after the knowledge folder is deleted and created again", async () => {
    const root = await folder();
    const knowledge = join(root, "knowledge");
    await mkdir(knowledge);
    await writeFile(join(knowledge, "summit.yaml"), LARGER);
    const { service } = await serviceFor(join(knowledge, "summit.yaml"), join(root, "history"));
    await rm(knowledge, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await mkdir(knowledge);
    await writeFile(join(knowledge, "summit.yaml"), LARGER);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await writeFile(join(knowledge, "summit.yaml"), WITH_TRADE_EDIT);
    await waitFor(() => knowsTradeEdit(service), 5000);
  });

  it("never applies a file while it is being written, and holds one cut short", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const { service, events } = await serviceFor(path, join(root, "history"));
    // The first part of the file, cut mid-line ("- glac"): it still parses, with two statements of ten.
    const cut = LARGER.slice(0, LARGER.indexOf("      - glacier number 1") + 12);
    await writeFile(path, cut);
    await waitFor(() => events.some((event) => event.change.kind === "rejected"), 5000);
    expect(service.current.statements).toHaveLength(10);
    expect(service.lastRejection?.issues[0]?.message).toMatch(/held, not applied: .* removes 8 of 10/);
    // Asked for explicitly, it is applied.
    expect((await service.reload("moderator")).kind).toBe("applied");
    expect(service.current.statements).toHaveLength(2);
  });

  it("applies a smaller version the shell restored from the history (a rollback is chosen)", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const { service } = await serviceFor(path, join(root, "history"));
    // What `knowledge -- rollback` does while the bot runs: keep the version, then write the file.
    await new KnowledgeHistory(join(root, "history"), 3).save(VALID_KNOWLEDGE);
    await writeFile(path, VALID_KNOWLEDGE);
    await waitFor(() => service.current.statements.length === 2, 5000);
  });

  it("waits until two reads agree before parsing", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const { service, events } = await serviceFor(path, join(root, "history"), { pollMs: 60_000 });
    // A writer that appends in pieces with pauses shorter than the settling time.
    const pieces = WITH_TRADE_EDIT.match(/[\s\S]{1,400}/g) ?? [];
    await writeFile(path, "");
    for (const piece of pieces) {
      await writeFile(path, piece, { flag: "a" });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => knowsTradeEdit(service), 5000);
    expect(events.filter((event) => event.change.kind === "rejected")).toEqual([]);
  });
});

describe("reloads that cannot keep their history", () => {
  it("are rejected, reported, and leave no temporary file", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    const history = join(root, "history");
    await writeFile(path, LARGER);
    const { service, events } = await serviceFor(path, history, { pollMs: 60_000 });
    if (!makeReadOnly(history)) return;
    cleanups.push(() => makeWritable(history));
    await writeFile(path, WITH_TRADE_EDIT);
    const change = await service.reload("moderator");
    expect(change.kind).toBe("rejected");
    expect(service.lastRejection?.issues[0]?.message).toMatch(/cannot keep this version in the history/);
    expect(events.at(-1)?.change.kind).toBe("rejected");
    expect(readdirSync(history).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an upload into a read-only knowledge folder (a ConfigMap mount)", () => {
  it("is a rejected change naming the lock, not a thrown error", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const { service, events } = await serviceFor(path, join(root, "history-elsewhere"), { pollMs: 60_000 });
    if (!makeReadOnly(root)) return;
    cleanups.push(() => makeWritable(root));
    const change = await service.upload(WITH_TRADE_EDIT, "moderator");
    expect(change.kind).toBe("rejected");
    expect(service.lastRejection?.issues[0]?.message).toMatch(/cannot take the knowledge file's lock/);
    expect(events.at(-1)?.change.kind).toBe("rejected");
  });
});

describe("a rollback to a version that is gone from the history", () => {
  it("is a rejected change, audited and in the status, not a thrown error", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const { service, events } = await serviceFor(path, join(root, "history"), { pollMs: 60_000 });
    const history = new KnowledgeHistory(join(root, "history"), 3);
    await history.save(VALID_KNOWLEDGE);
    const entry = (await history.list()).find((listed) => !service.current.hash.startsWith(listed.version));
    if (!entry) throw new Error("no other version");
    // Pruned by another process between the listing and the rollback.
    await rm(entry.file);
    const change = await service.rollback({ entry, position: undefined }, "moderator");
    expect(change.kind).toBe("rejected");
    expect(service.lastRejection?.issues[0]?.message).toMatch(/cannot read this version from the history/);
    expect(events.at(-1)?.change.kind).toBe("rejected");
    expect(service.current.statements).toHaveLength(10);
  });
});

describe("the history", () => {
  it("keeps the newest HISTORY_KEEP versions, and the one in use", async () => {
    const root = await folder();
    const history = new KnowledgeHistory(join(root, "history"), 3);
    const texts = Array.from({ length: 6 }, (_, index) => `${LARGER}# edit ${index}\n`);
    for (const [index, text] of texts.entries())
      await history.save(text, new Date(Date.UTC(2026, 0, 1 + index)));
    expect((await history.list()).map((entry) => entry.savedAt.getUTCDate())).toEqual([6, 5, 4]);
    // Rolled back to the oldest kept, which then stays while newer ones are added.
    const oldest = (await history.list()).at(-1);
    await history.save(texts[3] as string);
    expect(await history.list()).toContainEqual(oldest);
  });

  it("keeps the served version when a change it pruned for cannot be written", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const opened = await KnowledgeService.open(
      path,
      new KnowledgeHistory(join(root, "history"), 1),
      silentLogger(),
    );
    if (!opened.ok) throw new Error(opened.issues[0]?.message);
    const service = opened.value;
    const served = shortHash(service.current.hash);
    // The knowledge file cannot be replaced: the history is written first.
    if (!makeReadOnly(path)) return;
    cleanups.push(() => makeWritable(path));
    const change = await service.upload(WITH_TRADE_EDIT, "moderator");
    expect(change.kind).toBe("rejected");
    expect(shortHash(service.current.hash)).toBe(served);
    const kept = await new KnowledgeHistory(join(root, "history"), 1).find(served);
    expect(kept, "the served version is still in the history").toBeDefined();
  });

  it("removes temporary files a killed process left behind, at start", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    await mkdir(join(root, "history"));
    await writeFile(join(root, "history", ".20260101T000000Z-abcdefabcdef.yaml.0123456789ab.tmp"), "");
    await writeFile(join(root, ".summit.yaml.0123456789ab.tmp"), "half");
    await serviceFor(path, join(root, "history"));
    expect(readdirSync(join(root, "history")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(join(root, ".summit.yaml.0123456789ab.tmp"))).toBe(false);
    expect(await readFile(path, "utf8")).toBe(LARGER);
  });
});

describe("KNOWLEDGE_MAX_BYTES", () => {
  it("rejects a larger file from the watcher and from an upload, keeping the old knowledge", async () => {
    const root = await folder();
    const path = join(root, "summit.yaml");
    await writeFile(path, LARGER);
    const { service } = await serviceFor(path, join(root, "history"), { maxBytes: 20_000, pollMs: 60_000 });
    const padded = `${WITH_TRADE_EDIT}${"# padding\n".repeat(3000)}`;
    await writeFile(path, padded);
    expect((await service.reload("moderator")).kind).toBe("rejected");
    expect(service.lastRejection?.issues[0]?.message).toMatch(/more than KNOWLEDGE_MAX_BYTES \(20000\)/);
    expect((await service.upload(padded, "moderator")).kind).toBe("rejected");
    expect(service.current.statements).toHaveLength(10);
    expect((await new KnowledgeHistory(join(root, "history")).list()).length).toBe(1);
  });
});

/**
 * A folder nothing can be written to. Root ignores permission bits, so as root the folder is made
 * immutable (chattr +i), which holds even for root; false where that is not possible.
 */
function makeReadOnly(path: string): boolean {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o500);
    return true;
  }
  try {
    execFileSync("chattr", ["+i", path], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function makeWritable(path: string): void {
  if (process.getuid?.() !== 0) chmodSync(path, 0o700);
  else execFileSync("chattr", ["-i", path], { stdio: "ignore" });
}
