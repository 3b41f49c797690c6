import { readFile } from "node:fs/promises";
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import { startEditableTestBot } from "../support/editable-bot.js";
import type { Json } from "../support/json.js";
import type { TestBot } from "../support/test-bot.js";

const MODERATOR = { memberPermissions: ALL_PERMISSIONS };

describe("moderators change the knowledge from Discord", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let knowledgePath: string;
  let auditChannel: string;
  let original: string;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    ({ testBot, knowledgePath, auditChannel } = await startEditableTestBot(standIn, {
      // Below UPLOAD_MAX_BYTES (2 MB by default): the smaller limit is the one an upload meets.
      KNOWLEDGE_MAX_BYTES: "1000000",
    }));
    original = await readFile(knowledgePath, "utf8");
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  async function knowledgeCommand(subcommand: string, options: Json, context: Json = MODERATOR) {
    const sent = await standIn.sendSlashCommand({ name: "knowledge", subcommand, options, ...context });
    const first = await standIn.firstResponse(sent.id);
    expect(first.elapsedMs).toBeLessThan(3000);
    const firstBody = first.request.body as Json;
    // A deferred reply (type 5) arrives later as an edit of the original response.
    const edit =
      firstBody.type === InteractionResponseType.DeferredChannelMessageWithSource
        ? await standIn.waitForRequest(
            (request) => request.method === "PATCH" && request.path.includes(sent.token),
          )
        : undefined;
    return { sent, first: firstBody, final: (edit?.body ?? firstBody) as Json };
  }

  it("refuses members who are not moderators", async () => {
    const { first } = await knowledgeCommand("rollback", {}, {});
    expect(first.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(first.data.content).toMatch(/Only moderators/);
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
  });

  it("shows the status: version, hash, counts", async () => {
    const { first } = await knowledgeCommand("status", {});
    const embed = first.data.embeds[0] as Json;
    expect(embed.description).toContain(testBot.knowledge.current.hash.slice(0, 12));
    expect(embed.description).toMatch(/\d+ statements/);
  });

  it("answers status, history, gaps and an upload's preview in plain text where it may not embed links", async () => {
    const withoutEmbedLinks = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
    const upload = { file: { attachment: { filename: "summit.yaml", data: original } } };
    for (const [subcommand, options, expected] of [
      ["status", {}, /Knowledge status[\s\S]*statements/],
      ["history", {}, /Knowledge history/],
      ["gaps", {}, /Knowledge gaps|Nothing yet/],
      ["upload", upload, /valid/],
    ] as const) {
      const { final } = await knowledgeCommand(subcommand, options, {
        ...MODERATOR,
        appPermissions: withoutEmbedLinks,
      });
      const data = (final.data ?? final) as Json;
      expect(data.embeds ?? [], subcommand).toEqual([]);
      expect(data.content, subcommand).toMatch(expected);
    }
  });

  it("says a gaps server: that is no server id is none, instead of showing every server", async () => {
    const { final } = await knowledgeCommand("gaps", { server: "nosuch" });
    const data = (final.data ?? final) as Json;
    expect(data.content).toMatch(/^"nosuch" is not a server id/);
    expect(data.embeds ?? []).toEqual([]);
    expect(data.attachments ?? []).toEqual([]);
  });

  it("shows every error of a broken upload with its line, and changes nothing", async () => {
    const broken = original.replace(/\n {4}topic: [a-z-]+\n/, "\n    topic: no-such-topic\n");
    const { final } = await knowledgeCommand("validate", {
      file: { attachment: { filename: "summit.yaml", data: broken } },
    });
    expect(final.content).toMatch(
      /summit\.yaml:\d+:\d+ statements\[0\]\.topic — unknown topic "no-such-topic"/,
    );
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
  });

  it("refuses an upload over KNOWLEDGE_MAX_BYTES before checking it, naming that limit", async () => {
    const padded = `${original}${"# padding\n".repeat(100_000)}`;
    const { final } = await knowledgeCommand("validate", {
      file: { attachment: { filename: "summit.yaml", data: padded } },
    });
    expect(final.content).toMatch(/too large.*1000000 bytes/);
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
  });

  it("applies a valid upload after confirmation, answers from it, and reports it to the audit channel", async () => {
    const added = original.replace(
      "statements:\n",
      `statements:\n  - id: test-added-statement\n    topic: summit\n    de: Ein Zebra namens Quirin besuchte den Gipfel.\n    en: A zebra called Quirin visited the summit.\n    source: news-report\n    quote: false\n    questions: [Wer ist Quirin?, Who is Quirin the zebra?]\n`,
    );
    const { final } = await knowledgeCommand("upload", {
      file: { attachment: { filename: "summit.yaml", data: added } },
    });
    expect(final.content).toMatch(/\+1 −0 ~0 \(added: test-added-statement\)/);
    const confirm = (final.components[0].components as Json[]).find((button) =>
      button.custom_id.startsWith("knowledge:confirm:"),
    );
    const click = await standIn.sendButton({ customId: confirm?.custom_id, ...MODERATOR });
    const applied = await standIn.waitForRequest(
      (request) => request.method === "PATCH" && request.path.includes(click.token),
    );
    expect((applied.body as Json).content).toMatch(/Knowledge updated/);
    expect(await readFile(knowledgePath, "utf8")).toBe(added);

    const ask = await standIn.sendSlashCommand({
      name: "ask",
      options: { question: "who is Quirin the zebra" },
    });
    const answer = (await standIn.firstResponse(ask.id)).request.body as Json;
    expect(answer.data.embeds[0].description).toMatch(/Quirin/);

    const audit = await standIn.waitForRequest(
      (request) => request.method === "POST" && request.path === `/channels/${auditChannel}/messages`,
    );
    expect((audit.body as Json).content, (audit.body as Json).content).toMatch(
      /Knowledge upload by test\.user.*added: test-added-statement/s,
    );
  });

  it("rolls back to the byte-identical previous version", async () => {
    const { final } = await knowledgeCommand("rollback", {});
    expect(final.content).toMatch(/Knowledge updated/);
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
  });

  it("lists the kept versions and hands out the file in use", async () => {
    const history = await knowledgeCommand("history", {});
    expect(history.first.data.embeds[0].description).toContain(testBot.knowledge.current.hash.slice(0, 12));
    const download = await knowledgeCommand("download", {});
    const request = standIn.requests.find((candidate) => candidate.path.includes(download.sent.id));
    expect(request?.files?.[0]?.data.toString("utf8")).toBe(original);
  });
});
