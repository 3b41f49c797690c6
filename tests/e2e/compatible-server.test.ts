import { InteractionType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream } from "../support/capture.js";
import {
  type DiscordStandIn,
  snowflake,
  startDiscordStandIn,
  TEST_USER,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

/**
 * A Discord-compatible server (Spacebar and the like) reached through DISCORD_API_URL, which leaves
 * out or nulls fields that Discord always sends.
 */
describe("a Discord-compatible server that omits optional fields", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  const logs = new CapturedStream();

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    testBot = await startTestBot(standIn, {}, createLogger("warn", logs));
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
  });

  it("answers an interaction that lacks entitlements, locale and permissions, with a warning in the log", async () => {
    const guild = standIn.guilds[0];
    const id = snowflake();
    const token = `token-${snowflake()}`;
    standIn.dispatch("INTERACTION_CREATE", {
      id,
      application_id: standIn.applicationId,
      type: InteractionType.ApplicationCommand,
      token,
      version: 1,
      channel_id: guild?.channels[0]?.id,
      guild_id: guild?.id,
      locale: null,
      app_permissions: null,
      data: {
        id: snowflake(),
        name: "ask",
        type: 1,
        options: [{ name: "question", type: 3, value: "Who took part?" }],
      },
      member: {
        user: TEST_USER,
        roles: [],
        permissions: "0",
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
      },
    } as unknown as Json);
    const reply = await standIn.waitForRequest(
      (request) => request.path === `/interactions/${id}/${token}/callback`,
    );
    // Without app_permissions the bot cannot know it may embed links: it answers in plain text.
    const data = (reply.body as Json).data;
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/Tokayev|Japarov|Rahmon/);
    expect(logs.text).toMatch(/lacked fields/);
    expect(logs.text).toMatch(/entitlements/);
  });
});
