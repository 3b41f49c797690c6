import { basename } from "node:path";
import {
  type Attachment,
  type ChatInputCommandInteraction,
  type Client,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import { diffKnowledge } from "../../knowledge/diff.js";
import { decodeKnowledgeBytes } from "../../knowledge/utf8.js";
import type { Language } from "../../search/language.js";
import type { BotContext } from "../context.js";
import { gapAutocomplete } from "../gaps/gap-autocomplete.js";
import { proposeTeach } from "../gaps/gap-handlers.js";
import { actorOf, isModerator } from "../moderation.js";
import { gapPickerRow } from "../render/gap-actions-view.js";
import {
  changePreview,
  changeReply,
  gapsReply,
  historyReply,
  rejectionContent,
  statusReply,
  uploadPreviewReply,
} from "../render/knowledge-view.js";
import { shardSummaries } from "../shard-bridge.js";
import { replyLanguage, type SlashCommand } from "./command.js";
import { knowledgeFileOption, localized } from "./localized.js";

const ATTACHMENT_TIMEOUT_MS = 10_000;

export const knowledgeCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "knowledge")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) => localized(sub, "knowledge status"))
    .addSubcommand((sub) => localized(sub, "knowledge reload"))
    .addSubcommand((sub) => localized(sub, "knowledge upload").addAttachmentOption(knowledgeFileOption))
    .addSubcommand((sub) => localized(sub, "knowledge validate").addAttachmentOption(knowledgeFileOption))
    .addSubcommand((sub) => localized(sub, "knowledge download"))
    .addSubcommand((sub) => localized(sub, "knowledge history"))
    .addSubcommand((sub) =>
      localized(sub, "knowledge rollback").addStringOption((option) =>
        localized(option, "knowledge rollback version").setMaxLength(12),
      ),
    )
    .addSubcommand((sub) => localized(sub, "knowledge gaps"))
    .addSubcommand((sub) =>
      localized(sub, "knowledge teach")
        .addStringOption((option) =>
          localized(option, "knowledge teach gap").setRequired(true).setMaxLength(8).setAutocomplete(true),
        )
        .addStringOption((option) =>
          localized(option, "knowledge teach statement")
            .setRequired(true)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((sub) =>
      localized(sub, "knowledge forget-user").addUserOption((option) =>
        localized(option, "knowledge forget-user user").setRequired(true),
      ),
    )
    .toJSON(),

  async execute(interaction, context) {
    const language = replyLanguage(interaction);
    const text = messagesFor(language);
    const privately = { flags: MessageFlags.Ephemeral } as const;
    if (!isModerator(interaction, context.settings)) {
      await interaction.reply({ content: text.moderatorsOnly, ...privately });
      return;
    }
    const { knowledge } = context;
    const actor = actorOf(interaction);
    switch (interaction.options.getSubcommand()) {
      case "status":
        await interaction.reply({
          ...statusReply(
            knowledge.current,
            knowledge.lastRejection,
            language,
            await shardLines(interaction.client),
          ),
          ...privately,
        });
        return;
      case "reload":
        await interaction.deferReply(privately);
        await interaction.editReply(changeReply(await knowledge.reload(actor), language));
        return;
      case "validate":
      case "upload": {
        const attachment = interaction.options.getAttachment("file", true);
        await interaction.deferReply(privately);
        const downloaded = await downloadAttachment(attachment, context.settings.UPLOAD_MAX_BYTES);
        if (downloaded.kind !== "ok") {
          await interaction.editReply({
            content:
              downloaded.kind === "too-large"
                ? text.uploadTooLarge(context.settings.UPLOAD_MAX_BYTES)
                : text.uploadUnreadable,
          });
          return;
        }
        const decoded = decodeKnowledgeBytes(downloaded.bytes, attachment.name);
        const uploadText = decoded.ok ? decoded.value : "";
        const checked = decoded.ok ? knowledge.validate(uploadText, attachment.name) : decoded;
        if (!checked.ok) {
          await interaction.editReply({ content: rejectionContent(checked.issues, language) });
          return;
        }
        const diff = diffKnowledge(knowledge.current, checked.value);
        if (interaction.options.getSubcommand() === "validate") {
          await interaction.editReply(changePreview(knowledge.current, checked.value, diff, "", language));
          return;
        }
        const uploadId = context.pendingUploads.add({
          text: uploadText,
          userId: interaction.user.id,
          fileName: attachment.name,
        });
        await interaction.editReply(
          uploadPreviewReply(knowledge.current, checked.value, diff, uploadId, language),
        );
        return;
      }
      case "download": {
        const current = knowledge.current;
        const entry = await knowledge.history.find(current.hash.slice(0, 12));
        const content = entry ? await knowledge.history.read(entry) : undefined;
        await interaction.reply({
          content: text.downloadReady(current.document.version),
          ...(content === undefined
            ? {}
            : { files: [{ attachment: Buffer.from(content, "utf8"), name: basename(knowledge.path) }] }),
          ...privately,
        });
        return;
      }
      case "history":
        await interaction.reply({
          ...historyReply(await knowledge.servedLine(), knowledge.current, language),
          ...privately,
        });
        return;
      case "rollback":
        await rollback(interaction, context, language);
        return;
      case "gaps": {
        const report = context.feedback.gaps({ limit: 10 });
        await interaction.reply({
          ...gapsReply(report, language),
          components: gapPickerRow(report, language),
          files: [
            {
              attachment: Buffer.from(context.feedback.gapsCsv({ limit: 500 }), "utf8"),
              name: "knowledge-gaps.csv",
            },
          ],
          ...privately,
        });
        return;
      }
      case "teach":
        await proposeTeach(
          interaction,
          interaction.options.getString("gap", true).trim().toLowerCase(),
          interaction.options.getString("statement", true).trim(),
          language,
          context,
        );
        return;
      case "forget-user": {
        const user = interaction.options.getUser("user", true);
        const deleted = context.feedback.forgetUser(user.id);
        context.logger.info({ actor, ...deleted }, "feedback of a member forgotten on request");
        await interaction.reply({
          content: text.forgotUser(deleted.unanswered, deleted.votes),
          ...privately,
        });
        return;
      }
    }
  },

  autocomplete: gapAutocomplete,
};

async function rollback(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  language: Language,
): Promise<void> {
  const { knowledge } = context;
  const requested = interaction.options.getString("version")?.trim().toLowerCase();
  const target = await knowledge.rollbackTarget(requested);
  if (!target) {
    await interaction.reply({
      content: messagesFor(language).rollbackUnknown((requested ?? "").replace(/[^0-9a-f]/g, "")),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(changeReply(await knowledge.rollback(target, actorOf(interaction)), language));
}

type Download = { kind: "ok"; bytes: Buffer } | { kind: "too-large" } | { kind: "failed" };

/** Fetches an attachment from Discord's CDN, refusing more than `maxBytes` even if the size lies. */
async function downloadAttachment(attachment: Attachment, maxBytes: number): Promise<Download> {
  if (attachment.size > maxBytes) return { kind: "too-large" };
  try {
    const response = await fetch(attachment.url, { signal: AbortSignal.timeout(ATTACHMENT_TIMEOUT_MS) });
    if (!response.ok || !response.body) return { kind: "failed" };
    const chunks: Uint8Array[] = [];
    let received = 0;
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > maxBytes) return { kind: "too-large" };
      chunks.push(chunk);
    }
    return { kind: "ok", bytes: Buffer.concat(chunks) };
  } catch {
    return { kind: "failed" };
  }
}

/** One line per shard when sharded, so moderators see every shard on the same version. */
async function shardLines(client: Client): Promise<string[]> {
  if (!client.shard) return [];
  const summaries = await shardSummaries(client);
  return summaries.map(
    (summary) =>
      `shard ${summary.shards.join(",")}: ${summary.version} \`${summary.hash}\` · ${summary.statements} · ${summary.ready ? "ready" : "connecting"} · ${summary.ping} ms`,
  );
}
