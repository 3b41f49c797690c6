import { answerInConversation, type Conversation } from "../app/follow-up-answer.js";
import { messagesFor } from "../i18n/messages.js";
import { type Answer, answerQuestion } from "../search/answer.js";
import { type DetectedLanguage, detectLanguage, type Language } from "../search/language.js";
import { cleanUserText, exceedsQuestionLength } from "../search/normalize.js";
import type { SearchIndex } from "../search/search-index.js";
import { renderAnswer } from "./terminal-render.js";

/** A question the terminal declined before searching, as the bot declines it in Discord. */
export interface TooLongQuestion {
  readonly outcome: "too-long";
  readonly question: string;
  readonly language: Language;
  readonly detectedLanguage: DetectedLanguage;
  readonly message: string;
}

export type TerminalReply = Answer | TooLongQuestion;

/** One question asked in the terminal (`ask` or the chat), under the bot's MAX_QUESTION_LENGTH. */
export function askInTerminal(
  index: SearchIndex,
  rawQuestion: string,
  options: {
    readonly language?: Language | undefined;
    readonly maxLength: number;
    /** The chat's conversation, for a follow-up to be read with the question before it. */
    readonly conversation?: Conversation;
  },
): TerminalReply {
  const question = cleanUserText(rawQuestion);
  if (exceedsQuestionLength(question, options.maxLength)) {
    const detectedLanguage = detectLanguage(question, index.languageLexicon);
    const language = options.language ?? (detectedLanguage === "de" ? "de" : "en");
    return {
      outcome: "too-long",
      question,
      language,
      detectedLanguage,
      message: messagesFor(language).questionTooLong(options.maxLength),
    };
  }
  const answerOf = (reading: string) =>
    answerQuestion(index, reading, options.language ? { language: options.language } : {});
  // The limit is checked on what was typed, before any reading together with an earlier question.
  return options.conversation
    ? answerInConversation(index, options.conversation, question, answerOf)
    : answerOf(question);
}

export function isTooLong(reply: TerminalReply): reply is TooLongQuestion {
  return reply.outcome === "too-long";
}

/** The reply as the terminal shows it: the answer, or why the question was declined. */
export function renderReply(reply: TerminalReply, index: SearchIndex): string {
  return isTooLong(reply) ? reply.message : renderAnswer(reply, index.knowledge);
}
