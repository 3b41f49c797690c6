import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import { helpReply } from "../render/info-view.js";
import { fitForChannel } from "../render/reply.js";
import { canEmbed, OPEN_TO_ALL, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

export const helpCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "help").toJSON(),
  rules: OPEN_TO_ALL,

  async execute(interaction) {
    await interaction.reply({
      ...fitForChannel(helpReply(replyLanguage(interaction)), canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },

  chat: {
    usage: "",
    // The chat's own commands: Discord's help speaks of options and mentions the chat does not have.
    run: (_argument, session) => `${session.commandList}\n\n${messagesFor(session.language).chat.howToAsk}`,
  },
};
