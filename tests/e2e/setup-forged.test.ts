import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream } from "../support/capture.js";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  defaultGuild,
  makeUser,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import { replyTo } from "../support/interaction-reply.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

/**
 * What a stranger's server admin can send /setup and the answer buttons beyond what Discord's
 * own forms allow: another server's channel, values outside the declared choices and range, a
 * vote button copied from another server's answer. Nothing of another server may change or be
 * copied, and nothing may change by accident.
 */
describe("forged /setup values and copied buttons", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  const logs = new CapturedStream();
  const alice = makeUser({ username: "alice" });
  const bob = makeUser({ username: "bob" });
  const home = defaultGuild({ name: "Operators" });
  const stranger = defaultGuild({ name: "Bob's server" });
  const asStranger = { guildId: stranger.id, user: bob, memberPermissions: ALL_PERMISSIONS, locale: "en-US" };

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ guilds: [home, stranger] });
    const dataDir = join(await mkdtemp(join(tmpdir(), "summit-forged-")), "data");
    testBot = await startTestBot(
      standIn,
      { DATA_DIR: dataDir, ADMIN_GUILD_ID: home.id, MESSAGE_CONTENT_INTENT: "true" },
      createLogger("info", logs),
    );
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  const reply = (sent: { id: string; token: string }) => replyTo(standIn, sent);

  const setup = (subcommand: string, options: Json) =>
    reply(standIn.sendSlashCommand({ name: "setup", subcommand, options, ...asStranger }));

  const storedSettings = (guildId: string) =>
    testBot
      .feedback()
      .database.prepare("SELECT key, value FROM server_settings WHERE guild_id = ? ORDER BY key")
      .all(guildId);

  it("refuses another server's channel as an ask-channel", async () => {
    const homeChannel = home.channels[1]?.id ?? "";
    const refused = await setup("ask-channel-add", { channel: { channelId: homeChannel } });
    expect(refused.content).toMatch(/of this server/);
    expect(storedSettings(stranger.id)).toEqual([]);
    expect(storedSettings(home.id)).toEqual([]);
    expect(logs.text).toMatch(
      new RegExp(`"guildId":"${stranger.id}","channelId":"${homeChannel}".*not one of this server's`),
    );
    // The stranger's own channel is still accepted.
    const own = stranger.channels[1]?.id ?? "";
    const added = await setup("ask-channel-add", { channel: { channelId: own } });
    expect(added.content).toContain(`<#${own}>`);
  });

  it("refuses values outside the declared choices and range, changing nothing", async () => {
    const set = await setup("cooldown", { seconds: 30 });
    expect(set.content).toMatch(/→ 30 s/);
    const before = storedSettings(stranger.id);
    for (const [subcommand, options] of [
      ["cooldown", { seconds: 999_999 }],
      ["cooldown", { seconds: -5 }],
      ["language", { value: "fr" }],
      ["reset", { setting: "everything-please" }],
    ] as const) {
      const refused = await setup(subcommand, options);
      expect(refused.content, `${subcommand} ${JSON.stringify(options)}`).toMatch(/not a value/);
    }
    expect(storedSettings(stranger.id)).toEqual(before);
    expect(logs.text).not.toMatch(/interaction handler failed/);
  });

  it("does not copy another server's question into a vote cast with a copied button", async () => {
    const answer = await reply(
      standIn.sendSlashCommand({
        name: "ask",
        options: { question: "What is the Middle Corridor?" },
        guildId: home.id,
        user: alice,
      }),
    );
    const buttons = (answer.components as Json[]).flatMap((row) => row.components as Json[]);
    const up = buttons.find((button) => String(button.custom_id).startsWith("vote:up:"))?.custom_id;
    expect(up).toBeDefined();
    const copied = await reply(standIn.sendButton({ customId: up, ...asStranger }));
    expect(copied.content).toMatch(/thank|Thanks|Danke/i);
    const votes = testBot.feedback().database.prepare("SELECT guild_id, question FROM votes").all() as {
      guild_id: string;
      question: string;
    }[];
    expect(votes).toHaveLength(1);
    expect(votes[0]?.guild_id).toBe(stranger.id);
    expect(votes[0]?.question).not.toMatch(/Middle Corridor/i);
  });
});
