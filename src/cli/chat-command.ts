import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { messagesFor } from "../i18n/messages.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../knowledge/load.js";
import { answerQuestion } from "../search/answer.js";
import type { Language } from "../search/language.js";
import type { SearchIndex } from "../search/search-index.js";
import { loadIndexOrReport, parseLanguageOption } from "./ask-command.js";
import { type CliCommand, type CliIO, ExitCode, writeLine } from "./io.js";
import {
  renderAbout,
  renderAnswer,
  renderStatement,
  renderTopicStatements,
  renderTopics,
} from "./terminal-render.js";

const CHAT_HELP = `Type a question in English or German, or a command:
  /topics [TOPIC]     the topics, or one topic's statements
  /statement ID       one statement in full
  /about              what the bot knows
  /lang de|en|auto    reply language (auto: the question's language)
  /help               this help
  /quit               leave (or Ctrl+D)`;

export const chatCommand: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args: [...args],
    options: { lang: { type: "string" }, knowledge: { type: "string" } },
  });
  const index = await loadIndexOrReport(
    values.knowledge ?? io.env.KNOWLEDGE_PATH ?? DEFAULT_KNOWLEDGE_PATH,
    io,
  );
  if (!index) return ExitCode.checkFailed;
  await runChat(index, io, parseLanguageOption(values.lang));
  return ExitCode.ok;
};

/** The terminal chat: the bot's commands and answers, without Discord. */
export async function runChat(index: SearchIndex, io: CliIO, initialLanguage?: Language): Promise<void> {
  let fixedLanguage = initialLanguage;
  // Commands answer in the language of the last question, as a conversation would.
  let lastLanguage: Language = initialLanguage ?? "en";
  const knowledge = index.knowledge;
  const terminal = Boolean(io.stdout.isTTY && io.stdin.isTTY);
  const lines = createInterface({
    input: io.stdin,
    output: io.stdout,
    terminal,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  writeLine(
    io.stdout,
    `summit-bot — ${knowledge.document.summit.title.en} · ${knowledge.statements.length} statements, version ${knowledge.document.version}`,
  );
  writeLine(io.stdout, CHAT_HELP);
  lines.setPrompt("\nyou> ");
  // Lines still buffered when input ends are read after readline has closed; since Node 24 a
  // prompt then throws "readline was closed", so the chat prompts only while input is open.
  let inputOpen = true;
  lines.once("close", () => {
    inputOpen = false;
  });
  const prompt = () => {
    if (inputOpen) lines.prompt();
  };
  prompt();
  for await (const rawLine of lines) {
    const line = rawLine.trim();
    const language = fixedLanguage ?? lastLanguage;
    const [command, ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    if (line === "") {
      prompt();
      continue;
    }
    if (command === "/quit" || command === "/exit") break;
    switch (command) {
      case "/help":
        writeLine(io.stdout, `${CHAT_HELP}\n\n${messagesFor(language).helpText.replaceAll("`", "")}`);
        break;
      case "/topics":
        writeLine(
          io.stdout,
          argument
            ? (renderTopicStatements(knowledge, argument, language) ?? renderTopics(knowledge, language))
            : renderTopics(knowledge, language),
        );
        break;
      case "/statement": {
        const statement = knowledge.statementsById.get(argument);
        writeLine(
          io.stdout,
          statement
            ? renderStatement(knowledge, statement, language)
            : messagesFor(language).statementNotFound(argument).replaceAll("`", ""),
        );
        break;
      }
      case "/about":
        writeLine(io.stdout, renderAbout(knowledge, language));
        break;
      case "/lang":
        fixedLanguage = argument === "de" || argument === "en" ? argument : undefined;
        writeLine(io.stdout, `reply language: ${fixedLanguage ?? "auto"}`);
        break;
      default: {
        const question = command === "/ask" ? argument : line;
        const answer = answerQuestion(index, question, fixedLanguage ? { language: fixedLanguage } : {});
        lastLanguage = answer.language;
        writeLine(io.stdout, `\nbot> ${renderAnswer(answer, knowledge).replaceAll("\n", "\n     ")}`);
      }
    }
    prompt();
  }
  lines.close();
}
