import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSettings } from "../../src/config/settings.js";
import { DATABASE_FILE, FeedbackStore } from "../../src/feedback/feedback-store.js";
import { MIGRATIONS, userVersion } from "../../src/feedback/schema.js";
import { StoredData } from "../../src/feedback/stored-data.js";
import { silentLogger } from "../../src/logging/logger.js";
import { environmentDefaults } from "../../src/servers/server-settings.js";
import { ServerSettingsStore } from "../../src/servers/server-settings-store.js";

const SERVER_A = "900000000000000001";
const SERVER_B = "900000000000000002";
const ALICE = "111111111111111111";
const BOB = "222222222222222222";
const CHANNEL_A = "910000000000000001";
const CHANNEL_B = "910000000000000002";

/** The schema as the bot released it before servers had settings: version 1 in a `schema_version` table. */
const TODAYS_SCHEMA = `CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);
  ${MIGRATIONS[0]}
  INSERT INTO schema_version (version, applied_at) VALUES (1, 0);`;

describe("per-server data in the bot's database", () => {
  let dataDir: string;
  let feedback: FeedbackStore;
  let clock: Date;

  const open = () => {
    feedback = FeedbackStore.open(dataDir, { retentionDays: 90, now: () => clock });
    return feedback;
  };
  const settingsStore = (env: Record<string, string> = {}) => {
    const read = readSettings(env);
    if (!read.ok) throw new Error("bad test settings");
    return new ServerSettingsStore(
      (action) => action(feedback.database),
      environmentDefaults(read.settings),
      silentLogger(),
    );
  };
  const ask = (userId: string, guildId: string | null, text: string) =>
    feedback.recordUnanswered({
      question: text,
      language: "en",
      userId,
      guildId,
      channelId: guildId === null ? null : guildId === SERVER_A ? CHANNEL_A : CHANNEL_B,
      bestCandidate: null,
      knowledgeVersion: "1",
    });

  const voteInB = (userId: string, vote: 1 | -1) =>
    feedback.recordVote({
      answerId: "1",
      userId,
      vote,
      statementIds: ["s1"],
      question: "q",
      language: "en",
      guildId: SERVER_B,
      channelId: CHANNEL_B,
      knowledgeVersion: "1",
    });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "summit-servers-"));
    clock = new Date("2026-03-01T12:00:00Z");
  });

  afterEach(() => {
    feedback?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("upgrades a database of the released schema, keeping every row", () => {
    const raw = new Database(join(dataDir, DATABASE_FILE));
    raw.exec(TODAYS_SCHEMA);
    raw
      .prepare(
        `INSERT INTO unanswered (asked_at, question, language, guild_id, channel_id, user_hash, knowledge_version)
         VALUES (?, 'what about cotton?', 'en', ?, ?, 'hash', '1')`,
      )
      .run(clock.getTime(), SERVER_A, CHANNEL_A);
    expect(userVersion(raw)).toBe(0);
    raw.close();

    open();
    expect(userVersion(feedback.database)).toBe(MIGRATIONS.length);
    expect(feedback.gaps().unanswered.flatMap((group) => group.examples)).toEqual(["what about cotton?"]);
    settingsStore().set(SERVER_A, "askPublic", true);
    expect(settingsStore().resolve(SERVER_A).askPublic).toEqual({ value: true, source: "server" });
    feedback.close();

    // Opening again applies nothing twice.
    open();
    expect(userVersion(feedback.database)).toBe(MIGRATIONS.length);
    expect(settingsStore().resolve(SERVER_A).askPublic.value).toBe(true);
  });

  it("gives each server its own settings over the environment's defaults, and leaves the others alone", () => {
    open();
    const store = settingsStore({ COOLDOWN_USER_SECONDS: "7", ASK_CHANNEL_IDS: CHANNEL_B });
    const change = store.set(SERVER_A, "askChannels", [CHANNEL_A]);
    expect(change.before).toEqual({ value: [CHANNEL_B], source: "environment" });
    expect(change.after).toEqual({ value: [CHANNEL_A], source: "server" });
    store.set(SERVER_A, "cooldownSeconds", 30);
    expect(store.resolve(SERVER_A).cooldownSeconds).toEqual({ value: 30, source: "server" });
    expect(store.resolve(SERVER_B).cooldownSeconds).toEqual({ value: 7, source: "environment" });
    expect(store.resolve(SERVER_B).askChannels.value).toEqual([CHANNEL_B]);
    expect(store.resolve(null).cooldownSeconds.value).toBe(7);

    store.set(SERVER_B, "answerMentions", false);
    const reset = store.reset(SERVER_A);
    expect(reset.map((entry) => entry.key).sort()).toEqual(["askChannels", "cooldownSeconds"]);
    expect(store.resolve(SERVER_A).cooldownSeconds.source).toBe("environment");
    expect(store.resolve(SERVER_B).answerMentions).toEqual({ value: false, source: "server" });
    expect(() =>
      store.set(
        SERVER_A,
        "askChannels",
        Array.from({ length: 11 }, () => CHANNEL_A),
      ),
    ).toThrow();
  });

  it("applies a change made by one process (a shard) in every other at once", () => {
    open();
    const otherShard = FeedbackStore.open(dataDir, { retentionDays: 90, now: () => clock });
    try {
      const read = readSettings({});
      if (!read.ok) throw new Error("bad test settings");
      const there = new ServerSettingsStore(
        (action) => action(otherShard.database),
        environmentDefaults(read.settings),
        silentLogger(),
      );
      expect(there.resolve(SERVER_A).answerMentions).toEqual({ value: true, source: "environment" });
      settingsStore().set(SERVER_A, "answerMentions", false);
      expect(there.resolve(SERVER_A).answerMentions).toEqual({ value: false, source: "server" });
      there.reset(SERVER_A);
      expect(settingsStore().resolve(SERVER_A).answerMentions.source).toBe("environment");
    } finally {
      otherShard.close();
    }
  });

  it("answers with the defaults when the database is unavailable, and refuses to change anything", () => {
    const read = readSettings({ ANSWER_MENTIONS: "false" });
    if (!read.ok) throw new Error("bad test settings");
    const unavailable = () => {
      throw new Error("the database is off");
    };
    const store = new ServerSettingsStore(unavailable, environmentDefaults(read.settings), silentLogger());
    expect(store.resolve(SERVER_A).answerMentions).toEqual({ value: false, source: "environment" });
    expect(() => store.set(SERVER_A, "askPublic", true)).toThrow(/off/);
  });

  it("ignores a stored value that is not valid instead of trusting it", () => {
    open();
    feedback.database
      .prepare(
        "INSERT INTO server_settings (guild_id, key, value, updated_at) VALUES (?, 'cooldownSeconds', '-5', 0)",
      )
      .run(SERVER_A);
    expect(settingsStore().resolve(SERVER_A).cooldownSeconds).toEqual({ value: 3, source: "environment" });
  });

  it("narrows the gaps to one server, and forgets a server's rows and settings and nothing else", () => {
    open();
    ask(ALICE, SERVER_A, "what about cotton?");
    ask(BOB, SERVER_B, "what about rare earths?");
    ask(BOB, null, "what about the weather?");
    voteInB(ALICE, -1);
    const examples = (guildId?: string) =>
      feedback
        .gaps(guildId === undefined ? {} : { guildId })
        .unanswered.flatMap((group) => group.examples)
        .sort();
    expect(examples()).toHaveLength(3);
    expect(examples(SERVER_B)).toEqual(["what about rare earths?"]);
    expect(feedback.gaps({ guildId: SERVER_A }).downVoted).toEqual([]);
    expect(feedback.gaps({ guildId: SERVER_B }).downVoted.map((row) => row.statementId)).toEqual(["s1"]);
    settingsStore().set(SERVER_A, "askPublic", true);
    settingsStore().set(SERVER_B, "askPublic", true);

    const deleted = new StoredData((action) => action(feedback.database)).forgetServer(SERVER_B);
    expect(deleted).toEqual({ unanswered: 1, votes: 1, settings: 1 });
    expect(examples()).toEqual(["what about cotton?", "what about the weather?"]);
    expect(settingsStore().resolve(SERVER_A).askPublic.source).toBe("server");
    expect(settingsStore().resolve(SERVER_B).askPublic.source).toBe("environment");
  });

  it("tells a person what is kept about them: counts by kind and the oldest date", () => {
    open();
    const data = new StoredData((action) => action(feedback.database));
    expect(data.aboutUser(feedback.hashUser(ALICE))).toEqual({ unanswered: 0, votes: 0, oldest: null });
    const first = clock;
    ask(ALICE, SERVER_A, "what about cotton?");
    clock = new Date(first.getTime() + 60_000);
    ask(ALICE, null, "and about wheat?");
    ask(BOB, SERVER_B, "what about rare earths?");
    voteInB(ALICE, 1);
    expect(data.aboutUser(feedback.hashUser(ALICE))).toEqual({ unanswered: 2, votes: 1, oldest: first });
    expect(data.aboutUser(feedback.hashUser(BOB))).toMatchObject({ unanswered: 1, votes: 0 });
  });
});
