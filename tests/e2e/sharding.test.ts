import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/project-root.js";
import { DATABASE_FILE, FeedbackStore } from "../../src/feedback/feedback-store.js";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  defaultGuild,
  guildIdForShard,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { freePort, until } from "../support/local-http.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

const MODERATOR = { memberPermissions: ALL_PERMISSIONS };

/**
 * `SHARDS=auto` with the stand-in recommending two shards: discord.js's ShardingManager runs the
 * compiled bot in two processes, each holding one guild.
 */
describe("sharding", () => {
  let standIn: DiscordStandIn;
  let bot: ChildProcess;
  let healthPort: number;
  let knowledgePath: string;
  const guilds = [
    defaultGuild({ id: guildIdForShard(0, 2) }),
    defaultGuild({ id: guildIdForShard(1, 2) }),
  ] as const;
  /** Servers that removed the bot while it was offline, one on each shard: only their rows go. */
  const leftWhileOffline = [guildIdForShard(0, 2), guildIdForShard(1, 2)];
  let dataDir: string;

  beforeAll(async () => {
    const root = projectRoot();
    execFileSync("npm", ["run", "-s", "build"], { cwd: root });
    standIn = await startDiscordStandIn({ shards: 2, maxConcurrency: 2, guilds: [...guilds] });
    const folder = await mkdtemp(join(tmpdir(), "summit-shards-"));
    knowledgePath = join(folder, "summit.yaml");
    await copyFile(SHIPPED_KNOWLEDGE, knowledgePath);
    dataDir = join(folder, "data");
    const seeded = FeedbackStore.open(dataDir, { retentionDays: 90 });
    for (const guildId of [...guilds.map((guild) => guild.id), ...leftWhileOffline])
      seeded.recordUnanswered({
        question: "what about cotton?",
        language: "en",
        userId: "111111111111111111",
        guildId,
        channelId: null,
        bestCandidate: null,
        knowledgeVersion: "1",
      });
    seeded.close();
    healthPort = await freePort();
    bot = spawn(process.execPath, [join(root, "dist", "src", "cli", "main.js"), "start"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: standIn.token,
        DISCORD_API_URL: standIn.apiUrl,
        SHARDS: "auto",
        ADMIN_GUILD_ID: guilds[0].id,
        KNOWLEDGE_PATH: knowledgePath,
        DATA_DIR: dataDir,
        HEALTH_PORT: String(healthPort),
        COOLDOWN_USER_SECONDS: "0",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await until(async () => {
      const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`).catch(() => undefined);
      return response?.status === 200 ? true : undefined;
    }, 45_000);
  }, 60_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      bot.kill("SIGTERM");
      await once(bot, "exit");
    }
    await standIn?.close();
  });

  it("identifies each shard once, asking the API at DISCORD_API_URL how many there are", () => {
    expect(standIn.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it("spreads a change made on one shard to every shard, and shows them all on one version", async () => {
    const original = await readFile(knowledgePath, "utf8");
    const added = original.replace(
      "statements:\n",
      `statements:\n  - id: test-sharded-statement\n    topic: summit\n    de: Ein Zebra namens Quirin besuchte den Gipfel.\n    en: A zebra called Quirin visited the summit.\n    source: news-report\n    quote: false\n    questions: [Wer ist Quirin?, Who is Quirin the zebra?]\n`,
    );
    const upload = await standIn.sendSlashCommand({
      name: "knowledge",
      subcommand: "upload",
      options: { file: { attachment: { filename: "summit.yaml", data: added } } },
      guildId: guilds[0].id,
      ...MODERATOR,
    });
    const preview = await standIn.waitForRequest(
      (request) => request.method === "PATCH" && request.path.includes(upload.token),
      10_000,
    );
    const confirm = ((preview.body as Json).components[0].components as Json[])[0]?.custom_id as string;
    const click = await standIn.sendButton({ customId: confirm, guildId: guilds[0].id, ...MODERATOR });
    await standIn.waitForRequest(
      (request) => request.method === "PATCH" && request.path.includes(click.token),
      10_000,
    );

    const answer = await until(async () => {
      const ask = await standIn.sendSlashCommand({
        name: "ask",
        options: { question: "who is Quirin the zebra" },
        guildId: guilds[1].id,
      });
      const body = (await standIn.firstResponse(ask.id, 5000)).request.body as Json;
      return /Quirin/.test(JSON.stringify(body.data.embeds ?? [])) ? body : undefined;
    }, 10_000);
    expect(answer.data.embeds[0].description).toMatch(/Quirin/);

    const status = await standIn.sendSlashCommand({
      name: "knowledge",
      subcommand: "status",
      options: {},
      // The home server is on shard 0; the status still lists every shard.
      guildId: guilds[0].id,
      ...MODERATOR,
    });
    const description = ((await standIn.firstResponse(status.id, 5000)).request.body as Json).data.embeds[0]
      .description as string;
    const shardLines = description.split("\n").filter((line) => line.startsWith("shard "));
    expect(shardLines).toHaveLength(2);
    const hashes = new Set(shardLines.map((line) => /`([0-9a-f]{12})`/.exec(line)?.[1]));
    expect(hashes.size).toBe(1);
  }, 40_000);

  it("on each shard, deletes the rows of its servers that removed the bot while offline, and no other", async () => {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = (guildId: string) =>
        db.prepare("SELECT COUNT(*) FROM unanswered WHERE guild_id = ?").pluck().get(guildId);
      await until(
        () => (leftWhileOffline.every((guildId) => rows(guildId) === 0) ? true : undefined),
        10_000,
      );
      for (const guild of guilds) expect(rows(guild.id)).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
  });

  it("serves health and metrics for all shards from the manager, on 127.0.0.1", async () => {
    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    const report = (await health.json()) as Json;
    expect(report.details.shards).toHaveLength(2);
    const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    expect(metrics).toMatch(/summit_questions_total\{outcome="answered",source="slash"\} [1-9]/);
    expect(metrics).not.toContain(standIn.token);
  });

  it("reports not ready, naming the shards, while the gateway is down", async () => {
    standIn.stopGateway();
    const down = await until(async () => {
      const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
      return response.status === 503 ? ((await response.json()) as Json) : undefined;
    }, 5_000);
    expect(down.details.reason).toMatch(/shard \d lost its gateway connection/);
    const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    expect(metrics).toMatch(/^summit_gateway_outages_total 2$/m);
    standIn.startGateway();
    await until(async () => {
      const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
      return response.status === 200 ? true : undefined;
    }, 20_000);
  }, 40_000);
});
