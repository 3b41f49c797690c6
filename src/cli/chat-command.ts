import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { KnowledgeService } from "../app/knowledge-service.js";
import { openKnowledgeService } from "../app/open-knowledge.js";
import { ensureDataDir } from "../config/data-dir.js";
import type { Settings } from "../config/settings.js";
import { messagesFor } from "../i18n/messages.js";
import { createLogger } from "../logging/logger.js";
import type { Language } from "../search/language.js";
import { parseLanguageOption } from "./ask-command.js";
import { ChatConversation } from "./chat-conversation.js";
import { type CliCommand, type CliIO, ExitCode, writeLine } from "./io.js";
import { ensureKnowledgeReadable, type KnowledgeLocation, knowledgeOption } from "./knowledge-location.js";
import { reportIssues } from "./report-issues.js";
import { settingsOrReport } from "./settings-or-report.js";

export const chatCommand: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args: [...args],
    options: { lang: { type: "string" }, knowledge: { type: "string" } },
  });
  const language = parseLanguageOption(values.lang);
  const settings = settingsOrReport(io);
  if (!settings) return ExitCode.usage;
  const knowledge = await openChatKnowledge(settings, knowledgeOption(io, values.knowledge), io);
  if (!knowledge) return ExitCode.checkFailed;
  await runChat(knowledge, io, { settings, language });
  return ExitCode.ok;
};

/**
 * The knowledge as the bot holds it — kept in DATA_DIR's history, reloaded when the file changes
 * — or undefined after reporting why the file is not valid.
 */
export async function openChatKnowledge(
  settings: Settings,
  location: KnowledgeLocation,
  io: CliIO,
): Promise<KnowledgeService | undefined> {
  await ensureKnowledgeReadable(location);
  ensureDataDir(settings.DATA_DIR);
  // The chat says itself what a reload changed; only a real fault goes to the log.
  const logger = createLogger(settings.LOG_LEVEL === "silent" ? "silent" : "error");
  const opened = await openKnowledgeService({ ...settings, KNOWLEDGE_PATH: location.path }, logger);
  if (opened.ok) return opened.value;
  reportIssues(opened.issues, io);
  return undefined;
}

export interface ChatOptions {
  readonly settings: Pick<Settings, "MAX_QUESTION_LENGTH">;
  /** Reply language; by default each question's own. */
  readonly language?: Language | undefined;
}

/** The terminal chat: the bot's commands and answers, without Discord, until /quit or end of input. */
export async function runChat(knowledge: KnowledgeService, io: CliIO, options: ChatOptions): Promise<void> {
  const session = new ChatConversation(knowledge, options.settings.MAX_QUESTION_LENGTH, options.language);
  const terminal = Boolean(io.stdout.isTTY && io.stdin.isTTY);
  const lines = createInterface({
    input: io.stdin,
    output: io.stdout,
    terminal,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // Prompts are for people typing; a script piping questions in wants the answers alone. Lines
  // still buffered when input ends are read after readline has closed; since Node 24 a prompt then
  // throws "readline was closed", so the chat prompts only while input is open.
  let inputOpen = true;
  lines.once("close", () => {
    inputOpen = false;
  });
  const prompt = () => {
    if (terminal && inputOpen) lines.prompt();
  };
  knowledge.onAudit(({ change }) => {
    const { chat } = messagesFor(session.language);
    if (change.kind === "applied")
      writeLine(
        io.stdout,
        `\n${chat.reloaded(change.before.document.version, change.after.document.version)}`,
      );
    else if (change.kind === "rejected")
      writeLine(
        io.stdout,
        `\n${chat.reloadRejected(knowledge.current.document.version, change.issues.length)}`,
      );
    prompt();
  });
  const stopWatching = knowledge.watch();
  const current = knowledge.current;
  const { chat } = messagesFor(session.language);
  writeLine(
    io.stdout,
    chat.banner(
      current.document.summit.title[session.language],
      current.statements.length,
      current.document.version,
    ),
  );
  writeLine(io.stdout, session.help());
  lines.setPrompt("\nyou> ");
  prompt();
  try {
    for await (const line of lines) {
      if (line.trim() === "") {
        prompt();
        continue;
      }
      const reply = session.handle(line);
      if (reply.quit) break;
      writeLine(io.stdout, `\n${reply.text}`);
      prompt();
    }
  } finally {
    stopWatching();
    lines.close();
  }
}
