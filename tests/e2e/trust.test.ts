import { InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMessage } from "../../src/standin/discord-fixtures.js";
import type { DiscordStandIn, RecordedRequest } from "../support/discord-standin.js";
import { startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const body = (request: RecordedRequest): Json => (request.body ?? {}) as Json;

describe("answers people can trust, against the local Discord stand-in", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let generalChannel: string;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    generalChannel = standIn.guilds[0]?.channels[0]?.id ?? "";
    testBot = await startTestBot(standIn);
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  async function replyTo(sentId: string): Promise<Json> {
    const reply = await standIn.waitForRequest(
      (request) => request.method === "POST" && body(request).message_reference?.message_id === sentId,
    );
    return body(reply);
  }

  it("reads a direct message's follow-up together with the question before it", async () => {
    const first = standIn.sendMessage({ content: "Who signed the migration declaration with Kyrgyzstan?" });
    expect((await replyTo(first.id)).embeds[0].description).toMatch(/Kyrgyz/);
    const followUp = standIn.sendMessage({ content: "and when?" });
    const reply = await replyTo(followUp.id);
    expect(reply.embeds[0].author.name).toBe("Who signed the migration declaration with Kyrgyzstan? when");
    expect(reply.embeds[0].description).toMatch(/Kyrgyz/);
  });

  it("answers a new 'what about …?' as itself, not as more of the question before", async () => {
    const first = standIn.sendMessage({ content: "When is the next meeting?" });
    expect((await replyTo(first.id)).embeds[0].footer.text).toMatch(/next-meeting/);
    const reply = await replyTo(standIn.sendMessage({ content: "what about water?" }).id);
    expect(reply.embeds[0].author.name).toBe("what about water?");
    expect(reply.embeds[0].footer.text).toMatch(/water/);
    expect(reply.content ?? "").not.toMatch(/Probably this/);
  });

  it("stores a follow-up's words as typed, never the earlier question read with them", async () => {
    await replyTo(
      standIn.sendMessage({ content: "Who signed the migration declaration with Kyrgyzstan?" }).id,
    );
    // Read together and answered: the vote keeps the words typed.
    const reply = await replyTo(standIn.sendMessage({ content: "and when?" }).id);
    expect(reply.embeds[0].author.name).toMatch(/Kyrgyzstan\? when$/);
    const down = reply.components[0].components.find((button: Json) => button.emoji?.name === "👎");
    await standIn.firstResponse((await standIn.sendButton({ customId: down.custom_id })).id);
    // Unanswered either way: the gap is what this person typed, and nothing of the questions
    // before it (which were answered, and answered questions are not stored).
    await replyTo(standIn.sendMessage({ content: "and the football results?" }).id);
    const gaps = testBot.feedback().gaps();
    const stored = [
      ...gaps.unanswered.flatMap((group) => group.examples),
      ...gaps.downVoted.flatMap((statement) => statement.examples),
    ];
    expect(stored).toContain("and the football results?");
    expect(stored).toContain("and when?");
    expect(stored.filter((question) => /migration declaration/i.test(question))).toEqual([]);
  });

  it("answers a likely question with 'Probably this:', the note on today, and the 👎 beside it", async () => {
    const { id } = await standIn.sendSlashCommand({
      name: "ask",
      options: { question: "Who is the Chancellor of Germany now?" },
    });
    const data = body((await standIn.firstResponse(id)).request).data as Json;
    expect(data.content).toMatch(/^Probably this: I'm not sure/);
    expect(data.content).toMatch(/describes the summit of 29 September 2023/);
    const emoji = data.components[0].components.map((button: Json) => button.emoji?.name);
    expect(emoji).toContain("👎");
  });

  it("switches a likely answer's language with its notes in the new language and its 👎", async () => {
    const { id } = await standIn.sendSlashCommand({
      name: "ask",
      options: { question: "Who is the Chancellor of Germany now?" },
    });
    const data = body((await standIn.firstResponse(id)).request).data as Json;
    const german = data.components[0].components.find((button: Json) =>
      String(button.custom_id).startsWith("ask:lang:"),
    );
    // The answer as Discord shows it to the asker: ephemeral, so the switch updates it in place.
    const shown = buildMessage({
      channelId: generalChannel,
      author: standIn.botUser,
      content: data.content,
      extra: { flags: MessageFlags.Ephemeral, components: data.components, embeds: data.embeds },
    });
    const click = await standIn.sendButton({ customId: german.custom_id, message: shown });
    const update = body((await standIn.firstResponse(click.id)).request);
    expect(update.type).toBe(InteractionResponseType.UpdateMessage);
    expect(update.data.content).toMatch(/^Vermutlich das:[\s\S]*\nHinweis: Mein Wissen beschreibt/);
    expect(update.data.content).not.toMatch(/Probably|Note:/);
    const emoji = update.data.components[0].components.map((button: Json) => button.emoji?.name);
    expect(emoji).toContain("👎");
    expect(update.data.embeds[0].fields[0].name).toBe("Quelle");
  });

  it("answers a mention with noise around it as it answers the question alone", async () => {
    const plain = standIn.sendMessage({
      content: "what about water?",
      channelId: generalChannel,
      mentionsBot: true,
    });
    // The same person again: a second "what about …?" that names its subject is its own question.
    const noisy = standIn.sendMessage({
      content: "@everyone 🌊 **what about water?** <#555555555555555555>",
      channelId: generalChannel,
      mentionsBot: true,
    });
    const ids = (reply: Json) => reply.embeds.map((embed: Json) => embed.footer.text.split(" · ")[1]);
    expect(ids(await replyTo(noisy.id))).toEqual(ids(await replyTo(plain.id)));
  });
});
