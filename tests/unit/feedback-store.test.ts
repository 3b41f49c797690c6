import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DATABASE_FILE,
  FeedbackStore,
  INSERT_UNANSWERED_SQL,
  SALT_FILE,
  type UnansweredQuestion,
  type Vote,
} from "../../src/feedback/feedback-store.js";
import { renderGapsCsv, renderGapsReport } from "../../src/feedback/gaps-report.js";
import { FEEDBACK_PRAGMAS } from "../../src/feedback/pragmas.js";
import { MIGRATIONS } from "../../src/feedback/schema.js";
import { normalizeQuestion, questionSimilarity } from "../../src/feedback/similar-questions.js";

const DAY_MS = 86_400_000;
const ALICE = "111111111111111111";
const BOB = "222222222222222222";

function question(text: string, overrides: Partial<UnansweredQuestion> = {}): UnansweredQuestion {
  return {
    question: text,
    language: "en",
    userId: ALICE,
    guildId: "900000000000000001",
    channelId: "900000000000000002",
    bestCandidate: null,
    knowledgeVersion: "2026-01-01",
    ...overrides,
  };
}

function vote(overrides: Partial<Vote> = {}): Vote {
  return {
    answerId: "answer-1",
    userId: ALICE,
    vote: 1,
    statementIds: ["summit-participants", "summit-date"],
    question: "Who took part in the summit?",
    language: "en",
    guildId: "900000000000000001",
    channelId: "900000000000000002",
    knowledgeVersion: "2026-01-01",
    ...overrides,
  };
}

/** A minimal RFC 4180 reader, to check that what the store writes reads back as it should. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  return records;
}

/** Gaps are named by eight hex digits, for buttons and for the shell. */
const GAP_ID = expect.stringMatching(/^[0-9a-f]{8}$/);

