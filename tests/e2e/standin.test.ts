import { once } from "node:events";
import { performance } from "node:perf_hooks";
import type { Client, ClientEvents, Interaction, Message } from "discord.js";
import { Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordStandIn, RecordedRequest } from "../support/discord-standin.js";
import { createTestClient, loginAndWaitReady, startDiscordStandIn } from "../support/discord-standin.js";

const EXPECTED_INTENTS =
  GatewayIntentBits.Guilds |
  GatewayIntentBits.GuildMessages |
  GatewayIntentBits.DirectMessages |
  GatewayIntentBits.MessageContent;

/**
 * Runs `handle` for the next event it accepts (returns a promise for) and settles with that
 * promise, so a failing discord.js call inside the listener fails the test instead of vanishing.
 */
function handleNext<E extends typeof Events.InteractionCreate | typeof Events.MessageCreate, T>(
  client: Client,
  event: E,
  handle: (payload: ClientEvents[E][0]) => Promise<T> | null,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = (payload: ClientEvents[E][0]) => {
      const result = handle(payload);
      if (result === null) return;
      client.off(event, listener as never);
      clearTimeout(timer);
      result.then(resolve, reject);
    };
    const timer = setTimeout(() => {
      client.off(event, listener as never);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener as never);
  });
}

const handleNextInteraction = <T>(client: Client, handle: (interaction: Interaction) => Promise<T> | null) =>
  handleNext(client, Events.InteractionCreate, handle);
const handleNextMessage = <T>(client: Client, handle: (message: Message) => Promise<T> | null) =>
  handleNext(client, Events.MessageCreate, handle);

const bodyOf = (request: RecordedRequest): Record<string, unknown> => request.body as Record<string, unknown>;

describe("Discord stand-in driving a real discord.js Client", () => {
  let standIn: DiscordStandIn;
  let client: Client<true>;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    client = await loginAndWaitReady(createTestClient(standIn), standIn);
  });

  afterAll(async () => {
    await client?.destroy();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  it("logs in, becomes ready with the guild cached, and identifies with the configured intents", () => {
    const [guildFixture] = standIn.guilds;
    if (!guildFixture) throw new Error("stand-in has no guild");
    const guild = client.guilds.cache.get(guildFixture.id);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe(guildFixture.name);
    expect(guild?.preferredLocale).toBe("en-US");
    expect(guild?.channels.cache.filter((channel) => channel.isTextBased()).size).toBe(3);
    expect(guild?.members.me?.id).toBe(standIn.botUser.id);
    expect(client.user.id).toBe(standIn.botUser.id);
    expect(client.application.id).toBe(standIn.applicationId);

    const gatewayBot = standIn.requests.find((r) => r.path === "/gateway/bot");
    expect(gatewayBot).toMatchObject({ method: "GET", status: 200, auth: { present: true, matched: true } });
    expect(standIn.connections[0]?.query).toEqual({ v: "10", encoding: "json" });
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.identifies[0]).toMatchObject({
      intents: EXPECTED_INTENTS,
      shard: [0, 1],
      tokenMatched: true,
    });
    // The bot token must never be recorded, so failure output cannot leak it.
    expect(JSON.stringify([standIn.requests, standIn.gatewayMessages, standIn.identifies])).not.toContain(
      standIn.token,
    );
  });

  it("delivers a slash command and records the reply (type 4) well within 3 s", async () => {
    const handled = handleNextInteraction(client, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== "ping") return null;
      const question = interaction.options.getString("question");
      return interaction.reply({ content: "pong", allowedMentions: { parse: [] } }).then(() => question);
    });
    const sent = standIn.sendSlashCommand({ name: "ping", options: { question: "Where was the summit?" } });

    await expect(handled).resolves.toBe("Where was the summit?");
    const { request, elapsedMs } = await standIn.firstResponse(sent.id);
    expect(request.path).toBe(`/interactions/${sent.id}/${sent.token}/callback`);
    expect(request.status).toBe(204);
    expect(request.auth.present).toBe(false);
    expect(request.body).toMatchObject({
      type: 4,
      data: { content: "pong", allowed_mentions: { parse: [] } },
    });
    expect(elapsedMs).toBeLessThan(3000);
  });

  it("records an autocomplete response as type 8 with its choices", async () => {
    const handled = handleNextInteraction(client, (interaction) => {
      if (!interaction.isAutocomplete()) return null;
      const focused = interaction.options.getFocused();
      return interaction.respond([{ name: "Astana", value: "astana" }]).then(() => focused);
    });
    const sent = standIn.sendAutocomplete({ name: "ask", options: { topic: "Ast" }, focused: "topic" });

    await expect(handled).resolves.toBe("Ast");
    const request = await standIn.waitForCallback(sent.id);
    expect(request.body).toEqual({ type: 8, data: { choices: [{ name: "Astana", value: "astana" }] } });
  });

  it("delivers a DM to messageCreate and records message.reply with message_reference", async () => {
    const handled = handleNextMessage(client, (message) => {
      if (message.author.bot || message.inGuild()) return null;
      return message.reply({ content: "Hello from the bot", allowedMentions: { parse: [] } });
    });
    const sent = standIn.sendMessage({ content: "hello bot" });
    expect(sent.guildId).toBeNull();

    const reply = await handled;
    expect(reply.content).toBe("Hello from the bot");
    const request = await standIn.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${sent.channelId}/messages`,
    );
    expect(request.auth).toEqual({ present: true, matched: true });
    expect(request.body).toMatchObject({
      content: "Hello from the bot",
      message_reference: { message_id: sent.id },
      allowed_mentions: { parse: [] },
    });
  });

  it("lets discord.js retry a reply after a 500 and succeed", async () => {
    standIn.failNext({
      method: "POST",
      pathPattern: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 500,
      times: 1,
    });
    const handled = handleNextInteraction(client, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== "retry-me") return null;
      return interaction.reply({ content: "second time lucky", allowedMentions: { parse: [] } });
    });
    const sent = standIn.sendSlashCommand({ name: "retry-me" });

    await handled;
    const attempts = standIn.interactionRequests(sent.id);
    expect(attempts.map((r) => [r.status, r.injectedFault])).toEqual([
      [500, true],
      [204, false],
    ]);
    expect(bodyOf(attempts[1] as RecordedRequest)).toMatchObject({
      type: 4,
      data: { content: "second time lucky" },
    });
  });

  it("lets discord.js wait out a 429 with Discord's rate-limit headers", async () => {
    const channelId = standIn.guilds[0]?.channels[1]?.id ?? "";
    standIn.failNext({
      method: "POST",
      pathPattern: new RegExp(`^/channels/${channelId}/messages$`),
      status: 429,
      times: 1,
      retryAfterSeconds: 0.2,
    });
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error("channel is not sendable");

    const message = await channel.send({ content: "after the rate limit", allowedMentions: { parse: [] } });
    expect(message.content).toBe("after the rate limit");
    const attempts = standIn.requests.filter(
      (r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`,
    );
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    const [limited, accepted] = attempts as [RecordedRequest, RecordedRequest];
    expect(accepted.receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(190);
  });

  it("sends deferReply, editReply and an ephemeral followUp through the webhook routes", async () => {
    const handled = handleNextInteraction(client, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== "summary") return null;
      return (async () => {
        await interaction.deferReply();
        await interaction.editReply({ content: "The summit was held in Berlin." });
        await interaction.followUp({ content: "Sources: joint declaration", flags: MessageFlags.Ephemeral });
      })();
    });
    const sent = standIn.sendSlashCommand({ name: "summary" });

    await handled;
    const [callback, edit, followUp] = standIn.interactionRequests(sent.id);
    expect(callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit).toMatchObject({
      method: "PATCH",
      path: `/webhooks/${standIn.applicationId}/${sent.token}/messages/@original`,
      status: 200,
      body: { content: "The summit was held in Berlin." },
    });
    expect(followUp).toMatchObject({
      method: "POST",
      path: `/webhooks/${standIn.applicationId}/${sent.token}`,
      query: { wait: "true" },
      status: 200,
      body: { content: "Sources: joint declaration", flags: MessageFlags.Ephemeral },
    });
  });

  it("resumes after the gateway connection drops and still answers interactions", async () => {
    const droppedAt = performance.now();
    // A TCP reset would make @discordjs/ws re-identify instead of resuming; either path must recover.
    const recovered = Promise.race([once(client, Events.ShardResume), once(client, Events.ShardReady)]);
    expect(standIn.dropConnections()).toBe(1);

    const rejoin = await standIn.waitForGatewayMessage(
      (m) => (m.op === 6 || m.op === 2) && m.receivedAt > droppedAt,
      10_000,
    );
    expect(rejoin.d).toMatchObject({ tokenMatched: true });
    if (rejoin.op === 6)
      expect(rejoin.d).toMatchObject({ session_id: expect.any(String), seq: expect.any(Number) });
    await recovered;

    const handled = handleNextInteraction(client, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== "after-resume") return null;
      return interaction.reply({ content: "still here", allowedMentions: { parse: [] } });
    });
    const sent = standIn.sendSlashCommand({ name: "after-resume" });
    await handled;
    const request = await standIn.waitForCallback(sent.id);
    expect(request.body).toMatchObject({ type: 4, data: { content: "still here" } });
  });
});

