import type { CommandWords, Messages } from "./messages.js";
import { versionLabel } from "./version-label.js";

/**
 * The slash commands, subcommands and options by their English name path, and what Discord shows
 * for each. These keys are the list of command parts: German must name each of them too.
 */
export const englishCommands = {
  ask: { description: "Ask about the Germany–Central Asia summit of 29 September 2023" },
  "ask question": { description: "Your question, in English or German" },
  public: { description: "Show the reply to everyone in the channel (default: only you)" },
  topics: { description: "Browse the topics and their statements" },
  "topics topic": { description: "Open one topic directly" },
  statement: { description: "Show one statement in full, with its source" },
  "statement id": { description: "The statement's id (type to search)" },
  about: { description: "What this bot knows, where it comes from, and how to ask" },
  help: { description: "How to ask the bot, its commands and languages" },
  knowledge: { description: "Moderators: inspect and change the knowledge the bot answers from" },
  "knowledge status": {
    description: "Version, counts, where it was loaded from, the last rejected change",
  },
  "knowledge reload": { description: "Re-read the knowledge file from disk now" },
  "knowledge upload": {
    description: "Check a new knowledge file, show the changes, apply after confirmation",
  },
  file: { description: "The YAML knowledge file" },
  "knowledge validate": { description: "Check a knowledge file without applying it" },
  "knowledge download": { description: "The knowledge file in use, as an attachment" },
  "knowledge history": { description: "The versions kept, newest first" },
  "knowledge rollback": { description: "Restore a kept version (default: the one before the current)" },
  "knowledge rollback version": { description: "Version from /knowledge history" },
  "knowledge gaps": {
    description: "The questions people asked that the bot could not answer, and answers voted down",
  },
  "knowledge forget-user": {
    description: "Delete everything stored for a member (unanswered questions, votes)",
  },
  "knowledge forget-user user": { description: "The member" },
} as const satisfies Record<string, CommandWords>;

