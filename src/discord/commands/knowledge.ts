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
import { feedbackAttempt } from "../../feedback/feedback-service.js";
import { renderGapsCsv } from "../../feedback/gaps-report.js";
import { messagesFor } from "../../i18n/messages.js";
import { diffKnowledge } from "../../knowledge/diff.js";
import { contentHash, shortHash } from "../../knowledge/knowledge-set.js";
import { readKnowledgeSource } from "../../knowledge/load.js";
import { decodeKnowledgeBytes } from "../../knowledge/utf8.js";
import type { BotContext } from "../context.js";
import { actorOf } from "../moderation.js";
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
import { echoTyped } from "../render/limits.js";
import { fitForChannel } from "../render/reply.js";
import { shardSummaries } from "../shard-bridge.js";
import {
  bySubcommand,
  type CommandRules,
  type ComponentInteraction,
  canEmbed,
  componentAndModalKind,
  componentKind,
  OPEN_TO_ALL,
  replyLanguage,
  type SlashCommand,
} from "./command.js";
import { gapIds } from "./knowledge-gap-ids.js";
import { handleGapAction, teach, teachAutocomplete } from "./knowledge-gaps.js";
import { type KnowledgeUploadId, knowledgeUploadIds } from "./knowledge-ids.js";
import { knowledgeFileOption, localized } from "./localized.js";

const ATTACHMENT_TIMEOUT_MS = 10_000;

/** The knowledge is the operators': changed by their moderators, in their home server only. */
const OPERATORS_ONLY: CommandRules = { ...OPEN_TO_ALL, moderatorsOnly: true, homeServerOnly: true };

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
    .addSubcommand((sub) =>
      localized(sub, "knowledge gaps").addStringOption((option) =>
        localized(option, "knowledge gaps server").setMinLength(17).setMaxLength(20),
      ),
    )
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

  rules: OPERATORS_ONLY,
  execute: bySubcommand({
    status,
    reload,
    validate: (interaction, context) => checkUpload(interaction, context, "validate"),
    upload: (interaction, context) => checkUpload(interaction, context, "upload"),
    download,
    history,
    rollback,
    gaps,
    teach,
    "forget-user": forgetUser,
  }),

  autocomplete: teachAutocomplete,

  chat: {
    usage: "",
    run: (_argument, { language }) => messagesFor(language).knowledgeInTerminal,
  },

  components: [
    componentKind(knowledgeUploadIds, OPERATORS_ONLY, applyOrCancelUpload),
    // Teach, Out of scope (a form) and Dismiss on the gaps report.
    componentAndModalKind(gapIds, OPERATORS_ONLY, handleGapAction),
  ],
};

const privately = { flags: MessageFlags.Ephemeral } as const;

async function status(interaction: ChatInputCommandInteraction, { knowledge }: BotContext): Promise<void> {
  const shards = await shardLines(interaction.client);
  await interaction.reply({
    ...fitForChannel(
      statusReply(knowledge.current, knowledge.lastRejection, replyLanguage(interaction), shards),
      canEmbed(interaction),
    ),
    ...privately,
  });
}

async function reload(interaction: ChatInputCommandInteraction, { knowledge }: BotContext): Promise<void> {
  await interaction.deferReply(privately);
  const change = await knowledge.reload(actorOf(interaction));
  await interaction.editReply(changeReply(change, replyLanguage(interaction)));
}

