import { InteractionType } from "discord.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DiscordStandIn,
  snowflake,
  startDiscordStandIn,
  TEST_USER,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

describe("the bot under faults and odd input", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    standIn = await startDiscordStandIn();
    testBot = await startTestBot(standIn);
  });

  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await testBot?.bot.stop();
    await standIn?.close();
    expect(unhandled).toEqual([]);
  });

  async function askAndGetReply(question: string) {
    const sent = await standIn.sendSlashCommand({ name: "ask", options: { question } });
    return standIn.waitForRequest(
      (request) => request.path.startsWith(`/interactions/${sent.id}/`) && request.status === 204,
      10_000,
    );
  }

  it("resumes after the gateway connection drops and keeps answering", async () => {
    const lastConnection = Math.max(...standIn.connections.map((connection) => connection.id));
    expect(standIn.dropConnections()).toBeGreaterThan(0);
    const resumed = await standIn.waitForGatewayMessage(
      (message) => message.connectionId > lastConnection && (message.op === 6 || message.op === 2),
      10_000,
    );
    expect(resumed.op).toBe(6);
    // The resumed session is ready again once the stand-in has answered RESUMED.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reply = await askAndGetReply("Who took part in the summit?");
    expect((reply.body as Json).data.embeds.length).toBeGreaterThan(0);
  });

  it("retries replies that Discord answers with 500 or 429, and answers in the end", async () => {
    standIn.failNext({ method: "POST", pathPattern: /^\/interactions\//, status: 500, times: 1 });
    const afterServerError = await askAndGetReply("migration");
    expect((afterServerError.body as Json).data.embeds.length).toBeGreaterThan(0);

    standIn.failNext({
      method: "POST",
      pathPattern: /^\/interactions\//,
      status: 429,
      times: 1,
      retryAfterSeconds: 0.2,
    });
    const afterRateLimit = await askAndGetReply("Afghanistan");
    expect((afterRateLimit.body as Json).data.embeds.length).toBeGreaterThan(0);
    const attempts = standIn.requests.filter((request) => request.injectedFault);
    expect(attempts.map((request) => request.status)).toEqual([500, 429]);
  });

  it("survives random option strings and malformed interaction and message payloads", async () => {
    const guild = standIn.guilds[0];
    const channelId = guild?.channels[0]?.id ?? "";
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.constant(""),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("ask", "topics", "statement", "about", "help", "knowledge", "nope"),
        text,
        fc.constantFrom("chat", "autocomplete", "button", "message", "raw"),
        async (command, value, kind) => {
          if (kind === "chat")
            await standIn.sendSlashCommand({
              name: command,
              options: { question: value, id: value, topic: value },
            });
          else if (kind === "autocomplete")
            await standIn.sendAutocomplete({
              name: command,
              options: { question: value },
              focused: "question",
            });
          else if (kind === "button") await standIn.sendButton({ customId: value.slice(0, 100) || "x" });
          else if (kind === "message")
            await standIn.sendMessage({ content: value, channelId, mentionsBot: true });
          else {
            // Fields missing or null where Discord would send them.
            standIn.dispatch("INTERACTION_CREATE", {
              id: snowflake(),
              application_id: standIn.applicationId,
              type: InteractionType.ApplicationCommand,
              token: `token-${snowflake()}`,
              version: 1,
              channel_id: channelId,
              guild_id: guild?.id,
              locale: null,
              data: { id: snowflake(), name: command, type: 1, options: null },
              member: { user: TEST_USER, roles: [], permissions: "0", joined_at: null },
            } as unknown as Json);
          }
        },
      ),
      { numRuns: 150 },
    );
    // Still answering after all that.
    const reply = await askAndGetReply("Who took part in the summit?");
    expect((reply.body as Json).data.embeds.length).toBeGreaterThan(0);
  });
});
