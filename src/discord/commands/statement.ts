import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { renderStatement } from "../../cli/terminal-render.js";
import { messagesFor } from "../../i18n/messages.js";
import { findStatement } from "../../knowledge/lookup.js";
import { statementReply } from "../render/info-view.js";
import { echoTyped } from "../render/limits.js";
import { fitForChannel } from "../render/reply.js";
import { canEmbed, OPEN_TO_ALL, replyLanguage, type SlashCommand } from "./command.js";
import { localized, publicOption } from "./localized.js";
import { statementChoices } from "./statement-choices.js";

export const statementCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "statement")
    .addStringOption((option) =>
      localized(option, "statement id").setRequired(true).setMaxLength(100).setAutocomplete(true),
    )
    .addBooleanOption(publicOption)
    .toJSON(),
  rules: OPEN_TO_ALL,

  async execute(interaction, { knowledge: service }) {
    const language = replyLanguage(interaction);
    const id = interaction.options.getString("id", true).trim();
    const index = service.index;
    const statement = findStatement(index.knowledge, id);
    if (!statement) {
      await interaction.reply({
        content: messagesFor(language).statementNotFound(echoTyped(id)),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const wantsPublic = interaction.options.getBoolean("public") ?? false;
    await interaction.reply({
      ...fitForChannel(statementReply(index, statement, language), canEmbed(interaction)),
      ...(wantsPublic ? {} : { flags: MessageFlags.Ephemeral }),
    });
  },

  /** Ids that contain what is typed first, then statements whose text matches it. */
  async autocomplete(interaction, { knowledge: service, metrics }) {
    metrics.recordAutocomplete("statement");
    const typed = String(interaction.options.getFocused()).trim();
    await interaction.respond(statementChoices(service.index, typed, replyLanguage(interaction)));
  },

  chat: {
    usage: "ID",
    run(id, { index, language }) {
      const statement = findStatement(index.knowledge, id);
      return statement
        ? renderStatement(index.knowledge, statement, language)
        : messagesFor(language).statementNotFound(id).replaceAll("`", "");
    },
  },
};
