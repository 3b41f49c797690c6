import { GatewayIntentBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { startBot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream } from "../support/capture.js";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import { openTestKnowledge, testSettings } from "../support/test-bot.js";

describe("gateway refusals get a clear message and a clean stop", () => {
  let standIn: DiscordStandIn | undefined;

  afterEach(async () => {
    await standIn?.close();
  });

  async function run(
    standInOptions: Parameters<typeof startDiscordStandIn>[0],
    env: Record<string, string>,
    closeCode?: number,
  ) {
    standIn = await startDiscordStandIn(standInOptions);
    if (closeCode !== undefined) standIn.closeOnNextIdentify(closeCode);
    const settings = await testSettings({
      DISCORD_TOKEN: "test-token",
      DISCORD_API_URL: standIn.apiUrl,
      ...env,
    });
    const logs = new CapturedStream();
    const logger = createLogger("info", logs);
    const bot = await startBot(settings, await openTestKnowledge(settings, logger), logger);
    const code = await bot.stopped;
    return { code, logs: logs.text, failure: bot.failure() };
  }

  it("explains close code 4014 (Message Content intent not enabled in the portal)", async () => {
    const { code, logs } = await run(
      { disallowedIntents: GatewayIntentBits.MessageContent },
      { ASK_CHANNEL_IDS: "123456789012345678" },
    );
    expect(code).toBe(1);
    expect(logs).toMatch(/4014/);
    expect(logs).toMatch(/Message Content Intent/);
  });

  it("explains a token Discord rejects, without logging the token", async () => {
    const { code, logs } = await run({ rejectToken: true }, {});
    expect(code).toBe(1);
    expect(logs).toMatch(/rejected the token/);
    expect(logs).not.toContain("test-token");
  });

  // discord.js gives up on these codes (ShardDisconnect): a bot left running would answer nobody.
  it.each([
    [4010, /invalid shard/],
    [4011, /sharding required/],
    [4012, /invalid API version/],
    [4013, /invalid intents/],
  ])("stops with exit 1 and says why when Discord closes with %i", async (closeCode, cause) => {
    const { code, logs, failure } = await run({}, {}, closeCode);
    expect(code).toBe(1);
    // What `summit-bot start` prints on stderr whatever LOG_LEVEL says.
    expect(failure).toMatch(new RegExp(`^Discord closed the connection for good \\(code ${closeCode}\\): `));
    expect(failure).toMatch(cause);
    expect(logs).toMatch(new RegExp(`${closeCode}`));
  });
});
