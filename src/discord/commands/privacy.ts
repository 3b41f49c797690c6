import {
  ActionRowBuilder,
  ApplicationIntegrationType,
  ButtonBuilder,
  ButtonStyle,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from "discord.js";
import { feedbackAttempt } from "../../feedback/feedback-service.js";
import { messagesFor } from "../../i18n/messages.js";
import type { BotContext } from "../context.js";
import {
  type ComponentInteraction,
  componentKind,
  OPEN_TO_ALL,
  replyLanguage,
  type SlashCommand,
} from "./command.js";
import { localized } from "./localized.js";
import { type PrivacyDeleteId, privacyIds } from "./privacy-ids.js";

/**
 * `/privacy` (`/datenschutz`): for everyone, in any server and in DMs, what the bot keeps about
 * them, and a button that deletes all of it. No moderator is involved and no user is named in the
 * button: whoever clicks deletes their own rows, and only theirs.
 */
export const privacyCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "privacy")
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  rules: OPEN_TO_ALL,

  chat: {
    usage: "",
    run: (_argument, { language }) => messagesFor(language).privacyInTerminal,
  },

  async execute(interaction, context) {
    const language = replyLanguage(interaction);
    const text = messagesFor(language);
    // Finding a person's rows takes the salt: while it is missing, say why instead of "nothing".
    const found = feedbackAttempt(() =>
      context.feedback.write((store) => context.storedData.aboutUser(store.hashUser(interaction.user.id))),
    );
    if (!found.ok) {
      await interaction.reply({
        content: text.feedbackUnavailable(found.reason),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const kept = found.value;
    if (kept.oldest === null) {
      await interaction.reply({ content: text.privacyNothing, flags: MessageFlags.Ephemeral });
      return;
    }
    const deleteButton = new ButtonBuilder()
      .setCustomId(privacyIds.encode({ kind: "privacy-delete", language }))
      .setLabel(text.privacyDeleteButton)
      .setStyle(ButtonStyle.Danger);
    await interaction.reply({
      content: text.privacySummary(
        kept.unanswered,
        kept.votes,
        kept.oldest.toISOString().slice(0, 10),
        context.settings.DATA_RETENTION_DAYS,
      ),
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(deleteButton).toJSON()],
      flags: MessageFlags.Ephemeral,
    });
  },

  components: [componentKind(privacyIds, OPEN_TO_ALL, deleteOwnData)],
};

/** The delete button: removes every row kept for the person who clicked. */
async function deleteOwnData(
  interaction: ComponentInteraction,
  { language }: PrivacyDeleteId,
  context: BotContext,
): Promise<void> {
  const text = messagesFor(language);
  const forgotten = feedbackAttempt(() =>
    context.feedback.write((store) => store.forgetUser(interaction.user.id)),
  );
  if (!forgotten.ok) {
    await interaction.reply({
      content: text.feedbackUnavailable(forgotten.reason),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const deleted = forgotten.value;
  // Counts only: the log must not become a record of who asked for deletion.
  context.logger.info({ ...deleted }, "a person deleted their stored data with /privacy");
  const content = text.privacyDeleted(deleted.unanswered, deleted.votes);
  if (interaction.message.flags.has(MessageFlags.Ephemeral))
    await interaction.update({ content, components: [] });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}
