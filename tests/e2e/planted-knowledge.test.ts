import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyPayload } from "../../src/discord/render/reply.js";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import {
  hostileKnowledge,
  plantedMarkup,
  renderedMarkdown,
  SOURCE_URL,
} from "../support/planted-knowledge.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

/** What a stranger sees: the hostile file served by the real bot, read off the stand-in's wire. */
describe("a knowledge file with planted links, headings and mentions, through Discord", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), "summit-planted-"));
    const path = join(folder, "summit.yaml");
    writeFileSync(path, hostileKnowledge());
    standIn = await startDiscordStandIn();
    testBot = await startTestBot(standIn, { KNOWLEDGE_PATH: path });
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
  });

  const withoutEmbedLinks = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
  const commands: [string, Json][] = [
    ["ask", { question: "What was agreed on migration?" }],
    ["about", {}],
    ["topics", {}],
    ["statement", { id: "migration-partnerships" }],
  ];

  for (const embeds of [true, false]) {
    for (const [name, options] of commands) {
      it(`/${name} ${embeds ? "with embeds" : "as plain text"}: no planted link, heading or mention renders`, async () => {
        const sent = await standIn.sendSlashCommand({
          name,
          options,
          ...(embeds ? {} : { appPermissions: withoutEmbedLinks }),
        });
        const data = ((await standIn.firstResponse(sent.id)).request.body as Json).data as ReplyPayload;
        const texts = renderedMarkdown(data);
        expect(texts.join("").length).toBeGreaterThan(0);
        for (const text of texts) expect(plantedMarkup(text), text).toEqual([]);
        for (const embed of data.embeds ?? [])
          if (embed.url !== undefined) expect(embed.url).toBe(SOURCE_URL);
      });
    }
  }

  it("shows the planted statement's text (escaped), not an empty reply", async () => {
    const sent = await standIn.sendSlashCommand({
      name: "statement",
      options: { id: "migration-partnerships" },
    });
    const data = ((await standIn.firstResponse(sent.id)).request.body as Json).data as ReplyPayload;
    expect(JSON.stringify(data)).toContain("\\\\[click here\\\\]");
  });
});
