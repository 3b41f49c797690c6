import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { helpReply } from "../render/info-view.js";
import { fitForChannel } from "../render/reply.js";
import { canEmbed, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

export const helpCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "help").toJSON(),

  async execute(interaction) {
    await interaction.reply({
      ...fitForChannel(helpReply(replyLanguage(interaction)), canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },
};
