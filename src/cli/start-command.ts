import { openKnowledgeService } from "../app/open-knowledge.js";
import { startBot } from "../discord/bot.js";
import { loadKnowledgeFile } from "../knowledge/load.js";
import { createLogger } from "../logging/logger.js";
import { buildSearchIndex } from "../search/search-index.js";
import { runChat } from "./chat-command.js";
import { type CliCommand, ExitCode, writeLine } from "./io.js";
import { reportIssues } from "./knowledge-command.js";
import { NO_TOKEN_MESSAGE, settingsOrReport } from "./settings-or-report.js";

export const startCommand: CliCommand = async (_args, io) => {
  const settings = settingsOrReport(io);
  if (!settings) return ExitCode.usage;
  const token = settings.DISCORD_TOKEN;
  if (!token) {
    const loaded = await loadKnowledgeFile(settings.KNOWLEDGE_PATH);
    if (!loaded.ok) {
      reportIssues(loaded.issues, io);
      return ExitCode.checkFailed;
    }
    // A newcomer without a token still gets to try the answers, in the terminal.
    if (io.stdin.isTTY && io.stdout.isTTY) {
      writeLine(io.stdout, `${NO_TOKEN_MESSAGE}\nMeanwhile, ask the bot here in the terminal.\n`);
      await runChat(buildSearchIndex(loaded.value), io);
      return ExitCode.ok;
    }
    writeLine(
      io.stderr,
      `${NO_TOKEN_MESSAGE}\n(Run it in a terminal to try the answers in a chat without Discord.)`,
    );
    return ExitCode.usage;
  }

  const logger = createLogger(settings.LOG_LEVEL);
  const opened = await openKnowledgeService(settings, logger);
  if (!opened.ok) {
    reportIssues(opened.issues, io);
    return ExitCode.checkFailed;
  }
  const knowledge = opened.value;
  const stopWatching = knowledge.watch();
  const bot = await startBot({ ...settings, DISCORD_TOKEN: token }, knowledge, logger);
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    void bot.stop();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  const code = await bot.stopped;
  stopWatching();
  process.off("SIGINT", shutdown);
  process.off("SIGTERM", shutdown);
  return code;
};