export const en: Messages = {
  languageName: "English",
  answerTitle: "What the joint declaration and the reports say",
  moreResultsTitle: "More results",
  noAnswer:
    "Sorry, I couldn't find that in what I know about the Germany–Central Asia summit of 29 September 2023.",
  closestTopics: (topics) => `Closest topics: ${topics}.`,
  tryTopics: "Try `/topics` to browse everything I know, or ask in other words.",
  buttonClosestStatements: "Closest statements",
  closestStatementsNote: "Not a sure answer: these are the statements closest to your question.",
  closestStatements: (ids) => `Closest statements, not a sure answer: ${ids}`,
  emptyQuestion: "Please ask a question, for example: “Who took part in the summit?”",
  questionTooLong: (max) => `That question is too long for me — please keep it under ${max} characters.`,
  source: "Source",
  directQuote: "Direct quotation",
  paraphrase: "Summary in our words",
  knowledgeVersion: (version, date) => `Knowledge version ${versionLabel(version, date)}`,
  confidence: (percent) => `confidence ${percent}%`,
  probablyThis: "Probably this:",
  likelyInWords: (band, percent) =>
    `I'm not sure this is what you asked — ${{ fair: "a fair chance", "more-likely": "somewhat more likely than not", even: "about even odds" }[band]} (${percent}%) that it fits.`,
  likelyVoteHint: "If it misses, press 👎.",
  thenNotNow: (summitDate, asOf) =>
    `Note: what I know describes the summit of ${summitDate} and its follow-up, as recorded on ${asOf} — not how things stand today.`,
  readAsFollowUp: (question) => `Read together with your last question: “${question}”`,
  broadQuestion: (topics) =>
    `That fits many things I know. Ask more precisely, or pick a topic${topics ? `: ${topics}` : ""}.`,
  buttonMoreResults: "More results",
  buttonGerman: "Original (Deutsch)",
  buttonEnglish: "English",
  noMoreResults: "There are no further results for this question.",
  expired: "This answer is from an older knowledge version or has expired — please ask again.",
  topicsTitle: "Topics",
  topicsIntro: "Pick a topic to see its statements.",
  topicStatements: (topic, page, pages) => `${topic} — page ${page} of ${pages}`,
  chooseTopic: "Choose a topic…",
  previous: "Previous",
  next: "Next",
  backToTopics: "All topics",
  statementNotFound: (id) => `There is no statement with the id \`${id}\`. Use \`/topics\` to browse.`,
  topicNotFound: (topic) => `There is no topic "${topic}".`,
  statementTitle: (id) => `Statement ${id}`,
  topic: "Topic",
  aboutTitle: "About this bot",
  aboutIntro: (summit, date, place) =>
    `I answer questions about one summit and its joint declaration: ${summit} (${date}, ${place}). My answers come from a curated set of statements, each with its source.`,
  participants: "Participants",
  sources: "Source documents",
  knowledgeLine: (statements, topics) => `${statements} statements in ${topics} topics`,
  howToAsk:
    "Use `/ask`, mention me with a question, or send me a direct message — in English or German. `/topics` lists what I know; `/statement` shows one statement by its id.",
  helpTitle: "How to ask",
  helpText: [
    "`/ask question:` — ask in English or German; the best passages come first, with their source.",
    "`/topics` — browse the topics and their statements.",
    "`/statement id:` — one statement in full, with its source.",
    "`/about` — what I know and where it comes from.",
    "You can also mention me with a question or send me a direct message.",
  ].join("\n"),
  somethingWentWrong: "Something went wrong on my side. Please try again in a moment.",
  slowDown: (seconds) => `You're asking quickly — please try again in ${seconds} s.`,
  busy: "I'm very busy right now — please try again in a few seconds.",
  moderatorsOnly: "Only moderators can change the knowledge (Manage Server or a moderator role).",
  knowledgeStatusTitle: "Knowledge status",
  versionWithSize: (version, hash, statements) => `${version} (${hash}, ${statements} statements)`,
  moreIssues: (count) => `… and ${count} more`,
  bytes: (count) => `${count} bytes`,
  knowledgeLoaded: (when, origin) => `Loaded ${when} from \`${origin}\``,
  lastRejection: (when, actor) => `Last rejected change: ${when}, by ${actor}`,
  noRejection: "No rejected change since the last successful one.",
  reloadApplied: (before, after, diff) => `Knowledge updated: ${before} → ${after}\n${diff}`,
  reloadUnchanged: "The file on disk is the version already in use: nothing to do.",
  changeRejected: (errors) =>
    `The file is not valid (${errors} error${errors === 1 ? "" : "s"}); the previous knowledge stays in use:`,
  uploadTooLarge: (max) => `That file is too large: knowledge uploads are limited to ${max} bytes.`,
  uploadUnreadable: "I could not download that attachment from Discord. Please try again.",
  uploadValid: (statements, topics, diff) =>
    `The file is valid: ${statements} statements in ${topics} topics.\n${diff}`,
  uploadConfirmQuestion: "Apply it now? The current version stays in the history.",
  confirm: "Apply",
  cancel: "Cancel",
  uploadCancelled: "Cancelled: nothing was changed.",
  uploadExpired: "This upload has expired or was already handled. Please upload the file again.",
  historyTitle: "Knowledge history (newest first)",
  historyEmpty: "No versions in the history yet.",
  historyCurrent: "current",
  rollbackUnknown: (version) =>
    `There is no single version starting with \`${version}\` in the history. See \`/knowledge history\`.`,
  downloadReady: (version) => `The knowledge file in use (version ${version}).`,
  voteHelpful: "Helpful",
  voteNotHelpful: "Not helpful",
  voteThanks: "Thanks for the feedback — it helps the moderators improve the answers.",
  voteChanged: "Your vote is changed. Thanks!",
  gapsTitle: "Knowledge gaps",
  gapsUnanswered: "Most asked, not answered",
  gapsDownVoted: "Voted down most",
  gapsEmpty: "Nothing yet: no unanswered questions and no down votes stored.",
  knowledgeInTerminal:
    "Moderators change the knowledge in a terminal: summit-bot knowledge check | diff | history | rollback | gaps (npm run --silent knowledge -- …).",
  forgotUser: (questions, votes) =>
    `Deleted what was stored for that member: ${questions} unanswered question${questions === 1 ? "" : "s"} and ${votes} vote${votes === 1 ? "" : "s"}.`,
  commands: englishCommands,
  chat: {
    banner: (summit, statements, version) =>
      `summit-bot — ${summit} · ${statements} statements, version ${version}`,
    withoutDiscord: "Meanwhile, ask the bot here in the terminal.",
    intro: "Type a question in English or German, or a command:",
    own: {
      lang: { name: "lang", usage: "de|en|auto", description: "Reply language (auto: each question's own)" },
      quit: { name: "quit", usage: "", description: "Leave (or Ctrl+D)" },
    },
    argumentNames: {},
    howToAsk:
      "Ask in plain words, in English or German: the best passages come first, each with its source; when nothing fits, I say so.",
    otherNames: (names) => `The German names work too: ${names}.`,
    unknownCommand: (command) => `Unknown command ${command} — try /help.`,
    usage: (usage) => `Usage: ${usage}`,
    replyLanguage: (language) => `Reply language: ${language}`,
    reloaded: (before, after) => `(The knowledge file changed: now version ${after}, before ${before}.)`,
    reloadRejected: (version, errors) =>
      `(The knowledge file changed but is not valid — ${errors} error${errors === 1 ? "" : "s"}, see npm run --silent knowledge -- check. Still answering from version ${version}.)`,
  },
};
