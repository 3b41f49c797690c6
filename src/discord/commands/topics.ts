import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { renderTopicStatements, renderTopics } from "../../cli/terminal-render.js";
import { messagesFor } from "../../i18n/messages.js";
import { findTopic } from "../../knowledge/lookup.js";
import type { BotContext } from "../context.js";
import { echoTyped } from "../render/limits.js";
import { fitForChannel } from "../render/reply.js";
import { topicPageReply, topicsHomeReply } from "../render/topics-view.js";
import {
  type ComponentInteraction,
  canEmbed,
  componentKind,
  OPEN_TO_ALL,
  replyLanguage,
  type SlashCommand,
  updateOrReply,
} from "./command.js";
import { localized } from "./localized.js";
import { type TopicsId, topicsIds } from "./topics-ids.js";

export const topicsCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "topics")
    .addStringOption((option) => localized(option, "topics topic").setAutocomplete(true))
    .toJSON(),
  rules: OPEN_TO_ALL,

  async execute(interaction, { knowledge: service }) {
    const language = replyLanguage(interaction);
    const typed = interaction.options.getString("topic")?.trim();
    const index = service.index;
    // Autocomplete sends the id; a title typed without picking a suggestion is found as well.
    const topic = typed ? findTopic(index.knowledge, typed) : undefined;
    const page = topic ? topicPageReply(index, language, topic.id, 0) : undefined;
    // An unknown topic is said so above the list, never silently answered with the list alone.
    const home = topicsHomeReply(index, language);
    const reply =
      page ?? (typed ? { ...home, content: messagesFor(language).topicNotFound(echoTyped(typed)) } : home);
    await interaction.reply({
      ...fitForChannel(reply, canEmbed(interaction)),
      flags: MessageFlags.Ephemeral,
    });
  },

  async autocomplete(interaction, { knowledge: service, metrics }) {
    metrics.recordAutocomplete("topics");
    const language = replyLanguage(interaction);
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const topics = service.index.knowledge.topics.filter(
      (topic) => typed === "" || topic[language].toLowerCase().includes(typed) || topic.id.includes(typed),
    );
    await interaction.respond(
      topics.slice(0, 25).map((topic) => ({ name: topic[language].slice(0, 100), value: topic.id })),
    );
  },

  chat: {
    usage: "[TOPIC]",
    run(typed, { index, language }) {
      const all = renderTopics(index.knowledge, language);
      if (!typed) return all;
      // By id or by the title the list shows, whatever the case; never silently the list again.
      const topic = findTopic(index.knowledge, typed);
      if (!topic) return `${messagesFor(language).topicNotFound(typed)}\n${all}`;
      return renderTopicStatements(index.knowledge, topic.id, language) ?? all;
    },
  },

  components: [componentKind(topicsIds, OPEN_TO_ALL, browseTopics)],
};

/** Back to the list, a topic chosen from the menu, or another page of a topic. */
async function browseTopics(
  interaction: ComponentInteraction,
  id: TopicsId,
  context: BotContext,
): Promise<void> {
  const index = context.knowledge.index;
  const home = () => topicsHomeReply(index, id.language);
  switch (id.kind) {
    case "topics-home":
      await updateOrReply(interaction, home());
      return;
    case "topics-select": {
      const topic = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      const page = topic === undefined ? undefined : topicPageReply(index, id.language, topic, 0);
      await updateOrReply(interaction, page ?? home());
      return;
    }
    case "topics-page":
      await updateOrReply(interaction, topicPageReply(index, id.language, id.topic, id.page) ?? home());
      return;
  }
}