describe("Discord stand-in login failures", () => {
  it("closes with 4014 when a disallowed intent is requested, which fails login", async () => {
    const standIn = await startDiscordStandIn({ disallowedIntents: GatewayIntentBits.MessageContent });
    const client = createTestClient(standIn);
    try {
      await expect(loginAndWaitReady(client, standIn)).rejects.toThrow(/disallowed intents/i);
      expect(standIn.identifies[0]?.intents).toBe(EXPECTED_INTENTS);
      expect(standIn.connections[0]?.closeCode).toBe(4014);
    } finally {
      await client.destroy();
      await standIn.close();
    }
  });

  it("answers GET /gateway/bot with 401 for a rejected token, which discord.js reports as TokenInvalid", async () => {
    const standIn = await startDiscordStandIn({ rejectToken: true });
    const client = createTestClient(standIn);
    try {
      await expect(loginAndWaitReady(client, standIn)).rejects.toMatchObject({ code: "TokenInvalid" });
      expect(standIn.requests[0]).toMatchObject({
        path: "/gateway/bot",
        status: 401,
        responseBody: { message: "401: Unauthorized", code: 0 },
      });
      expect(standIn.connections).toHaveLength(0);
    } finally {
      await client.destroy();
      await standIn.close();
    }
  });

  it("closes with 4004 when IDENTIFY is refused, which fails login", async () => {
    const standIn = await startDiscordStandIn();
    standIn.closeOnNextIdentify(4004);
    const client = createTestClient(standIn);
    try {
      await expect(loginAndWaitReady(client, standIn)).rejects.toThrow(/authentication failed/i);
      expect(standIn.connections[0]?.closeCode).toBe(4004);
    } finally {
      await client.destroy();
      await standIn.close();
    }
  });
});
