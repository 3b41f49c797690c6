import type { Language } from "../search/language.js";
import { de } from "./de.js";
import { en, type englishCommands } from "./en.js";

/** How likely a likely answer is, in words: about even odds, more likely than not, a fair chance. */
export type LikelyBand = "even" | "more-likely" | "fair";

/** Every sentence the bot says to people, once per language. */
export interface Messages {
  readonly languageName: string;
  readonly answerTitle: string;
  readonly moreResultsTitle: string;
  readonly noAnswer: string;
  readonly closestTopics: (topics: string) => string;
  readonly tryTopics: string;
  readonly buttonClosestStatements: string;
  readonly closestStatementsNote: string;
  readonly closestStatements: (ids: string) => string;
  readonly emptyQuestion: string;
  readonly questionTooLong: (max: number) => string;
  readonly source: string;
  readonly directQuote: string;
  readonly paraphrase: string;
  readonly knowledgeVersion: (version: string, date: string) => string;
  readonly confidence: (percent: number) => string;
  /** Before a likely answer's passages. */
  readonly probablyThis: string;
  /** A likely answer's confidence in words, by its band, with the percentage. */
  readonly likelyInWords: (band: LikelyBand, percent: number) => string;
  /** Where a 👎 button goes with a likely answer. */
  readonly likelyVoteHint: string;
  /** For questions about the present: as of when the knowledge speaks. */
  readonly thenNotNow: (summitDate: string, asOf: string) => string;
  /** A bare word that fits many statements equally: the topics to pick from. */
  readonly broadQuestion: (topics: string) => string;
  /** A follow-up ("and Uzbekistan?") and how it was read, together with the question before it. */
  readonly readAsFollowUp: (question: string) => string;
  readonly buttonMoreResults: string;
  readonly buttonGerman: string;
  readonly buttonEnglish: string;
  readonly noMoreResults: string;
  readonly expired: string;
  readonly topicsTitle: string;
  readonly topicsIntro: string;
  readonly topicStatements: (topic: string, page: number, pages: number) => string;
  readonly chooseTopic: string;
  readonly previous: string;
  readonly next: string;
  readonly backToTopics: string;
  readonly statementNotFound: (id: string) => string;
  /** An unknown topic asked for by name; the topics list follows it. */
  readonly topicNotFound: (topic: string) => string;
  readonly statementTitle: (id: string) => string;
  readonly topic: string;
  readonly aboutTitle: string;
  readonly aboutIntro: (summit: string, date: string, place: string) => string;
  readonly participants: string;
  readonly sources: string;
  readonly knowledgeLine: (statements: number, topics: number) => string;
  readonly howToAsk: string;
  readonly helpTitle: string;
  readonly helpText: string;
  readonly somethingWentWrong: string;
  readonly slowDown: (seconds: number) => string;
  readonly busy: string;
  readonly moderatorsOnly: string;
  /** An operators' command or button used outside their home server. */
  readonly notAvailableHere: string;
  readonly knowledgeStatusTitle: string;
  /** A knowledge version as moderators see it: version, short hash, size. */
  readonly versionWithSize: (version: string, hash: string, statements: number) => string;
  /** Below the errors that fit into a message: how many did not. */
  readonly moreIssues: (count: number) => string;
  readonly knowledgeLoaded: (when: string, origin: string) => string;
  readonly lastRejection: (when: string, actor: string) => string;
  readonly noRejection: string;
  readonly reloadApplied: (before: string, after: string, diff: string) => string;
  readonly reloadUnchanged: string;
  readonly changeRejected: (errors: number) => string;
  readonly uploadTooLarge: (max: number) => string;
  readonly uploadUnreadable: string;
  readonly uploadValid: (statements: number, topics: number, diff: string) => string;
  readonly versionUnchanged: (version: string) => string;
  readonly uploadConfirmQuestion: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly uploadCancelled: string;
  readonly uploadExpired: string;
  readonly historyTitle: string;
  readonly historyEmpty: string;
  readonly historyCurrent: string;
  readonly rollbackUnknown: (version: string) => string;
  readonly rollbackNoEarlier: string;
  readonly downloadReady: (version: string) => string;
  readonly voteHelpful: string;
  readonly voteNotHelpful: string;
  readonly voteThanks: string;
  readonly voteChanged: string;
  readonly gapsTitle: string;
  readonly gapsTitleForServer: (guildId: string) => string;
  readonly gapsUnanswered: string;
  readonly gapsDownVoted: string;
  readonly gapsEmpty: string;
  readonly gapsActPlaceholder: string;
  readonly gapDownVoted: (statement: string) => string;
  readonly gapHeading: (count: number, question: string) => string;
  readonly gapNearest: (statement: string) => string;
  readonly gapTeachPlaceholder: string;
  readonly gapTeachHint: (id: string) => string;
  readonly gapOutOfScope: string;
  readonly gapDismiss: string;
  readonly gapModalTitle: string;
  readonly gapModalLabel: string;
  readonly gapModalHint: string;
  readonly gapTeachPreview: (question: string, statement: string) => string;
  readonly gapWronglyAnswered: (statement: string) => string;
  readonly gapOutOfScopePreview: (phrase: string) => string;
  readonly gapOverlapWarning: (entry: string, term: string, statements: number) => string;
  readonly gapDismissPreview: (question: string) => string;
  readonly gapConfirmQuestion: string;
  readonly gapGone: string;
  readonly gapDismissed: string;
  readonly gapActionExpired: string;
  readonly unknownStatement: (id: string) => string;
  readonly forgotUser: (questions: number, votes: number) => string;
  readonly serverOnly: string;
  readonly manageServerOnly: string;
  readonly setupTitle: string;
  readonly setupAskChannels: string;
  readonly setupAskPublic: string;
  readonly setupFallbackLanguage: string;
  readonly setupCooldown: string;
  readonly setupMentions: string;
  readonly setupSetHere: string;
  readonly setupDefault: string;
  readonly setupNone: string;
  readonly yes: string;
  readonly no: string;
  readonly seconds: (seconds: number) => string;
  readonly serverLanguage: (language: string) => string;
  readonly setupNoMessageContent: string;
  readonly setupChannelWrongType: string;
  readonly setupInvalidValue: string;
  readonly setupTooManyChannels: (max: number) => string;
  readonly setupAlreadyAskChannel: (channel: string) => string;
  readonly setupNotAskChannel: (channel: string) => string;
  readonly setupChanged: (setting: string, before: string, after: string) => string;
  readonly setupResetDone: (settings: string) => string;
  readonly setupNothingToReset: string;
  readonly settingsUnavailable: (reason: string) => string;
  readonly choiceGerman: string;
  readonly choiceEnglish: string;
  readonly choiceServerLanguage: string;
  readonly privacyNothing: string;
  readonly privacySummary: (
    questions: number,
    votes: number,
    oldest: string,
    retentionDays: number,
  ) => string;
  readonly privacyDeleteButton: string;
  readonly privacyDeleted: (questions: number, votes: number) => string;
  /** Votes, gaps and forgetting while the feedback database cannot be used; answers go on. */
  readonly voteUnavailable: string;
  readonly feedbackUnavailable: (reason: string) => string;
  /** `/knowledge gaps server:` given something that is no server id. */
  readonly notAServerId: (typed: string) => string;
  /** What the terminal chat says to /knowledge: moderators use the knowledge CLI there. */
  readonly knowledgeInTerminal: string;
  /** What the terminal chat says to /setup and /privacy: they belong to Discord servers and people. */
  readonly setupInTerminal: string;
  readonly privacyInTerminal: string;
  readonly commands: Readonly<Record<CommandPart, CommandWords>>;
  readonly chat: ChatMessages;
}

