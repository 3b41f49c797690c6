import { CHAT_COMMANDS, type ChatCommandKey, messagesFor } from "../i18n/messages.js";
import { findStatement, findTopic } from "../knowledge/lookup.js";
import type { Language } from "../search/language.js";
import type { SearchIndex } from "../search/search-index.js";
import { renderReply } from "./ask-command.js";
import { askInTerminal } from "./terminal-question.js";
import { renderAbout, renderStatement, renderTopicStatements, renderTopics } from "./terminal-render.js";

/** Every name a chat command answers to, in either language, lower case, without the slash. */
const COMMAND_BY_NAME = new Map<string, ChatCommandKey>(
  CHAT_COMMANDS.flatMap((key) => [
    [messagesFor("en").chat.commands[key].name, key],
    [messagesFor("de").chat.commands[key].name, key],
  ]),
);
// Long-standing spellings people type for leaving.
COMMAND_BY_NAME.set("exit", "quit");

export interface ChatReply {
  readonly text: string;
  readonly quit?: boolean;
}

/**
 * One terminal conversation: the bot's commands under their names in both languages, any case,
 * and questions answered as the bot answers them. Reads the live index at every line, so a
 * reloaded knowledge file answers at once.
 */
export class ChatSession {
  /** Set by /lang; otherwise each question's own language. */
  private fixedLanguage: Language | undefined;
  /** Commands answer in the language of the last question, as a conversation would. */
  private lastLanguage: Language;

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

  /** The help: the chat's own commands in the conversation's language. */
  help(): string {
    const { chat } = messagesFor(this.language);
    const lines = CHAT_COMMANDS.map((key) => {
      const { name, usage, description } = chat.commands[key];
      return `  ${`/${name}${usage ? ` ${usage}` : ""}`.padEnd(22)}${description}`;
    });
    return [chat.intro, ...lines, chat.aliases].join("\n");
  }

  handle(rawLine: string): ChatReply {
    const line = rawLine.trim();
    if (!line.startsWith("/")) return { text: this.ask(line) };
    const [word = "/", ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    const key = COMMAND_BY_NAME.get(word.slice(1).toLocaleLowerCase("de"));
    const { chat } = messagesFor(this.language);
    if (!key) return { text: chat.unknownCommand(word) };
    const usage = () => {
      const { name, usage: shape } = chat.commands[key];
      return chat.usage(`/${name} ${shape}`);
    };
    const knowledge = this.live.index.knowledge;
    switch (key) {
      case "quit":
        return { text: "", quit: true };
      case "help":
        return { text: this.help() };
      case "about":
        return { text: renderAbout(knowledge, this.language) };
      case "ask":
        return { text: argument ? this.ask(argument) : usage() };
      case "topics": {
        if (!argument) return { text: renderTopics(knowledge, this.language) };
        const topic = findTopic(knowledge, argument);
        if (topic) return { text: renderTopicStatements(knowledge, topic.id, this.language) ?? "" };
        return { text: `${chat.topicNotFound(argument)}\n${renderTopics(knowledge, this.language)}` };
      }
      case "statement": {
        if (!argument) return { text: usage() };
        const statement = findStatement(knowledge, argument);
        return {
          text: statement
            ? renderStatement(knowledge, statement, this.language)
            : messagesFor(this.language).statementNotFound(argument).replaceAll("`", ""),
        };
      }
      case "lang": {
        const choice = argument.toLowerCase();
        if (choice !== "de" && choice !== "en" && choice !== "auto") return { text: usage() };
        this.fixedLanguage = choice === "auto" ? undefined : choice;
        if (this.fixedLanguage) this.lastLanguage = this.fixedLanguage;
        return { text: messagesFor(this.language).chat.replyLanguage(choice) };
      }
    }
  }

  private ask(question: string): string {
    const reply = askInTerminal(this.live.index, question, {
      language: this.fixedLanguage,
      maxLength: this.maxQuestionLength,
    });
    this.lastLanguage = reply.language;
    return `bot> ${renderReply(reply, this.live.index).replaceAll("\n", "\n     ")}`;
  }
}
