import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/project-root.js";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import { freePort, getText, until } from "../support/local-http.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

interface BotProcess {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** The compiled bot as a service manager runs it: `start`, settings from the environment only. */
async function spawnBot(env: Record<string, string>): Promise<BotProcess> {
  const root = projectRoot();
  const folder = await mkdtemp(join(tmpdir(), "summit-process-"));
  const child = spawn(process.execPath, [join(root, "dist", "src", "cli", "main.js"), "start"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
      DATA_DIR: join(folder, "data"),
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    at: performance.now(),
  }));
  return { child, stderr: () => stderr, exited };
}

describe("the bot process: shutdown and fatal errors", () => {
  let standIn: DiscordStandIn | undefined;
  let bot: BotProcess | undefined;

  beforeAll(() => {
    execFileSync("npm", ["run", "-s", "build"], { cwd: projectRoot() });
  }, 60_000);

  afterEach(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill("SIGKILL");
      await bot.exited;
    }
    await standIn?.close();
    standIn = undefined;
  });

  async function connectedBot(): Promise<{ bot: BotProcess; port: number }> {
    standIn = await startDiscordStandIn();
    const port = await freePort();
    const running = await spawnBot({
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_URL: standIn.apiUrl,
      HEALTH_PORT: String(port),
    });
    bot = running;
    await until(
      async () =>
        (await getText(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200
          ? true
          : undefined,
      20_000,
      "the bot's first ready",
    );
    return { bot: running, port };
  }

  it("ends within 10 s with exit code 0 on SIGTERM while the gateway is gone, its log flushed", async () => {
    const { bot: running, port } = await connectedBot();
    standIn?.stopGateway();
    await until(
      async () => ((await getText(`http://127.0.0.1:${port}/healthz`)).status === 503 ? true : undefined),
      5_000,
      "503 after the gateway went away",
    );
    const signalledAt = performance.now();
    running.child.kill("SIGTERM");
    const exit = await running.exited;
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(running.stderr()).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
  }, 40_000);

  it("ends within 10 s with exit code 0 on SIGTERM while it cannot reach the gateway at all", async () => {
    standIn = await startDiscordStandIn();
    standIn.stopGateway();
    const running = await spawnBot({ DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl });
    bot = running;
    await until(
      () => (running.stderr().includes('"msg":"connecting to Discord"') ? true : undefined),
      10_000,
      "the login attempt",
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalledAt = performance.now();
    running.child.kill("SIGTERM");
    const exit = await running.exited;
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(exit).toMatchObject({ code: 0, signal: null });
  }, 40_000);

  it("says on stderr why it cannot connect, even with LOG_LEVEL=silent, and exits 1", async () => {
    const port = await freePort();
    bot = await spawnBot({
      DISCORD_TOKEN: "a-token",
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      LOG_LEVEL: "silent",
    });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    const stderr = bot.stderr();
    expect(stderr).toMatch(
      new RegExp(
        `Could not connect to the Discord API at http://127\\.0\\.0\\.1:${port}/api \\(DISCORD_API_URL\\): the connection was refused`,
      ),
    );
    expect(stderr).not.toMatch(/\n\s+at |a-token/);
  }, 40_000);
});
