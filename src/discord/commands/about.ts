import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { renderAbout } from "../../cli/terminal-render.js";
import { aboutReply } from "../render/info-view.js";
import { fitForChannel } from "../render/reply.js";
import { canEmbed, OPEN_TO_ALL, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

export const aboutCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "about").toJSON(),
  rules: OPEN_TO_ALL,

  async execute(interaction, { knowledge }) {
    await interaction.reply({
      ...fitForChannel(aboutReply(knowledge.index, replyLanguage(interaction)), canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },

  chat: {
    usage: "",
    run: (_argument, { index, language }) => renderAbout(index.knowledge, language),
  },
};
