import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { askInTerminal, isTooLong, renderReply } from "../../cli/terminal-question.js";
import { feedbackAttempt } from "../../feedback/feedback-service.js";
import { messagesFor } from "../../i18n/messages.js";
import { statementPassage } from "../../search/answer.js";
import { cleanUserText, exceedsQuestionLength } from "../../search/normalize.js";
import { MAX_SUGGESTIONS, suggestQuestions } from "../../search/suggest.js";
import { answerAndRecord } from "../ask-engine.js";
import type { BotContext } from "../context.js";
import {
  answerReply,
  languageSwitchReply,
  MORE_PASSAGES,
  morePassagesReply,
  SHOWN_PASSAGES,
  versionTag,
} from "../render/answer-view.js";
import { fitForChannel } from "../render/reply.js";
import { type AskButtonId, askButtonIds, type VoteId, voteIds } from "./ask-ids.js";
import {
  type ComponentInteraction,
  canEmbed,
  componentKind,
  OPEN_TO_ALL,
  replyLanguage,
  type SlashCommand,
  updateOrReply,
} from "./command.js";
import { localized, publicOption } from "./localized.js";

export const askCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "ask")
    .addStringOption((option) =>
      localized(option, "ask question").setRequired(true).setMaxLength(4000).setAutocomplete(true),
    )
    .addBooleanOption(publicOption)
    .toJSON(),
  rules: { ...OPEN_TO_ALL, cooldown: true },

  async execute(interaction, context) {
    const { knowledge, settings } = context;
    const language = replyLanguage(interaction);
    const question = cleanUserText(interaction.options.getString("question", true));
    const wantsPublic =
      interaction.options.getBoolean("public") ??
      context.servers.resolve(interaction.guildId).askPublic.value;
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
    const answer = answerAndRecord(
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
      ...fitForChannel(answerReply(answer, index, interaction.id), canEmbed(interaction)),
      ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    });
  },

  async autocomplete(interaction, { knowledge, metrics }) {
    const typed = interaction.options.getFocused();
    // A keystroke is not a question: counted apart, so summit_questions_total stays true.
    metrics.recordAutocomplete("ask");
    const suggestions = suggestQuestions(knowledge.index, String(typed), replyLanguage(interaction));
    await interaction.respond(
      suggestions
        .slice(0, MAX_SUGGESTIONS)
        .map((suggestion) => ({ name: suggestion.name, value: suggestion.value })),
    );
  },

  chat: {
    usage: "QUESTION",
    run(asked, session) {
      const reply = askInTerminal(session.index, asked, {
        language: session.fixedLanguage,
        maxLength: session.maxQuestionLength,
        conversation: { memory: session.followUps, person: "you", channel: "terminal" },
      });
      session.answeredIn(reply.language);
      // An answer to the question read with the one before says how it was read, as the embed's
      // author line does on Discord.
      const readTogether = !isTooLong(reply) && reply.question !== cleanUserText(asked);
      const readAs = readTogether ? [messagesFor(reply.language).readAsFollowUp(reply.question)] : [];
      const text = [...readAs, renderReply(reply, session.index)].join("\n");
      return `bot> ${text.replaceAll("\n", "\n     ")}`;
    },
  },

  // Clicks on an answer's buttons read what is already found: no cooldown, open to everyone.
  components: [
    componentKind(askButtonIds, OPEN_TO_ALL, answerButton),
    componentKind(voteIds, OPEN_TO_ALL, vote),
  ],
};

/** More results, the other language, the closest statements: the statements the id names. */
async function answerButton(
  interaction: ComponentInteraction,
  id: AskButtonId,
  context: BotContext,
): Promise<void> {
  const index = context.knowledge.index;
  const text = messagesFor(id.language);
  const valid =
    id.version === versionTag(index) &&
    id.statements.every((position) => position < index.knowledge.statements.length);
  if (!valid) {
    await interaction.reply({ content: text.expired, flags: MessageFlags.Ephemeral });
    return;
  }
  const passages = id.statements.map((position) => statementPassage(index, position, id.language));
  if (id.kind === "ask-language") {
    await updateOrReply(interaction, languageSwitchReply(passages, index, id));
    return;
  }
  const note = id.kind === "ask-near" ? text.closestStatementsNote : undefined;
  await interaction.reply({
    ...fitForChannel(morePassagesReply(passages, index, id.language, note), canEmbed(interaction)),
    flags: MessageFlags.Ephemeral,
  });
}

/** Helpful or not: stored with the statements judged, and the question while it is remembered. */
async function vote(interaction: ComponentInteraction, id: VoteId, context: BotContext): Promise<void> {
  const index = context.knowledge.index;
  const text = messagesFor(id.language);
  const recent = context.recentAnswers.get(id.answer);
  const statementIds =
    recent?.statementIds ??
    (id.version === versionTag(index)
      ? id.statements.map((position) => index.knowledge.statements[position]?.id ?? "")
      : []);
  if (statementIds.length === 0 || statementIds.includes("")) {
    await interaction.reply({ content: text.expired, flags: MessageFlags.Ephemeral });
    return;
  }
  const stored = feedbackAttempt(() =>
    context.feedback.write((store) =>
      store.recordVote({
        answerId: id.answer,
        userId: interaction.user.id,
        vote: id.vote,
        statementIds,
        question: recent?.question ?? "",
        language: recent?.language ?? id.language,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        knowledgeVersion: recent?.knowledgeVersion ?? index.knowledge.document.version,
      }),
    ),
  );
  await interaction.reply({
    content: !stored.ok
      ? text.voteUnavailable
      : stored.value === "changed"
        ? text.voteChanged
        : text.voteThanks,
    flags: MessageFlags.Ephemeral,
  });
}
