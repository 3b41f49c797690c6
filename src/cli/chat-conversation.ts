import { FollowUpMemory } from "../app/follow-up-memory.js";
import { askCommand } from "../discord/commands/ask.js";
import type { ChatSession, SlashCommand } from "../discord/commands/command.js";
import { commandModules } from "../discord/commands/index.js";
import { CHAT_OWN_COMMANDS, type ChatOwnCommand, messagesFor } from "../i18n/messages.js";
import type { Language } from "../search/language.js";
import type { SearchIndex } from "../search/search-index.js";

type ChatTarget = { readonly command: SlashCommand } | { readonly own: ChatOwnCommand };

/** How people type a command: any case. */
const typedName = (name: string) => name.toLocaleLowerCase("de");

/**
 * Every name a chat command answers to — the bot's commands from the registry under their English
 * and German names, and the chat's own — without the slash.
 */
const TARGETS = new Map<string, ChatTarget>([
  ...commandModules.flatMap((command) =>
    namesOf(command).map((name): [string, ChatTarget] => [typedName(name), { command }]),
  ),
  ...CHAT_OWN_COMMANDS.flatMap((own) =>
    (["en", "de"] as const).map((language): [string, ChatTarget] => [
      typedName(messagesFor(language).chat.own[own].name),
      { own },
    ]),
  ),
  // The long-standing spelling people type for leaving.
  ["exit", { own: "quit" }],
]);

const ENGLISH_NAMES = new Set(
  [
    ...commandModules.map((command) => command.data.name),
    ...CHAT_OWN_COMMANDS.map((own) => messagesFor("en").chat.own[own].name),
  ].map(typedName),
);

/** Names only the German side has: typing one says the reader reads German. */
const GERMAN_ONLY_NAMES = new Set(
  [
    ...commandModules.map((command) => command.data.name_localizations?.de),
    ...CHAT_OWN_COMMANDS.map((own) => messagesFor("de").chat.own[own].name),
  ]
    .filter((name): name is string => name !== undefined)
    .map(typedName)
    .filter((name) => !ENGLISH_NAMES.has(name)),
);

function namesOf(command: SlashCommand): string[] {
  const german = command.data.name_localizations?.de;
  return german ? [command.data.name, german] : [command.data.name];
}

function nameIn(command: SlashCommand, language: Language): string {
  return (language === "de" ? command.data.name_localizations?.de : undefined) ?? command.data.name;
}

function descriptionIn(command: SlashCommand, language: Language): string {
  return (
    (language === "de" ? command.data.description_localizations?.de : undefined) ?? command.data.description
  );
}

/** A command's argument as the help shows it, in the conversation's language: `[THEMA]`. */
function usageIn(command: SlashCommand, language: Language): string {
  const names = messagesFor(language).chat.argumentNames;
  return command.chat.usage.replace(/[A-Z]+/g, (word) => names[word] ?? word);
}

/** A command's usage without its argument brackets means the argument is required. */
function needsArgument(usage: string): boolean {
  return usage !== "" && !usage.startsWith("[");
}

export interface ChatReply {
  readonly text: string;
  readonly quit?: boolean;
}

/**
 * One terminal conversation: the bot's commands from the command registry and the chat's own,
 * under their names in both languages and in any case; everything else is a question. Reads the
 * live index at every line, so a reloaded knowledge file answers at once.
 */
export class ChatConversation {
  /** Set by /lang; otherwise each question's own language. */
  private fixedLanguage: Language | undefined;
  /** Commands answer in the language of the last question, as a conversation would. */
  private lastLanguage: Language;
  /** The last question, for a follow-up ("and Uzbekistan?") to be read with; in memory only. */
  private readonly followUps = new FollowUpMemory();

  constructor(
    private readonly live: { readonly index: SearchIndex },
    private readonly maxQuestionLength: number,
    language?: Language,
  ) {
    this.fixedLanguage = language;
    this.lastLanguage = language ?? "en";
  }

  get language(): Language {
    return this.fixedLanguage ?? this.lastLanguage;
  }

  /** The chat's commands in the conversation's language, with the other language's names below. */
  help(): string {
    const language = this.language;
    const other: Language = language === "de" ? "en" : "de";
    const { chat } = messagesFor(language);
    const rows: [string, string][] = [
      ...commandModules.map((command): [string, string] => [
        `/${nameIn(command, language)}${command.chat.usage ? ` ${usageIn(command, language)}` : ""}`,
        descriptionIn(command, language),
      ]),
      ...CHAT_OWN_COMMANDS.map((own): [string, string] => {
        const { name, usage, description } = chat.own[own];
        return [`/${name}${usage ? ` ${usage}` : ""}`, description];
      }),
    ];
    const width = Math.max(...rows.map(([usage]) => usage.length)) + 2;
    const otherNames = [
      ...commandModules.map((command) => `/${nameIn(command, other)}`),
      ...CHAT_OWN_COMMANDS.map((own) => `/${messagesFor(other).chat.own[own].name}`),
    ].join(", ");
    return [
      chat.intro,
      ...rows.map(([usage, description]) => `  ${usage.padEnd(width)}${description}`),
      chat.otherNames(otherNames),
    ].join("\n");
  }

  handle(rawLine: string): ChatReply {
    const line = rawLine.trim();
    // Anything that is not a command is a question, as /ask.
    if (!line.startsWith("/")) return { text: askCommand.chat.run(line, this.session()) };
    const [word = "/", ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    const name = typedName(word.slice(1));
    const target = TARGETS.get(name);
    // Whoever types /hilfe or /themen reads German: the conversation turns German, as after a question.
    if (target && GERMAN_ONLY_NAMES.has(name)) this.lastLanguage = "de";
    const { chat } = messagesFor(this.language);
    if (!target) return { text: chat.unknownCommand(word) };
    if ("own" in target) return this.own(target.own, argument);
    const { command } = target;
    if (needsArgument(command.chat.usage) && argument === "")
      return { text: chat.usage(`/${nameIn(command, this.language)} ${usageIn(command, this.language)}`) };
    return { text: command.chat.run(argument, this.session()) };
  }

  private own(command: ChatOwnCommand, argument: string): ChatReply {
    if (command === "quit") return { text: "", quit: true };
    const { chat } = messagesFor(this.language);
    const choice = argument.toLowerCase();
    if (choice !== "de" && choice !== "en" && choice !== "auto") {
      const { name, usage } = chat.own.lang;
      return { text: chat.usage(`/${name} ${usage}`) };
    }
    this.fixedLanguage = choice === "auto" ? undefined : choice;
    if (this.fixedLanguage) this.lastLanguage = this.fixedLanguage;
    return { text: messagesFor(this.language).chat.replyLanguage(choice) };
  }

  /** What a command module's chat entry may read and change of the conversation. */
  private session(): ChatSession {
    return {
      index: this.live.index,
      followUps: this.followUps,
      commandList: this.help(),
      language: this.language,
      fixedLanguage: this.fixedLanguage,
      maxQuestionLength: this.maxQuestionLength,
      answeredIn: (language) => {
        this.lastLanguage = language;
      },
    };
  }
}
