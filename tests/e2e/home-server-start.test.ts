import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream } from "../support/capture.js";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import { startTestBot } from "../support/test-bot.js";

/** What the operators are told at start about where /knowledge can be used. */
describe("the home server, checked at start", () => {
  let standIn: DiscordStandIn;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
  });

  afterAll(async () => {
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  async function startLog(adminGuildId: string): Promise<string> {
    const logs = new CapturedStream();
    const testBot = await startTestBot(standIn, { ADMIN_GUILD_ID: adminGuildId }, createLogger("info", logs));
    await testBot.bot.stop();
    return logs.text;
  }

  it("warns when ADMIN_GUILD_ID is not set: /knowledge is refused everywhere", async () => {
    expect(await startLog("")).toMatch(/ADMIN_GUILD_ID is not set: \/knowledge is refused in every server/);
  });

  it("warns when the bot is not in the server ADMIN_GUILD_ID names", async () => {
    const log = await startLog("123456789012345678");
    expect(log).toMatch(/"guildId":"123456789012345678".*the bot is not in its home server/);
  });

  it("says nothing when the bot is in its home server", async () => {
    const log = await startLog(standIn.guilds[0]?.id ?? "");
    expect(log).toMatch(/connected to Discord/);
    expect(log).not.toMatch(/ADMIN_GUILD_ID is not set|not in its home server/);
  });
});
