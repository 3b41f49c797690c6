import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { readSettings } from "../../src/config/settings.js";
import {
  databaseSource,
  FeedbackService,
  FeedbackUnavailableError,
} from "../../src/feedback/feedback-service.js";
import { DATABASE_FILE, FeedbackStore, SALT_FILE } from "../../src/feedback/feedback-store.js";
import { type Logger, silentLogger } from "../../src/logging/logger.js";
import { environmentDefaults } from "../../src/servers/server-settings.js";
import { ServerSettingsStore } from "../../src/servers/server-settings-store.js";
import { captureIO } from "../support/capture.js";

const OPTIONS = { retentionDays: 90 };
const opened: { close(): void }[] = [];

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), "summit-degrade-"));
}

function question(userId: string, text = "What about the weather in Bishkek?") {
  return {
    question: text,
    language: "en",
    userId,
    guildId: "1",
    channelId: "2",
    bestCandidate: null,
    knowledgeVersion: "1",
  };
}

/** A logger that keeps its error lines, to assert what an operator reads. */
function recordingLogger(): { logger: Logger; errors: string[] } {
  const errors: string[] = [];
  const logger = silentLogger();
  logger.error = ((...args: unknown[]) => {
    errors.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  }) as Logger["error"];
  return { logger, errors };
}

function service(dir: string, logger: Logger = silentLogger()): FeedbackService {
  const opening = FeedbackService.open(dir, OPTIONS, logger);
  opened.push(opening);
  return opening;
}

afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

describe("a feedback database that cannot be used", () => {
  it("full of random bytes: opens degraded with one line naming the file and the fix", () => {
    const dir = dataDir();
    writeFileSync(join(dir, DATABASE_FILE), randomBytes(64 * 1024));
    expect(() => FeedbackStore.open(dir, OPTIONS)).toThrow(/not a database/);
    const { logger, errors } = recordingLogger();
    const feedback = service(dir, logger);
    expect(feedback.problem).toContain(join(dir, DATABASE_FILE));
    expect(feedback.problem).toMatch(/move it aside/);
    expect(errors).toHaveLength(1);
    expect(() => feedback.write((store) => store.recordUnanswered(question("u")))).toThrow(
      FeedbackUnavailableError,
    );
  });

  it("with overwritten pages: the first write that meets them turns feedback off, once", () => {
    const dir = dataDir();
    const store = FeedbackStore.open(dir, OPTIONS);
    for (let row = 0; row < 150; row++)
      store.recordUnanswered(question(`u${row}`, `question ${row} ${"x".repeat(200)}`));
    store.close();
    const file = join(dir, DATABASE_FILE);
    const fd = openSync(file, "r+");
    // Pages 2 onwards (4 KiB each) hold the tables and indexes; page 1 keeps the header valid.
    writeSync(fd, randomBytes(statSync(file).size - 4096), 0, undefined, 4096);
    closeSync(fd);
    const { logger, errors } = recordingLogger();
    const feedback = service(dir, logger);
    let failures = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        feedback.write((written) => written.recordUnanswered(question("later")));
        feedback.use((read) => read.gaps());
      } catch (error) {
        expect(error).toBeInstanceOf(FeedbackUnavailableError);
        failures++;
      }
    }
    expect(failures).toBe(3);
    expect(feedback.problem).toMatch(/malformed|not a database|corrupt/i);
    expect(errors).toHaveLength(1);
  });
});

describe("a feedback database damaged while the bot runs", () => {
  it("met by a server's settings: feedback is switched off once, and the defaults answer", () => {
    const dir = dataDir();
    const { logger, errors } = recordingLogger();
    const warnings: unknown[] = [];
    logger.warn = ((...args: unknown[]) => warnings.push(args)) as Logger["warn"];
    const feedback = service(dir, logger);
    const read = readSettings({});
    if (!read.ok) throw new Error("bad test settings");
    const servers = new ServerSettingsStore(
      databaseSource(feedback),
      environmentDefaults(read.settings),
      logger,
    );
    for (let server = 0; server < 300; server++) servers.set(`${1000 + server}`, "askPublic", true);
    feedback.use((store) => store.database.pragma("wal_checkpoint(TRUNCATE)"));
    feedback.use((store) => store.database.pragma("cache_size = 0"));
    const file = join(dir, DATABASE_FILE);
    const fd = openSync(file, "r+");
    // Pages 2 onwards hold the tables and indexes; page 1 keeps the header valid.
    writeSync(fd, randomBytes(statSync(file).size - 4096), 0, undefined, 4096);
    closeSync(fd);
    for (let attempt = 0; attempt < 3; attempt++)
      expect(servers.resolve("1100").askPublic.source).toBe("environment");
    expect(feedback.problem).toMatch(/move it aside/);
    expect(errors).toHaveLength(1);
    expect(warnings).toEqual([]);
    expect(() => servers.set("1100", "askPublic", false)).toThrow(FeedbackUnavailableError);
  });
});

