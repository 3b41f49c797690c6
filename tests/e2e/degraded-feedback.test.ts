import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/feedback/feedback-store.js";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  makeUser,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** HEALTH_PORT must be 1–65535: the system picks a free port, which is freed for the bot. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function healthOf(port: number): Promise<Json> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: response.status, body: await response.json() } as Json;
}

async function metricsOf(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

/** Starts the bot on DATA_DIR as an operator would, with a health port, against a fresh stand-in. */
async function startOn(
  dataDir: string,
): Promise<{ standIn: DiscordStandIn; testBot: TestBot; port: number }> {
  const standIn = await startDiscordStandIn();
  cleanups.push(() => standIn.close());
  const port = await freePort();
  const testBot = await startTestBot(standIn, { DATA_DIR: dataDir, HEALTH_PORT: String(port) });
  cleanups.push(() => testBot.bot.stop());
  return { standIn, testBot, port };
}

async function expectAnswersAndDegraded(standIn: DiscordStandIn, port: number): Promise<void> {
  const asker = makeUser({ username: "asker" });
  const ask = await standIn.sendSlashCommand({
    name: "ask",
    options: { question: "Who signed for Kyrgyzstan?" },
    user: asker,
  });
  const answer = (await standIn.firstResponse(ask.id)).request.body as Json;
  expect(JSON.stringify(answer.data.embeds)).toMatch(/Kyrgyz|Kirgis/);
  const down = (answer.data.components[0].components as Json[])
    .map((button) => button.custom_id as string)
    .find((id) => id.startsWith("vote:down:"));
  const vote = await standIn.sendButton({ customId: down as string, user: asker });
  const voted = (await standIn.firstResponse(vote.id)).request.body as Json;
  expect(voted.data.content).toMatch(/votes cannot be stored at the moment/);
  // A question it cannot answer is not stored, and that costs nothing but the record.
  const unanswered = await standIn.sendSlashCommand({
    name: "ask",
    options: { question: "Who won the 2014 World Cup?" },
    user: asker,
  });
  expect(((await standIn.firstResponse(unanswered.id)).request.body as Json).type).toBeDefined();

  // Per-server settings and /privacy live in the same database: they say why, and answers go on.
  const admin = { user: asker, memberPermissions: ALL_PERMISSIONS };
  const setup = standIn.sendSlashCommand({
    name: "setup",
    subcommand: "cooldown",
    options: { seconds: 9 },
    ...admin,
  });
  expect(((await standIn.firstResponse(setup.id)).request.body as Json).data.content).toMatch(
    /settings cannot be saved at the moment/,
  );
  const privacy = standIn.sendSlashCommand({ name: "privacy", options: {}, guildId: null, user: asker });
  expect(((await standIn.firstResponse(privacy.id)).request.body as Json).data.content).toMatch(
    /Feedback is unavailable at the moment/,
  );

  const health = await healthOf(port);
  expect(health.status).toBe(200);
  expect(health.body.status).toBe("degraded");
  expect(health.body.degraded[0]).toMatch(/feedback: .*feedback\.sqlite/);
  expect(await metricsOf(port)).toMatch(/^summit_feedback_unavailable 1$/m);
}

describe("a feedback database the bot cannot use", () => {
  it("damaged (random bytes): the bot starts, answers, and reports itself degraded", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "summit-damaged-"));
    writeFileSync(join(dataDir, DATABASE_FILE), randomBytes(32 * 1024));
    const { standIn, port } = await startOn(dataDir);
    await expectAnswersAndDegraded(standIn, port);
  });

  it("in a read-only DATA_DIR: the bot starts, answers, and reports itself degraded", async (context) => {
    const source = mkdtempSync(join(tmpdir(), "summit-readonly-src-"));
    const dataDir = mkdtempSync(join(tmpdir(), "summit-readonly-"));
    mkdirSync(join(source, "history"));
    // A read-only bind mount, as a container's read-only volume is (root ignores permission bits).
    try {
      execFileSync("mount", ["--bind", "-o", "ro", source, dataDir], { stdio: "ignore" });
    } catch {
      context.skip();
      return;
    }
    cleanups.push(() => {
      execFileSync("umount", [dataDir], { stdio: "ignore" });
      rmSync(source, { recursive: true, force: true });
    });
    const { standIn, port } = await startOn(dataDir);
    await expectAnswersAndDegraded(standIn, port);
  });
});
