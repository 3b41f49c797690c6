import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  makeUser,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const MODERATOR = { memberPermissions: ALL_PERMISSIONS };

describe("feedback: votes, knowledge gaps and forgetting a member", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  const asker = makeUser({ username: "asker" });

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    testBot = await startTestBot(standIn);
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
  });

  async function callback(id: string): Promise<Json> {
    return (await standIn.firstResponse(id)).request.body as Json;
  }

  it("counts one vote per member and answer; a second click changes it", async () => {
    const ask = await standIn.sendSlashCommand({
      name: "ask",
      options: { question: "Who signed for Kyrgyzstan?" },
      user: asker,
    });
    const answer = await callback(ask.id);
    const ids = (answer.data.components[0].components as Json[]).map((button) => button.custom_id as string);
    const up = ids.find((id) => id.startsWith("vote:up:"));
    const down = ids.find((id) => id.startsWith("vote:down:"));
    expect(up).toBeDefined();
    expect(down).toBeDefined();

    const first = await callback((await standIn.sendButton({ customId: down as string, user: asker })).id);
    expect(first.data.content).toMatch(/Thanks for the feedback/);
    await callback((await standIn.sendButton({ customId: down as string, user: asker })).id);
    const changed = await callback((await standIn.sendButton({ customId: up as string, user: asker })).id);
    expect(changed.data.content).toMatch(/vote is changed/);
    expect(testBot.feedback().voteCounts(ask.id)).toEqual({ up: 1, down: 0 });
  });

  it("shows moderators what went unanswered, grouped, with a CSV", async () => {
    for (const question of [
      "What is the currency of Tajikistan?",
      "what's the currency of tajikistan",
      "Who won the 2014 World Cup?",
    ]) {
      await callback(
        (await standIn.sendSlashCommand({ name: "ask", options: { question }, user: asker })).id,
      );
    }
    const gaps = await standIn.sendSlashCommand({
      name: "knowledge",
      subcommand: "gaps",
      options: {},
      ...MODERATOR,
    });
    const reply = await standIn.waitForRequest((request) => request.path.includes(gaps.id));
    const embed = (reply.body as Json).data.embeds[0] as Json;
    expect(embed.fields[0].value).toMatch(/\*\*2×\*\* .*currency/i);
    const csv = reply.files?.[0]?.data.toString("utf8") ?? "";
    expect(csv.split("\r\n")[0]).toMatch(/kind/);
    expect(csv).toMatch(/World Cup/);
    expect(csv).not.toContain(asker.id);
  });

  it("forgets a member on a moderator's request", async () => {
    const forget = await standIn.sendSlashCommand({
      name: "knowledge",
      subcommand: "forget-user",
      options: { user: { user: asker } },
      ...MODERATOR,
    });
    const reply = await callback(forget.id);
    expect(reply.data.content).toMatch(/3 unanswered questions and 1 vote/);
    expect(testBot.feedback().gaps().unansweredTotal).toBe(0);
  });
});
