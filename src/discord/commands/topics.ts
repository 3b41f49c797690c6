import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { fitForChannel } from "../render/reply.js";
import { topicPageReply, topicsHomeReply } from "../render/topics-view.js";
import { canEmbed, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

export const topicsCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "topics")
    .addStringOption((option) => localized(option, "topics topic").setAutocomplete(true))
    .toJSON(),

  async execute(interaction, { knowledge }) {
    const language = replyLanguage(interaction);
    const topic = interaction.options.getString("topic");
    const page = topic ? topicPageReply(knowledge.index, language, topic, 0) : undefined;
    await interaction.reply({
      ...fitForChannel(page ?? topicsHomeReply(knowledge.index, language), canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },

  async autocomplete(interaction, { knowledge }) {
    const language = replyLanguage(interaction);
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const topics = knowledge.index.knowledge.topics.filter(
      (topic) => typed === "" || topic[language].toLowerCase().includes(typed) || topic.id.includes(typed),
    );
    await interaction.respond(
      topics.slice(0, 25).map((topic) => ({ name: topic[language].slice(0, 100), value: topic.id })),
    );
  },
};
