import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import { cleanUserText, exceedsQuestionLength } from "../../search/normalize.js";
import { MAX_SUGGESTIONS, suggestQuestions } from "../../search/suggest.js";
import { askEngine } from "../ask-engine.js";
import { answerReply, MORE_PASSAGES, SHOWN_PASSAGES } from "../render/answer-view.js";
import { canEmbed, replyLanguage, type SlashCommand } from "./command.js";
import { localized, publicOption } from "./localized.js";

export const askCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "ask")
    .addStringOption((option) =>
      localized(option, "ask question").setRequired(true).setMaxLength(4000).setAutocomplete(true),
    )
    .addBooleanOption(publicOption)
    .toJSON(),

  async execute(interaction, context) {
    const { knowledge, settings } = context;
    const language = replyLanguage(interaction);
    const question = cleanUserText(interaction.options.getString("question", true));
    const wantsPublic = interaction.options.getBoolean("public") ?? false;
    const text = messagesFor(language);
    if (question === "") {
      await interaction.reply({ content: text.emptyQuestion, flags: MessageFlags.Ephemeral });
      return;
    }
    if (exceedsQuestionLength(question, settings.MAX_QUESTION_LENGTH)) {
      await interaction.reply({
        content: text.questionTooLong(settings.MAX_QUESTION_LENGTH),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const index = knowledge.index;
    const answer = askEngine(
      context,
      question,
      { language, limit: SHOWN_PASSAGES + MORE_PASSAGES },
      "slash",
      {
        requestId: interaction.id,
        userId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
      },
    );
    // A non-answer is only for the asker, even when asked in public: it would be noise in the channel.
    const ephemeral = !wantsPublic || !answer.answered;
    await interaction.reply({
      ...answerReply(answer, index, canEmbed(interaction), interaction.id),
      ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    });
  },

  async autocomplete(interaction, { knowledge, metrics }) {
    const typed = interaction.options.getFocused();
    metrics.recordQuestion("answered", "autocomplete");
    const suggestions = suggestQuestions(knowledge.index, String(typed), replyLanguage(interaction));
    await interaction.respond(
      suggestions
        .slice(0, MAX_SUGGESTIONS)
        .map((suggestion) => ({ name: suggestion.name, value: suggestion.value })),
    );
  },
};
