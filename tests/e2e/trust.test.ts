import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_USER } from "../../src/standin/discord-fixtures.js";
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
    const followUp = standIn.sendMessage({ content: "and Uzbekistan?" });
    const reply = await replyTo(followUp.id);
    expect(reply.embeds[0].author.name).toBe("Who signed the migration declaration with uzbekistan");
    expect(reply.embeds[0].description).toMatch(/Uzbek/);
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

  it("answers a mention with noise around it as it answers the question alone", async () => {
    const plain = standIn.sendMessage({
      content: "what about water?",
      channelId: generalChannel,
      mentionsBot: true,
    });
    // Another person: the same person's second "what about …?" would be read as a follow-up.
    const noisy = standIn.sendMessage({
      author: { ...TEST_USER, id: "200000000000000002", username: "other" },
      content: "@everyone 🌊 **what about water?** <#555555555555555555>",
      channelId: generalChannel,
      mentionsBot: true,
    });
    const ids = (reply: Json) => reply.embeds.map((embed: Json) => embed.footer.text.split(" · ")[1]);
    expect(ids(await replyTo(noisy.id))).toEqual(ids(await replyTo(plain.id)));
  });
});