/** The commands only the terminal chat has; the others are the bot's, from the command registry. */
export const CHAT_OWN_COMMANDS = ["lang", "quit"] as const;
export type ChatOwnCommand = (typeof CHAT_OWN_COMMANDS)[number];

/** What the terminal chat says beyond the bot's replies. */
export interface ChatMessages {
  /** The chat's first line: the summit, how many statements, which version. */
  readonly banner: (summit: string, statements: number, version: string) => string;
  /** After "no DISCORD_TOKEN", when `start` opens the chat instead. */
  readonly withoutDiscord: string;
  readonly intro: string;
  /** Its own commands: the name in this language (both languages' names always work), usage, meaning. */
  readonly own: Readonly<
    Record<ChatOwnCommand, { readonly name: string; readonly usage: string; readonly description: string }>
  >;
  /** The registry's argument names (QUESTION, TOPIC, ID) as this language writes them. */
  readonly argumentNames: Readonly<Record<string, string>>;
  /** After the commands in /help: how answers come, without Discord's options and mentions. */
  readonly howToAsk: string;
  /** Below the help: the commands' names in the other language. */
  readonly otherNames: (names: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly usage: (usage: string) => string;
  readonly replyLanguage: (language: string) => string;
  readonly reloaded: (before: string, after: string) => string;
  readonly reloadRejected: (version: string, errors: number) => string;
}

/**
 * The slash commands, subcommands and options, by their English name path. The English name is the
 * path's last word, never translated here: the code reads it back from every interaction.
 * Options that several commands share ("public", "file") are named alone.
 */
export type CommandPart = keyof typeof englishCommands;

/** What Discord shows for a command part: its description, and its name where that is translated. */
export interface CommandWords {
  readonly name?: string;
  readonly description: string;
}

/**
 * For questions in a language the bot does not read (Russian is common in the region): said in
 * both languages, since the bot cannot know which of the two the asker reads.
 */
export const UNSUPPORTED_LANGUAGE_NOTE =
  "I understand questions in English and German. / Ich verstehe Fragen auf Deutsch und Englisch.";

export function messagesFor(language: Language): Messages {
  return language === "de" ? de : en;
}

/** Discord locales are like `de`, `en-US`, `en-GB`; everything not German gets English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith("de") ? "de" : "en";
}
