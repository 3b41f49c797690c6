import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { helpReply } from "../render/info-view.js";
import { fitForChannel } from "../render/reply.js";
import { canEmbed, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

export const helpCommand: SlashCommand = {
  data: localized(
    new SlashCommandBuilder(),
    { name: "help", description: "How to ask the bot, its commands and languages" },
    { name: "hilfe", description: "Wie man den Bot fragt, seine Befehle und Sprachen" },
  ).toJSON(),

  async execute(interaction) {
    await interaction.reply({
      ...fitForChannel(helpReply(replyLanguage(interaction)), canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },
};
