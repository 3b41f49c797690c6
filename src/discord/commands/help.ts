import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { helpReply } from "../render/info-view.js";
import { replyLanguage, type SlashCommand } from "./command.js";

export const helpCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("help")
    .setNameLocalizations({ de: "hilfe" })
    .setDescription("How to ask the bot, its commands and languages")
    .setDescriptionLocalizations({ de: "Wie man den Bot fragt, seine Befehle und Sprachen" })
    .toJSON(),

  async execute(interaction) {
    await interaction.reply({ ...helpReply(replyLanguage(interaction)), flags: MessageFlags.Ephemeral });
  },
};
