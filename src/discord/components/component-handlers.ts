import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import { statementPassage } from "../../search/answer.js";
import { canEmbed } from "../commands/command.js";
import type { BotContext } from "../context.js";
import type { CustomId } from "../custom-ids.js";
import { actorOf, isModerator } from "../moderation.js";
import { languageSwitchReply, morePassagesReply, versionTag } from "../render/answer-view.js";
import { changeReply } from "../render/knowledge-view.js";
import { fitForChannel, type ReplyPayload } from "../render/reply.js";
import { topicPageReply, topicsHomeReply } from "../render/topics-view.js";

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** Handles a click on one of the bot's buttons or menus; the id was decoded and validated. */
export async function handleComponent(
  interaction: ComponentInteraction,
  id: CustomId,
  context: BotContext,
): Promise<void> {
  const index = context.knowledge.index;
  switch (id.kind) {
    case "ask-more":
    case "ask-near":
    case "ask-language": {
      const text = messagesFor(id.language);
      const valid =
        id.version === versionTag(index) &&
        id.statements.every((position) => position < index.knowledge.statements.length);
      if (!valid) {
        await interaction.reply({ content: text.expired, flags: MessageFlags.Ephemeral });
        return;
      }
      const passages = id.statements.map((position) => statementPassage(index, position, id.language));
      if (id.kind === "ask-more" || id.kind === "ask-near") {
        const note = id.kind === "ask-near" ? text.closestStatementsNote : undefined;
        await interaction.reply({
          ...morePassagesReply(passages, index, id.language, canEmbed(interaction), note),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      const payload = languageSwitchReply(passages, index, id.language, id.statements, canEmbed(interaction));
      await updateOrReply(interaction, payload);
      return;
    }
    case "topics-home":
      await updateOrReply(interaction, topicsHomeReply(index, id.language));
      return;
    case "topics-select": {
      const topic = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      const page = topic === undefined ? undefined : topicPageReply(index, id.language, topic, 0);
      await updateOrReply(interaction, page ?? topicsHomeReply(index, id.language));
      return;
    }
    case "knowledge-confirm":
    case "knowledge-cancel": {
      const text = messagesFor(id.language);
      if (!isModerator(interaction, context.settings)) {
        await interaction.reply({ content: text.moderatorsOnly, flags: MessageFlags.Ephemeral });
        return;
      }
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
      const change = await context.knowledge.upload(upload.text, actorOf(interaction));
      await interaction.editReply({ ...changeReply(change, id.language), components: [] });
      return;
    }
    case "vote": {
      const text = messagesFor(id.language);
      const recent = context.recentAnswers.get(id.answer);
      const statementIds =
        recent?.statementIds ??
        (id.version === versionTag(index)
          ? id.statements.map((position) => index.knowledge.statements[position]?.id ?? "")
          : []);
      if (statementIds.length === 0 || statementIds.includes("")) {
        await interaction.reply({ content: text.expired, flags: MessageFlags.Ephemeral });
        return;
      }
      const outcome = context.feedback.recordVote({
        answerId: id.answer,
        userId: interaction.user.id,
        vote: id.vote,
        statementIds,
        question: recent?.question ?? "",
        language: recent?.language ?? id.language,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        knowledgeVersion: recent?.knowledgeVersion ?? index.knowledge.document.version,
      });
      await interaction.reply({
        content: outcome === "changed" ? text.voteChanged : text.voteThanks,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    case "topics-page": {
      const page = topicPageReply(index, id.language, id.topic, id.page);
      await updateOrReply(interaction, page ?? topicsHomeReply(index, id.language));
      return;
    }
  }
}

/**
 * A private message changes in place; a public one stays as it is for everyone else, and the
 * clicker gets the result privately.
 */
async function updateOrReply(interaction: ComponentInteraction, reply: ReplyPayload): Promise<void> {
  const payload = fitForChannel(reply, canEmbed(interaction));
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.update(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}
