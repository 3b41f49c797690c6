import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream, captureIO } from "../support/capture.js";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  defaultGuild,
  makeUser,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from "../support/test-bot.js";

/**
 * One bot in two servers: A is the operators' home server (ADMIN_GUILD_ID), B belongs to a
 * stranger who added the bot and is B's admin. Alice moderates A; Bob owns B.
 */
describe("one bot in many servers", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let knowledgePath: string;
  let original: string;
  let dataDir: string;
  const logs = new CapturedStream();
  const alice = makeUser({ username: "alice" });
  const bob = makeUser({ username: "bob" });
  const home = defaultGuild({ name: "Operators" });
  const stranger = defaultGuild({ name: "Bob's server", preferredLocale: "de" });
  const inHome = { guildId: home.id, user: alice, memberPermissions: ALL_PERMISSIONS };
  const asStranger = { guildId: stranger.id, user: bob, memberPermissions: ALL_PERMISSIONS };
  const strangerAskChannel = stranger.channels[1]?.id ?? "";

  const start = async () => {
    testBot = await startTestBot(
      standIn,
      {
        KNOWLEDGE_PATH: knowledgePath,
        DATA_DIR: dataDir,
        ADMIN_GUILD_ID: home.id,
        MESSAGE_CONTENT_INTENT: "true",
      },
      createLogger("info", logs),
    );
  };

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ guilds: [home, stranger] });
    const folder = await mkdtemp(join(tmpdir(), "summit-servers-"));
    knowledgePath = join(folder, "summit.yaml");
    dataDir = join(folder, "data");
    await copyFile(SHIPPED_KNOWLEDGE, knowledgePath);
    original = await readFile(knowledgePath, "utf8");
    await start();
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  /** The bot's reply to an interaction, following a deferred reply to its edit. */
  async function reply(sent: { id: string; token: string }): Promise<Json> {
    const first = (await standIn.firstResponse(sent.id)).request.body as Json;
    if (first.type !== InteractionResponseType.DeferredChannelMessageWithSource) return first.data;
    const edit = await standIn.waitForRequest(
      (request) => request.method === "PATCH" && request.path.includes(sent.token),
    );
    return edit.body as Json;
  }

  const command = (name: string, subcommand: string | undefined, options: Json, context: Json) =>
    reply(standIn.sendSlashCommand({ name, ...(subcommand ? { subcommand } : {}), options, ...context }));

  const rowsOf = (guildId: string) =>
    testBot
      .feedback()
      .database.prepare("SELECT COUNT(*) FROM unanswered WHERE guild_id = ?")
      .pluck()
      .get(guildId);

  it("refuses a forged /knowledge rollback from the stranger's server and from a DM, changing nothing", async () => {
    const fromStranger = await command("knowledge", "rollback", {}, asStranger);
    expect(fromStranger.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(fromStranger.content).toMatch(/nicht verfügbar|not available/);
    const fromDm = await command("knowledge", "gaps", {}, { guildId: null, user: alice });
    expect(fromDm.content).toMatch(/not available here/);
    expect(fromDm.files ?? []).toEqual([]);
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
    expect(logs.text).toMatch(new RegExp(`"guildId":"${stranger.id}".*refused an operators' interaction`));
    expect(logs.text).toMatch(/"guildId":"direct message".*refused an operators' interaction/);
  });

  it("refuses a forged upload Apply from the stranger's server; the moderator's upload stays hers to apply", async () => {
    const added = original.replace(
      "statements:\n",
      `statements:\n  - id: test-forged-statement\n    topic: summit\n    de: Ein Zebra namens Quirin besuchte den Gipfel.\n    en: A zebra called Quirin visited the summit.\n    source: news-report\n    quote: false\n    questions: [Wer ist Quirin?, Who is Quirin the zebra?]\n`,
    );
    const preview = await command(
      "knowledge",
      "upload",
      { file: { attachment: { filename: "summit.yaml", data: added } } },
      inHome,
    );
    const buttons = preview.components[0].components as Json[];
    const confirm = buttons.find((button) => button.custom_id.startsWith("knowledge:confirm:"))?.custom_id;
    const cancel = buttons.find((button) => button.custom_id.startsWith("knowledge:cancel:"))?.custom_id;
    // Bob copies the id; even Alice's own click cannot apply it from another server.
    for (const context of [asStranger, { ...inHome, guildId: stranger.id }]) {
      const forged = await reply(standIn.sendButton({ customId: confirm, ...context }));
      expect(forged.content).toMatch(/nicht verfügbar|not available/);
    }
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
    const cancelled = (await standIn.firstResponse(standIn.sendButton({ customId: cancel, ...inHome }).id))
      .request.body as Json;
    expect(cancelled.data.content).toMatch(/Cancelled/);
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
  });

  it("does not count MODERATOR_ROLE_IDS outside the home server", async () => {
    await testBot.bot.stop();
    const moderatorRole = stranger.roles[2]?.id ?? "";
    testBot = await startTestBot(
      standIn,
      {
        KNOWLEDGE_PATH: knowledgePath,
        DATA_DIR: dataDir,
        ADMIN_GUILD_ID: home.id,
        MODERATOR_ROLE_IDS: moderatorRole,
      },
      createLogger("info", logs),
    );
    const withRole = await command(
      "knowledge",
      "status",
      {},
      { guildId: stranger.id, user: bob, roles: [moderatorRole] },
    );
    expect(withRole.content).toMatch(/nicht verfügbar|not available/);
    // This deployment has no Message Content intent: /setup says so instead of taking a channel.
    const refused = await command(
      "setup",
      "ask-channel-add",
      { channel: { channelId: strangerAskChannel } },
      { ...asStranger, locale: "en-US" },
    );
    expect(refused.content).toMatch(/without the Message Content intent/);
    expect(testBot.feedback().database.prepare("SELECT COUNT(*) FROM server_settings").pluck().get()).toBe(0);
    await testBot.bot.stop();
    await start();
  });

  it("shows the home server's moderators the gaps of every server, and narrows them to one", async () => {
    await command(
      "ask",
      undefined,
      { question: "What is the currency of Tajikistan?" },
      { guildId: home.id, user: alice },
    );
    await command(
      "ask",
      undefined,
      { question: "Who won the 2014 World Cup?" },
      { guildId: stranger.id, user: bob },
    );
    const gaps = standIn.sendSlashCommand({ name: "knowledge", subcommand: "gaps", options: {}, ...inHome });
    const response = await standIn.waitForRequest((request) => request.path.includes(gaps.id));
    const csv = response.files?.[0]?.data.toString("utf8") ?? "";
    expect(csv).toMatch(/World Cup/);
    expect(csv).toMatch(/currency/);

    const narrowed = standIn.sendSlashCommand({
      name: "knowledge",
      subcommand: "gaps",
      options: { server: stranger.id },
      ...inHome,
    });
    const narrowedCsv =
      (
        await standIn.waitForRequest((request) => request.path.includes(narrowed.id))
      ).files?.[0]?.data.toString("utf8") ?? "";
    expect(narrowedCsv).toMatch(/World Cup/);
    expect(narrowedCsv).not.toMatch(/currency/);

    const io = captureIO({ DATA_DIR: dataDir, KNOWLEDGE_PATH: knowledgePath });
    expect(await runCli(["knowledge", "gaps", "--server", stranger.id], io)).toBe(0);
    expect(io.stdout.text).toMatch(/World Cup/);
    expect(io.stdout.text).not.toMatch(/currency/);
  });

  it("lets each server's admin set the bot up for that server alone", async () => {
    const notAdmin = await command(
      "setup",
      "cooldown",
      { seconds: 30 },
      { guildId: stranger.id, user: alice },
    );
    expect(notAdmin.content).toMatch(/Server verwalten|Manage Server/);
    const changed = await command("setup", "cooldown", { seconds: 30 }, inHome);
    expect(changed.content).toMatch(/0 s|no cooldown/);
    expect(changed.content).toMatch(/→ 30 s/);
    expect(logs.text).toMatch(
      new RegExp(`"guildId":"${home.id}".*"setting":"cooldownSeconds".*"before":0.*"after":30`),
    );

    const shownHome = await command("setup", "show", {}, inHome);
    expect(shownHome.content).toMatch(/30 s \(set here\)/);
    const shownStranger = await command("setup", "show", {}, { ...asStranger, locale: "en-US" });
    expect(shownStranger.content).not.toMatch(/30 s/);
    expect(shownStranger.content).not.toMatch(/set here/);
    // Nothing from the home server's list of ask-channels or settings shows in the stranger's.
    expect(shownStranger.content).not.toContain(home.id);
  });

  it("answers in an ask-channel set with /setup, after a restart too", async () => {
    const added = await command(
      "setup",
      "ask-channel-add",
      { channel: { channelId: strangerAskChannel } },
      asStranger,
    );
    expect(added.content).toContain(`<#${strangerAskChannel}>`);
    await testBot.bot.stop();
    await start();
    const question = standIn.sendMessage({
      content: "what is the middle corridor?",
      channelId: strangerAskChannel,
      author: bob,
    });
    const answer = await standIn.waitForRequest(
      (request) => (request.body as Json)?.message_reference?.message_id === question.id,
    );
    expect((answer.body as Json).embeds[0].description).toMatch(/Caspian|Corridor|Korridor/i);
    // The home server never set that channel, and its other channels stay silent.
    const chatter = standIn.sendMessage({
      content: "what is the middle corridor?",
      channelId: home.channels[1]?.id ?? "",
      author: alice,
    });
    await sleep(300);
    expect(
      standIn.requests.some(
        (request) => (request.body as Json)?.message_reference?.message_id === chatter.id,
      ),
    ).toBe(false);
  });

  it("deletes only that user's rows on /privacy, from a DM", async () => {
    const aliceBefore = testBot.feedback().gaps({ guildId: home.id }).unansweredTotal;
    expect(aliceBefore).toBeGreaterThan(0);
    const told = await command("privacy", undefined, {}, { guildId: null, user: alice, locale: "en-US" });
    expect(told.content).toMatch(/1 unanswered question and 0 votes/);
    const button = told.components[0].components[0] as Json;
    expect(button.custom_id).not.toContain(alice.id);
    const deleted = (
      await standIn.firstResponse(
        standIn.sendButton({ customId: button.custom_id, guildId: null, user: alice }).id,
      )
    ).request.body as Json;
    expect(deleted.data.content).toMatch(/Deleted: 1 unanswered question and 0 votes/);
    expect(rowsOf(home.id)).toBe(0);
    expect(rowsOf(stranger.id)).toBe(1);
    const again = await command("privacy", undefined, {}, { guildId: home.id, user: alice });
    expect(again.content).toMatch(/keep nothing about you/);
  });

  it("keeps a server's data through an outage, and deletes it (and nothing else) when removed", async () => {
    await command(
      "ask",
      undefined,
      { question: "What is the currency of Tajikistan?" },
      { guildId: home.id, user: alice },
    );
    expect(rowsOf(home.id)).toBe(1);
    standIn.removeGuild(stranger.id, { outage: true });
    await sleep(300);
    expect(rowsOf(stranger.id)).toBe(1);
    expect(testBot.bot.client.guilds.cache.get(stranger.id)?.available).toBe(false);

    standIn.removeGuild(stranger.id);
    const deadline = Date.now() + 5000;
    while (rowsOf(stranger.id) !== 0 && Date.now() < deadline) await sleep(50);
    expect(rowsOf(stranger.id)).toBe(0);
    expect(
      testBot
        .feedback()
        .database.prepare("SELECT COUNT(*) FROM server_settings WHERE guild_id = ?")
        .pluck()
        .get(stranger.id),
    ).toBe(0);
    expect(rowsOf(home.id)).toBe(1);
    expect(testBot.bot.client.guilds.cache.has(stranger.id)).toBe(false);
    expect(logs.text).toMatch(new RegExp(`"guildId":"${stranger.id}".*removed from a server`));
    // The home server's own settings are still in place.
    const shownHome = await command("setup", "show", {}, inHome);
    expect(shownHome.content).toMatch(/30 s \(set here\)/);
  });

  it("deletes what it kept for a server that removed it while the bot was offline", async () => {
    expect(rowsOf(home.id)).toBe(1);
    await testBot.bot.stop();
    // Nobody is connected to be told: the bot learns of it only from the guilds it finds at start.
    expect(standIn.removeGuild(home.id)).toBe(0);
    await start();
    expect(testBot.bot.client.guilds.cache.has(home.id)).toBe(false);
    expect(rowsOf(home.id)).toBe(0);
    expect(logs.text).toMatch(new RegExp(`"guildId":"${home.id}".*left this server while offline`));
  });
});
