import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { aboutReply } from "../render/info-view.js";
import { fitForChannel } from "../render/reply.js";
import { canEmbed, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

export const aboutCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "about").toJSON(),

  async execute(interaction, { knowledge }) {
    await interaction.reply({
      ...fitForChannel(aboutReply(knowledge.index, replyLanguage(interaction)), canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },
};