describe("the feedback store", () => {
  let root: string;
  let dataDir: string;
  let clock: Date;
  const now = () => clock;
  const stores: FeedbackStore[] = [];
  const open = (retentionDays = 90) => {
    const store = FeedbackStore.open(dataDir, { retentionDays, now });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "summit-feedback-"));
    dataDir = root;
    clock = new Date("2026-03-01T12:00:00Z");
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("creates the data directory, a private database in WAL mode and a private 32-byte salt", () => {
    dataDir = join(dataDir, "nested", "data");
    open();
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining([DATABASE_FILE, SALT_FILE]));
    expect(statSync(join(dataDir, SALT_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, SALT_FILE))).toHaveLength(32);
    const raw = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it("counts one vote per user and answer, and a second click changes it", () => {
    const store = open();
    expect(store.recordVote(vote({ vote: 1 }))).toBe("new");
    expect(store.voteCounts("answer-1")).toEqual({ up: 1, down: 0 });
    expect(store.recordVote(vote({ vote: 1 }))).toBe("unchanged");
    expect(store.voteCounts("answer-1")).toEqual({ up: 1, down: 0 });
    expect(store.recordVote(vote({ vote: -1 }))).toBe("changed");
    expect(store.voteCounts("answer-1")).toEqual({ up: 0, down: 1 });
    expect(store.recordVote(vote({ userId: BOB, vote: -1 }))).toBe("new");
    expect(store.recordVote(vote({ answerId: "answer-2", vote: 1 }))).toBe("new");
    expect(store.voteCounts("answer-1")).toEqual({ up: 0, down: 2 });
    expect(store.voteCounts("answer-2")).toEqual({ up: 1, down: 0 });
    expect(store.voteCounts("never-voted")).toEqual({ up: 0, down: 0 });
  });

  it("lists the statements voted down most, with the questions that led to them", () => {
    const store = open();
    store.recordVote(
      vote({ answerId: "a1", vote: -1, statementIds: ["s-bad", "s-meh"], question: "Q one?" }),
    );
    store.recordVote(vote({ answerId: "a2", vote: -1, statementIds: ["s-bad"], question: "Q two?" }));
    store.recordVote(
      vote({ answerId: "a2", userId: BOB, vote: -1, statementIds: ["s-bad"], question: "Q two?" }),
    );
    store.recordVote(
      vote({ answerId: "a3", vote: 1, statementIds: ["s-meh", "s-good"], question: "Q three?" }),
    );
    const { downVoted } = store.gaps();
    expect(downVoted).toEqual([
      { id: GAP_ID, statementId: "s-bad", downVotes: 3, upVotes: 0, examples: ["Q two?", "Q one?"] },
      { id: GAP_ID, statementId: "s-meh", downVotes: 1, upVotes: 1, examples: ["Q one?"] },
    ]);
  });

  it("groups similar unanswered questions and keeps unrelated ones apart", () => {
    const store = open();
    store.recordUnanswered(
      question("Who signed the Kyrgyz deal?", { bestCandidate: { id: "kg-sign", score: 0.4 } }),
    );
    clock = new Date(clock.getTime() + 60_000);
    store.recordUnanswered(question("who signed the kyrgyz deal", { userId: BOB }));
    clock = new Date(clock.getTime() + 60_000);
    store.recordUnanswered(
      question("Who signed the deal with Kyrgyzstan?", { bestCandidate: { id: "kg-sign", score: 0.5 } }),
    );
    store.recordUnanswered(question("Wann ist das nächste Gipfeltreffen?", { language: "de" }));
    clock = new Date(clock.getTime() + 60_000);
    store.recordUnanswered(question("Who signed the Kyrgyz deal?", { language: "de" }));

    const report = store.gaps();
    expect(report.unansweredTotal).toBe(5);
    expect(report.unanswered).toHaveLength(2);
    const [kyrgyz, summit] = report.unanswered;
    expect(kyrgyz).toEqual({
      id: GAP_ID,
      count: 4,
      examples: [
        "Who signed the Kyrgyz deal?",
        "Who signed the deal with Kyrgyzstan?",
        "who signed the kyrgyz deal",
      ],
      languages: ["de", "en"],
      lastAsked: clock,
      bestCandidate: { id: "kg-sign", score: 0.5 },
    });
    expect(summit).toMatchObject({
      count: 1,
      examples: ["Wann ist das nächste Gipfeltreffen?"],
      bestCandidate: null,
    });
    expect(store.gaps({ limit: 1 }).unanswered).toHaveLength(1);
  });

  it("normalises questions to sorted word sets and compares them by overlap", () => {
    expect(normalizeQuestion("Who signed the Kyrgyz deal?")).toBe("deal kyrgyz signed who");
    expect(normalizeQuestion("  WHO signed, the kyrgyz DEAL!!")).toBe("deal kyrgyz signed who");
    expect(normalizeQuestion("Wer hat das Abkommen über Migration unterschrieben?")).toBe(
      "abkommen migration unterschrieben wer",
    );
    expect(normalizeQuestion("Straße in Düsseldorf")).toBe(normalizeQuestion("strasse duesseldorf"));
    expect(normalizeQuestion("What's up?")).toBe("up");
    const words = (text: string) => normalizeQuestion(text).split(" ");
    expect(
      questionSimilarity(words("who signed the kyrgyz deal"), words("who signed the deal with kyrgyzstan")),
    ).toBe(1);
    expect(questionSimilarity(words("energy partnership"), words("energy corridor"))).toBeCloseTo(1 / 3);
    expect(questionSimilarity(words("who signed the gas deal"), words("when is the next summit"))).toBe(0);
    // Short words must match exactly: "deal" is not "dealer".
    expect(questionSimilarity(["deal"], ["dealer"])).toBe(0);
  });

  it("deletes rows older than the retention period, at open and when asked", () => {
    let store = open(30);
    store.recordUnanswered(question("Old question about pipelines?"));
    store.recordVote(vote({ answerId: "old" }));
    clock = new Date(clock.getTime() + 20 * DAY_MS);
    store.recordUnanswered(question("Newer question about railways?"));
    store.recordVote(vote({ answerId: "newer" }));

    clock = new Date(clock.getTime() + 15 * DAY_MS);
    expect(store.purgeExpired()).toEqual({ unanswered: 1, votes: 1 });
    expect(store.gaps().unanswered.map((group) => group.examples)).toEqual([
      ["Newer question about railways?"],
    ]);
    expect(store.voteCounts("old")).toEqual({ up: 0, down: 0 });
    expect(store.voteCounts("newer")).toEqual({ up: 1, down: 0 });

    store.close();
    clock = new Date(clock.getTime() + 30 * DAY_MS);
    store = open(30);
    expect(store.purgeExpired()).toEqual({ unanswered: 0, votes: 0 });
    expect(store.gaps().unansweredTotal).toBe(0);
    expect(store.voteCounts("newer")).toEqual({ up: 0, down: 0 });
  });

  it("forgets one user's rows only, with the same salt after reopening, and never stores the raw id", () => {
    let store = open();
    store.recordUnanswered(question("Alice asks about water?"));
    store.recordUnanswered(question("Alice asks about glaciers?"));
    store.recordVote(vote({ userId: ALICE, vote: -1 }));
    store.recordUnanswered(question("Bob asks about cotton?", { userId: BOB }));
    store.recordVote(vote({ userId: BOB, vote: -1 }));
    store.close();

    const bytes = readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file)).toString("latin1"));
    expect(bytes.some((content) => content.includes(ALICE) || content.includes(BOB))).toBe(false);

    const salt = readFileSync(join(dataDir, SALT_FILE));
    store = open();
    expect(readFileSync(join(dataDir, SALT_FILE))).toEqual(salt);
    expect(store.forgetUser(ALICE)).toEqual({ unanswered: 2, votes: 1 });
    expect(store.forgetUser(ALICE)).toEqual({ unanswered: 0, votes: 0 });
    const report = store.gaps();
    expect(report.unanswered.flatMap((group) => group.examples)).toEqual(["Bob asks about cotton?"]);
    expect(store.voteCounts("answer-1")).toEqual({ up: 0, down: 1 });
  });

  it("refuses a database from a newer version and a damaged salt instead of starting over", () => {
    open().close();
    const raw = new Database(join(dataDir, DATABASE_FILE));
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => open()).toThrow(/schema version 99/);

    const other = mkdtempSync(join(tmpdir(), "summit-feedback-salt-"));
    try {
      FeedbackStore.open(other, { retentionDays: 1 }).close();
      writeFileSync(join(other, SALT_FILE), Buffer.alloc(7), { mode: 0o600 });
      expect(() => FeedbackStore.open(other, { retentionDays: 1 })).toThrow(/damaged/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("writes RFC 4180 CSV that defuses spreadsheet formulas", () => {
    const store = open();
    const nasty = [
      '=HYPERLINK("http://evil.example","click")',
      "+1+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(A1:A2)",
      'He said "hi", then left',
      "line one\nline two",
    ];
    nasty.forEach((text, index) => {
      clock = new Date(clock.getTime() + index * 1000);
      store.recordUnanswered(question(text));
    });
    store.recordVote(vote({ vote: -1, statementIds: ["=cmd"], question: "-why?" }));

    const csv = renderGapsCsv(store.gaps());
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    const [header, ...records] = parseCsv(csv);
    expect(header?.[0]).toBe("kind");
    expect(records.every((record) => record.length === header?.length)).toBe(true);
    const cells = records.flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    const examples = records.filter((record) => record[0] === "unanswered").map((record) => record[8]);
    expect(examples.sort()).toEqual(
      [
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(A1:A2)",
        'He said "hi", then left',
        "line one\nline two",
      ].sort(),
    );
    const downVoted = records.find((record) => record[0] === "voted_down");
    expect(downVoted?.slice(0, 5)).toEqual(["voted_down", "", "1", "0", "'=cmd"]);
    expect(downVoted?.[8]).toBe("'-why?");
  });

  it("renders the gaps for a terminal without passing control characters through", () => {
    const store = open();
    store.recordUnanswered(
      question("Who signed the Kyrgyz deal?", { bestCandidate: { id: "kg-sign", score: 0.42 } }),
    );
    store.recordUnanswered(question("who signed the kyrgyz deal\u001b[2J"));
    store.recordVote(vote({ vote: -1, statementIds: ["summit-date"], question: "When was it?" }));
    const text = renderGapsReport(store.gaps());
    const rows = text.split("\n").map((line) => line.trim().split(/\s+/));
    expect(text).toContain("Unanswered questions, similar ones grouped (last 90 days): 2 asked");
    const report = store.gaps();
    expect(rows).toContainEqual([report.unanswered[0]?.id, "2", "2026-03-01", "en", "kg-sign", "(0.42)"]);
    expect(rows).toContainEqual([report.downVoted[0]?.id, "1", "0", "summit-date"]);
    expect(text).toContain("“Who signed the Kyrgyz deal?”");
    expect(text).not.toContain("\u001b");
    expect(text).toContain("“When was it?”");
    store.forgetUser(ALICE);
    expect(renderGapsReport(store.gaps()).match(/^ {2}none$/gm)).toHaveLength(2);
  });

  it("reopens intact with every committed row after the writer is killed mid-stream", async () => {
    open().close();
    const databasePath = join(dataDir, DATABASE_FILE);
    const writer = fileURLToPath(new URL("../fixtures/feedback-crash-writer.mjs", import.meta.url));
    const child = spawn(
      process.execPath,
      [writer, databasePath, JSON.stringify(FEEDBACK_PRAGMAS), INSERT_UNANSWERED_SQL],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const committed: number[] = [];
    let pending = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      committed.push(...lines.map(Number));
      if (committed.length >= 200) child.kill("SIGKILL");
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.on("exit", (_code, exitSignal) => resolve(exitSignal));
    });
    expect(stderr).toBe("");
    expect(signal).toBe("SIGKILL");
    expect(committed.length).toBeGreaterThanOrEqual(200);

    const store = open();
    expect(store.integrityCheck()).toEqual(["ok"]);
    expect(store.gaps().unansweredTotal).toBeGreaterThanOrEqual(committed.length);
    store.close();
    const raw = new Database(databasePath, { readonly: true });
    const present = new Set(raw.prepare("SELECT id FROM unanswered").pluck().all() as number[]);
    raw.close();
    expect(committed.filter((id) => !present.has(id))).toEqual([]);
  });
});
