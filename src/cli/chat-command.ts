import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { askCommand } from "../discord/commands/ask.js";
import type { ChatSession } from "../discord/commands/command.js";
import { commandModules, slashCommands } from "../discord/commands/index.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../knowledge/load.js";
import type { Language } from "../search/language.js";
import type { SearchIndex } from "../search/search-index.js";
import { loadIndexOrReport, parseLanguageOption } from "./ask-command.js";
import { type CliCommand, type CliIO, ExitCode, writeLine } from "./io.js";

/**
 * The chat's help: every registered command with its description from the language files, then
 * what only the chat has.
 */
function chatHelp(): string {
  const lines = commandModules.map((command) => {
    const usage = `/${command.data.name}${command.chat.usage ? ` ${command.chat.usage}` : ""}`;
    return [usage, command.data.description] as const;
  });
  lines.push(
    ["/lang de|en|auto", "reply language (auto: the question's language)"],
    ["/quit", "leave (or Ctrl+D)"],
  );
  const width = Math.max(...lines.map(([usage]) => usage.length)) + 2;
  const list = lines.map(([usage, summary]) => `  ${usage.padEnd(width)}${summary}`).join("\n");
  return `Type a question in English or German, or a command:\n${list}`;
}

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
  const help = chatHelp();
  const session = (): ChatSession => ({
    index,
    commandList: help,
    language: fixedLanguage ?? lastLanguage,
    fixedLanguage,
    answeredIn: (language) => {
      lastLanguage = language;
    },
  });
  const terminal = Boolean(io.stdout.isTTY && io.stdin.isTTY);
  const lines = createInterface({
    input: io.stdin,
    output: io.stdout,
    terminal,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const knowledge = index.knowledge;
  writeLine(
    io.stdout,
    `summit-bot — ${knowledge.document.summit.title.en} · ${knowledge.statements.length} statements, version ${knowledge.document.version}`,
  );
  writeLine(io.stdout, help);
  lines.setPrompt("\nyou> ");
  lines.prompt();
  for await (const rawLine of lines) {
    const line = rawLine.trim();
    const [word = "", ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    if (word === "/quit" || word === "/exit") break;
    if (word === "/lang") {
      fixedLanguage = argument === "de" || argument === "en" ? argument : undefined;
      writeLine(io.stdout, `reply language: ${fixedLanguage ?? "auto"}`);
    } else if (line !== "") {
      // Anything that is not a command is a question, as /ask.
      const command = word.startsWith("/") ? slashCommands.get(word.slice(1)) : undefined;
      const output = command ? command.chat.run(argument, session()) : askCommand.chat.run(line, session());
      writeLine(io.stdout, output);
    }
    lines.prompt();
  }
  lines.close();
}