describe("a lost salt", () => {
  it("is not regenerated while rows hashed with it remain: writes are refused, reads go on", async () => {
    const dir = dataDir();
    const first = FeedbackStore.open(dir, OPTIONS);
    for (let row = 0; row < 8; row++) first.recordUnanswered(question("asker"));
    first.close();
    rmSync(join(dir, SALT_FILE));

    const { logger, errors } = recordingLogger();
    const feedback = service(dir, logger);
    expect(feedback.problem).toMatch(/salt is missing/);
    expect(feedback.problem).toMatch(/forget-all/);
    expect(errors).toHaveLength(1);
    expect(existsSync(join(dir, SALT_FILE))).toBe(false);
    expect(() => feedback.write((store) => store.forgetUser("asker"))).toThrow(FeedbackUnavailableError);
    expect(() => feedback.write((store) => store.recordUnanswered(question("other")))).toThrow(
      FeedbackUnavailableError,
    );
    expect(feedback.use((store) => store.gaps().unansweredTotal)).toBe(8);
    feedback.close();

    const io = captureIO({ DATA_DIR: dir }, "");
    expect(await runCli(["knowledge", "forget-all"], io)).toBe(2);
    expect(await runCli(["knowledge", "forget-all", "--yes"], io)).toBe(0);
    expect(io.stdout.text).toMatch(/deleted 8 unanswered question/);
    const renewed = service(dir);
    expect(renewed.problem).toBeUndefined();
    expect(readFileSync(join(dir, SALT_FILE))).toHaveLength(32);
    renewed.write((store) => store.recordUnanswered(question("asker")));
    expect(renewed.write((store) => store.forgetUser("asker")).unanswered).toBe(1);
  });

  it("is created on first start as before", () => {
    const dir = dataDir();
    expect(service(dir).problem).toBeUndefined();
    expect(existsSync(join(dir, SALT_FILE))).toBe(true);
  });
});

describe("stored questions", () => {
  it("hold placeholders instead of user, role and channel mentions", () => {
    const dir = dataDir();
    const store = FeedbackStore.open(dir, OPTIONS);
    opened.push(store);
    store.recordUnanswered(
      question(
        "asker",
        "ask <@123456789012345678> or <@!223456789012345678> about <@&323456789012345678> in <#423456789012345678>",
      ),
    );
    const [group] = store.gaps().unanswered;
    expect(group?.examples[0]).toBe("ask @user or @user about @role in #channel");
    expect(readFileSync(join(dir, DATABASE_FILE)).toString("latin1")).not.toMatch(/\d{18}/);
  });
});

describe("the gaps report from a shell while the bot runs", () => {
  it("opens the database read-only and leaves the bot's write-ahead log alone", async () => {
    const dir = dataDir();
    const bot = FeedbackStore.open(dir, OPTIONS);
    opened.push(bot);
    bot.recordUnanswered(question("asker", "Who won the world cup?"));
    const wal = `${join(dir, DATABASE_FILE)}-wal`;
    const walBefore = readFileSync(wal);
    const io = captureIO({ DATA_DIR: dir }, "");
    expect(await runCli(["knowledge", "gaps"], io)).toBe(0);
    expect(io.stdout.text).toMatch(/world cup/);
    expect(readFileSync(wal)).toEqual(walBefore);
    bot.close();
    const reopened = FeedbackStore.open(dir, OPTIONS);
    opened.push(reopened);
    expect(reopened.gaps().unansweredTotal).toBe(1);
  });

  it("reports a truncated database as an error (exit 1) and the bot keeps its rows", async () => {
    const dir = dataDir();
    const bot = FeedbackStore.open(dir, OPTIONS);
    opened.push(bot);
    for (let row = 0; row < 5; row++) bot.recordUnanswered(question("asker", `question ${row}`));
    truncateSync(join(dir, DATABASE_FILE), 0);
    const io = captureIO({ DATA_DIR: dir }, "");
    expect(await runCli(["knowledge", "gaps"], io)).toBe(1);
    expect(io.stderr.text).toMatch(/feedback\.sqlite cannot be read/);
    expect(bot.gaps().unansweredTotal).toBe(5);
  });

  it("says so when nothing is stored yet, without creating a database", async () => {
    const dir = dataDir();
    const io = captureIO({ DATA_DIR: dir }, "");
    expect(await runCli(["knowledge", "gaps"], io)).toBe(0);
    expect(io.stderr.text).toMatch(/no feedback stored yet/);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });
});
