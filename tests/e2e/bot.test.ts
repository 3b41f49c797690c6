import {
  ButtonStyle,
  ComponentType,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordStandIn, RecordedRequest } from "../support/discord-standin.js";
import { startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const body = (request: RecordedRequest): Json => (request.body ?? {}) as Json;

/** Every button and menu id in a payload's components. */
function customIds(payload: Json): string[] {
  return (payload.components ?? []).flatMap((row: Json) =>
    row.components.map((component: Json) => component.custom_id),
  );
}

describe("the bot against a local Discord stand-in", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let generalChannel: string;
  let askChannel: string;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    const guild = standIn.guilds[0];
    if (!guild) throw new Error("stand-in has no guild");
    generalChannel = guild.channels[0]?.id ?? "";
    askChannel = guild.channels[1]?.id ?? "";
    testBot = await startTestBot(standIn, { ASK_CHANNEL_IDS: askChannel });
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  /** Sends a slash command and returns the callback body, asserting Discord's 3-second window. */
  async function slash(name: string, options: Json, locale = "en-US") {
    const sent = await standIn.sendSlashCommand({ name, options, locale });
    const timing = await standIn.firstResponse(sent.id);
    expect(timing.elapsedMs).toBeLessThan(3000);
    return { sent, callback: body(timing.request) };
  }

  it("identifies with Guilds, GuildMessages, DirectMessages and, for ask-channels, MessageContent", () => {
    const intents = standIn.identifies[0]?.intents ?? 0;
    expect(intents & GatewayIntentBits.Guilds).toBeTruthy();
    expect(intents & GatewayIntentBits.GuildMessages).toBeTruthy();
    expect(intents & GatewayIntentBits.DirectMessages).toBeTruthy();
    expect(intents & GatewayIntentBits.MessageContent).toBeTruthy();
    expect(intents & GatewayIntentBits.GuildMembers).toBe(0);
  });

  it("answers /ask in English with sourced passages, privately, and buttons for more and German", async () => {
    const { callback } = await slash("ask", {
      question: "Who signed the migration agreement with Kyrgyzstan?",
    });
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = callback.data as Json;
    expect(data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.embeds.length).toBeGreaterThanOrEqual(1);
    expect(data.embeds.length).toBeLessThanOrEqual(3);
    const first = data.embeds[0] as Json;
    expect(first.author.name).toBe("Who signed the migration agreement with Kyrgyzstan?");
    expect(first.fields.map((field: Json) => field.name)).toContain("Source");
    expect(first.description).toMatch(/Kyrgyz|Japarov|Stamp/);
    const buttons = data.components[0].components as Json[];
    expect(buttons.map((button) => button.label)).toContain("Original (Deutsch)");
    expect(
      buttons.every(
        (button) => button.style === ButtonStyle.Primary || button.style === ButtonStyle.Secondary,
      ),
    ).toBe(true);
  });

  it("answers /ask in German for a German locale", async () => {
    const { callback } = await slash("ask", { question: "Wann ist das nächste Treffen?" }, "de");
    const data = callback.data as Json;
    const last = data.embeds.at(-1) as Json;
    expect(last.footer.text).toMatch(/Wissensstand/);
    expect(data.embeds[0].fields[0].name).toBe("Quelle");
    expect(data.components[0].components.map((button: Json) => button.label)).toContain("English");
  });

  it("shows further results and the other language through the buttons", async () => {
    const { callback } = await slash("ask", { question: "migration", public: true });
    const data = callback.data as Json;
    expect(data.flags ?? 0).toBe(0);
    const ids = customIds(data);
    const more = ids.find((id) => id.startsWith("ask:more:"));
    const german = ids.find((id) => id.startsWith("ask:lang:"));
    expect(more).toBeDefined();
    expect(german).toBeDefined();

    const moreClick = await standIn.sendButton({ customId: more as string });
    const moreBody = body((await standIn.firstResponse(moreClick.id)).request);
    expect(moreBody.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(moreBody.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(moreBody.data.embeds.length).toBeGreaterThanOrEqual(1);
    const shownIds = data.embeds.map((embed: Json) => embed.footer.text.split(" · ")[1]);
    const moreIds = moreBody.data.embeds.map((embed: Json) => embed.footer.text.split(" · ")[1]);
    expect(moreIds.some((id: string) => shownIds.includes(id))).toBe(false);

    const germanClick = await standIn.sendButton({ customId: german as string });
    const germanBody = body((await standIn.firstResponse(germanClick.id)).request);
    expect(germanBody.data.embeds[0].fields[0].name).toBe("Quelle");
    expect(germanBody.data.embeds.length).toBe(data.embeds.length);
  });

  it("offers the closest statements when unsure, and shows them as no sure answer", async () => {
    const { callback } = await slash("ask", {
      question: "did they promise not to attack each other or grab land",
    });
    const data = callback.data as Json;
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/couldn't find/);
    const near = customIds(data).find((id) => id.startsWith("ask:near:"));
    expect(near).toBeDefined();

    const click = await standIn.sendButton({ customId: near as string });
    const reply = body((await standIn.firstResponse(click.id)).request);
    expect(reply.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(reply.data.content).toMatch(/Not a sure answer/);
    expect(reply.data.embeds.length).toBeGreaterThanOrEqual(1);
  });

  it("offers nothing but the topics for a question out of scope", async () => {
    const { callback } = await slash("ask", { question: "what is the weather in Astana tomorrow" });
    const ids = customIds(callback.data as Json);
    expect(ids.some((id) => id.startsWith("topics:home:"))).toBe(true);
    expect(ids.some((id) => id.startsWith("ask:near:"))).toBe(false);
  });

  it("tells the clicker to ask again when a button names another knowledge version", async () => {
    const click = await standIn.sendButton({ customId: "ask:more:00000000:en:1.2" });
    const reply = body((await standIn.firstResponse(click.id)).request);
    expect(reply.data.content).toMatch(/ask again/);
  });

  it("suggests up to 25 questions of at most 100 characters while typing", async () => {
    const sent = await standIn.sendAutocomplete({
      name: "ask",
      options: { question: "kirgis" },
      focused: "question",
    });
    const timing = await standIn.firstResponse(sent.id);
    expect(timing.elapsedMs).toBeLessThan(3000);
    const reply = body(timing.request);
    expect(reply.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = reply.data.choices as Json[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices.some((choice) => /kirgis|kyrgyz|japarov|dschaparow/i.test(choice.name))).toBe(true);
  });

  it("pages through a topic's statements from /topics", async () => {
    const { callback } = await slash("topics", {});
    const menu = (callback.data as Json).components[0].components[0] as Json;
    expect(menu.type).toBe(ComponentType.StringSelect);
    const business = menu.options.find((option: Json) => option.value === "business");
    expect(business).toBeDefined();

    const pick = await standIn.sendSelect({ customId: menu.custom_id, values: ["business"] });
    const page1 = body((await standIn.firstResponse(pick.id)).request).data as Json;
    expect(page1.embeds[0].title).toMatch(/page 1 of \d/);
    const next = customIds(page1).find((id) => id.startsWith("topics:page:en:1:"));
    expect(next).toBe("topics:page:en:1:business");

    const turn = await standIn.sendButton({ customId: next as string });
    const page2 = body((await standIn.firstResponse(turn.id)).request).data as Json;
    expect(page2.embeds[0].title).toMatch(/page 2 of/);
    const page1Ids = page1.embeds[0].fields.map((field: Json) => field.name);
    expect(page2.embeds[0].fields.some((field: Json) => page1Ids.includes(field.name))).toBe(false);
  });

  it("says an unknown /topics topic is not there, above the list of topics", async () => {
    for (const [locale, said] of [
      ["en-US", /^There is no topic "nosuch"\.$/],
      ["de", /^Es gibt kein Thema „nosuch“\.$/],
    ] as const) {
      const { callback } = await slash("topics", { topic: "nosuch" }, locale);
      const data = callback.data as Json;
      expect(data.content).toMatch(said);
      expect(customIds(data).some((id) => id.startsWith("topics:select:"))).toBe(true);
    }
    const known = await slash("topics", { topic: "business" });
    expect((known.callback.data as Json).content ?? "").toBe("");
  });

  it("shows one statement in full with /statement, and says so kindly for an unknown id", async () => {
    const id = testBot.knowledge.current.statements[0]?.id as string;
    const { callback } = await slash("statement", { id });
    const embed = (callback.data as Json).embeds[0] as Json;
    expect(embed.title).toContain(id);
    expect(embed.fields.map((field: Json) => field.name)).toEqual(
      expect.arrayContaining(["Source", "Topic"]),
    );

    const missing = await slash("statement", { id: "no-such-statement" });
    expect((missing.callback.data as Json).content).toMatch(/no statement with the id/);
  });

  it("tells what it knows with /about", async () => {
    const { callback } = await slash("about", {});
    const embed = (callback.data as Json).embeds[0] as Json;
    const fields = embed.fields.map((field: Json) => field.name);
    expect(fields).toEqual(expect.arrayContaining(["Participants", "Source documents"]));
    expect(embed.fields[0].value).toMatch(/Tokayev/);
    expect(embed.description).toMatch(/2023-09-29/);
  });

  it("sends /about, /help, /topics and /statement as plain text where it may not embed links", async () => {
    const withoutEmbedLinks = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
    const id = testBot.knowledge.current.statements[0]?.id as string;
    for (const [name, options, expected] of [
      ["about", {}, /Participants[\s\S]*Tokayev/],
      ["help", {}, /\/ask/],
      ["topics", {}, /Topics/],
      ["statement", { id }, new RegExp(`${id}[\\s\\S]*Source`)],
    ] as const) {
      const sent = await standIn.sendSlashCommand({ name, options, appPermissions: withoutEmbedLinks });
      const timing = await standIn.firstResponse(sent.id);
      expect(timing.elapsedMs).toBeLessThan(3000);
      const data = body(timing.request).data as Json;
      expect(data.embeds ?? [], name).toEqual([]);
      expect(data.content, name).toMatch(expected);
      expect([...data.content].length, name).toBeLessThanOrEqual(2000);
    }
  });

  it("says kindly that it does not know, privately, and offers the topics", async () => {
    const { callback } = await slash("ask", {
      question: "Who won the football world cup in 2014?",
      public: true,
    });
    const data = callback.data as Json;
    expect(data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/couldn't find/);
    expect(customIds(data)).toContain("topics:home:en");
  });

  it("never pings through a question that contains @everyone", async () => {
    const { callback } = await slash("ask", {
      question: "@everyone who took part in the summit?",
      public: true,
    });
    const data = callback.data as Json;
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // The author line renders neither mentions nor markdown; everything else must not carry it raw.
    const rendered = JSON.stringify(
      data.embeds.map((embed: Json) => [embed.title, embed.description, embed.fields]),
    );
    expect(rendered).not.toContain("@everyone");
  });

  it("declines a 4,000-character question with a clear message", async () => {
    const { callback } = await slash("ask", { question: `Who took part? ${"x".repeat(3985)}` });
    const data = callback.data as Json;
    expect(data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(data.content).toMatch(/too long.*300 characters/);
  });

  it("answers a mention in a channel, replying without pinging", async () => {
    const sent = await standIn.sendMessage({
      content: "who came from Kazakhstan?",
      channelId: generalChannel,
      mentionsBot: true,
    });
    const reply = await standIn.waitForRequest(
      (request) =>
        request.method === "POST" &&
        request.path === `/channels/${generalChannel}/messages` &&
        body(request).message_reference?.message_id === sent.id,
    );
    const data = body(reply);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.embeds[0].description).toMatch(/Tokayev/);
  });

  it("answers a direct message", async () => {
    const sent = await standIn.sendMessage({ content: "Was sagt die Erklärung zu Afghanistan?" });
    const reply = await standIn.waitForRequest(
      (request) => request.method === "POST" && body(request).message_reference?.message_id === sent.id,
    );
    expect(body(reply).embeds[0].description).toMatch(/Afghanistan/);
    expect(body(reply).embeds[0].fields[0].name).toBe("Quelle");
  });

  it("answers questions in an ask-channel, and stays silent on chatter and on what it does not know", async () => {
    const chatter = await standIn.sendMessage({ content: "good morning everyone", channelId: askChannel });
    const offTopic = await standIn.sendMessage({
      content: "who won the world cup in 2014?",
      channelId: askChannel,
    });
    const question = await standIn.sendMessage({
      content: "what is the middle corridor?",
      channelId: askChannel,
    });
    const reply = await standIn.waitForRequest(
      (request) => body(request).message_reference?.message_id === question.id,
    );
    expect(body(reply).embeds[0].description).toMatch(/Caspian|Corridor/i);
    const repliedTo = standIn.requests
      .filter((request) => request.method === "POST" && request.path === `/channels/${askChannel}/messages`)
      .map((request) => body(request).message_reference?.message_id);
    expect(repliedTo).not.toContain(chatter.id);
    expect(repliedTo).not.toContain(offTopic.id);
  });

  it("answers an edited question again and removes its answer when the question is deleted", async () => {
    const question = await standIn.sendMessage({
      content: "who came from Uzbekistan?",
      channelId: askChannel,
    });
    const reply = await standIn.waitForRequest(
      (request) => body(request).message_reference?.message_id === question.id,
    );
    const replyId = (reply.responseBody as Json).id as string;
    await standIn.editMessage(question.id, "what about Afghanistan?");
    const edit = await standIn.waitForRequest(
      (request) =>
        request.method === "PATCH" && request.path === `/channels/${askChannel}/messages/${replyId}`,
    );
    expect(body(edit).embeds[0].description).toMatch(/Afghanistan/);
    await standIn.deleteMessage(question.id);
    await standIn.waitForRequest(
      (request) =>
        request.method === "DELETE" && request.path === `/channels/${askChannel}/messages/${replyId}`,
    );
  });
});