/** Validate and upload read the same attachment and check it the same way; only upload applies. */
async function checkUpload(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  purpose: "validate" | "upload",
): Promise<void> {
  const { knowledge, settings } = context;
  const language = replyLanguage(interaction);
  const text = messagesFor(language);
  const attachment = interaction.options.getAttachment("file", true);
  await interaction.deferReply(privately);
  // A file the bot would not load (KNOWLEDGE_MAX_BYTES) is not fetched or parsed for a preview either.
  const maxBytes = Math.min(settings.UPLOAD_MAX_BYTES, settings.KNOWLEDGE_MAX_BYTES);
  const downloaded = await downloadAttachment(attachment, maxBytes);
  if (downloaded.kind !== "ok") {
    const tooLarge = downloaded.kind === "too-large";
    await interaction.editReply({
      content: tooLarge ? text.uploadTooLarge(maxBytes) : text.uploadUnreadable,
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
  if (purpose === "validate") {
    await interaction.editReply(changePreview(knowledge.current, checked.value, diff, "", language));
    return;
  }
  // Applied only onto the file as it is now: an edit made before Apply would be lost unseen.
  const onDisk = await readKnowledgeSource(knowledge.path);
  const uploadId = context.pendingUploads.add({
    text: uploadText,
    userId: interaction.user.id,
    fileName: attachment.name,
    basedOn: onDisk.ok ? contentHash(onDisk.value) : undefined,
  });
  const preview = uploadPreviewReply(knowledge.current, checked.value, diff, uploadId, language);
  await interaction.editReply({ ...fitForChannel(preview, canEmbed(interaction)), files: preview.files });
}

async function download(interaction: ChatInputCommandInteraction, { knowledge }: BotContext): Promise<void> {
  const current = knowledge.current;
  const entry = await knowledge.history.find(shortHash(current.hash));
  const content = entry ? await knowledge.history.read(entry) : undefined;
  await interaction.reply({
    content: messagesFor(replyLanguage(interaction)).downloadReady(current.document.version),
    ...(content === undefined
      ? {}
      : { files: [{ attachment: Buffer.from(content, "utf8"), name: basename(knowledge.path) }] }),
    ...privately,
  });
}

async function history(interaction: ChatInputCommandInteraction, { knowledge }: BotContext): Promise<void> {
  await interaction.reply({
    ...fitForChannel(
      historyReply(await knowledge.servedLine(), knowledge.current, replyLanguage(interaction)),
      canEmbed(interaction),
    ),
    ...privately,
  });
}

/** Every server's gaps, or one server's when its id is given. */
async function gaps(interaction: ChatInputCommandInteraction, { feedback }: BotContext): Promise<void> {
  const language = replyLanguage(interaction);
  const server = interaction.options.getString("server")?.trim();
  // A mistyped id must not silently widen the report to every server.
  if (server && !/^\d{17,20}$/.test(server)) {
    await interaction.reply({ content: messagesFor(language).notAServerId(echoTyped(server)), ...privately });
    return;
  }
  const narrowed = server ? { guildId: server } : {};
  const gaps = feedbackAttempt(() =>
    feedback.use((store) => ({
      report: store.gaps({ limit: 10, ...narrowed }),
      all: store.gaps({ limit: 500, ...narrowed }),
    })),
  );
  if (!gaps.ok) {
    await interaction.reply({
      content: messagesFor(language).feedbackUnavailable(gaps.reason),
      ...privately,
    });
    return;
  }
  await interaction.reply({
    ...fitForChannel(
      { ...gapsReply(gaps.value.report, language), components: gapPickerRow(gaps.value.report, language) },
      canEmbed(interaction),
    ),
    files: [
      {
        attachment: Buffer.from(renderGapsCsv(gaps.value.all), "utf8"),
        name: "knowledge-gaps.csv",
      },
    ],
    ...privately,
  });
}

async function forgetUser(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const user = interaction.options.getUser("user", true);
  const forgotten = feedbackAttempt(() => context.feedback.write((store) => store.forgetUser(user.id)));
  if (!forgotten.ok) {
    const text = messagesFor(replyLanguage(interaction));
    await interaction.reply({ content: text.feedbackUnavailable(forgotten.reason), ...privately });
    return;
  }
  const deleted = forgotten.value;
  context.logger.info(
    { actor: actorOf(interaction), ...deleted },
    "feedback of a member forgotten on request",
  );
  await interaction.reply({
    content: messagesFor(replyLanguage(interaction)).forgotUser(deleted.unanswered, deleted.votes),
    ...privately,
  });
}

/** Apply or Cancel under an upload's preview: only the moderator who uploaded may decide. */
async function applyOrCancelUpload(
  interaction: ComponentInteraction,
  id: KnowledgeUploadId,
  context: BotContext,
): Promise<void> {
  const text = messagesFor(id.language);
  const upload = context.pendingUploads.take(id.upload, interaction.user.id);
  if (!upload) {
    await interaction.update({ content: text.uploadExpired, components: [] });
    return;
  }
  if (id.kind === "knowledge-cancel") {
    await interaction.update({ content: text.uploadCancelled, components: [] });
    return;
  }
  await interaction.deferUpdate();
  const change = await context.knowledge.upload(upload.text, actorOf(interaction), upload.basedOn);
  await interaction.editReply({ ...changeReply(change, id.language), components: [] });
}

async function rollback(interaction: ChatInputCommandInteraction, { knowledge }: BotContext): Promise<void> {
  const language = replyLanguage(interaction);
  const requested = interaction.options.getString("version")?.trim().toLowerCase();
  const target = await knowledge.rollbackTarget(requested);
  if (!target) {
    await interaction.reply({
      content: requested
        ? messagesFor(language).rollbackUnknown(requested.replace(/[^0-9a-f]/g, ""))
        : messagesFor(language).rollbackNoEarlier,
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
      `shard ${summary.shards.join(",")}: ${summary.version} \`${summary.hash}\` · ${summary.statements} · ${summary.ready ? `ready · ${summary.ping} ms` : "disconnected"}`,
  );
}
