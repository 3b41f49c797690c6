import { openKnowledgeService } from "../app/open-knowledge.js";
import { startBot } from "../discord/bot.js";
import { startShardingManager } from "../discord/shard-manager.js";
import { loadKnowledgeFile } from "../knowledge/load.js";
import { createLogger, type Logger } from "../logging/logger.js";
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
  // Handlers catch their own errors; this is the net under them. A rejection nobody awaited (a
  // library's, say) is logged, and the bot keeps answering instead of exiting as Node would.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  // SHARDS makes this process the manager; the shards it spawns run this same command.
  if (settings.SHARDS !== undefined && process.env.SHARDING_MANAGER === undefined) {
    const loaded = await loadKnowledgeFile(settings.KNOWLEDGE_PATH);
    if (!loaded.ok) {
      reportIssues(loaded.issues, io);
      return ExitCode.checkFailed;
    }
    const running = await startShardingManager({ ...settings, DISCORD_TOKEN: token }, entryScript(), logger);
    await untilSignal(logger);
    await running.stop();
    logger.info("all shards stopped");
    // discord.js keeps the shards' IPC pipes and its HTTP agent open after the shards are gone;
    // the manager has written nothing to standard output, so ending here loses nothing.
    process.exit(ExitCode.ok);
  }
  const opened = await openKnowledgeService(settings, logger);
  if (!opened.ok) {
    reportIssues(opened.issues, io);
    return ExitCode.checkFailed;
  }
  const knowledge = opened.value;
  const stopWatching = knowledge.watch();
  // The shell's /knowledge reload: applies a change the watcher held (kill -HUP, systemctl reload).
  const reloadOnHangUp = () =>
    void knowledge.reload("SIGHUP").catch((error: unknown) => logger.error({ err: error }, "reload failed"));
  process.on("SIGHUP", reloadOnHangUp);
  const bot = await startBot({ ...settings, DISCORD_TOKEN: token }, knowledge, logger);
  const code = await Promise.race([bot.stopped, untilSignal(logger).then(() => 0)]);
  await bot.stop();
  stopWatching();
  process.off("SIGHUP", reloadOnHangUp);
  return code;
};

/** The script being run: the shard processes run it again. */
function entryScript(): string {
  return process.argv[1] ?? "dist/src/cli/main.js";
}

/** Resolves on the first SIGINT or SIGTERM: a clean stop, as Ctrl+C and service managers expect. */
function untilSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      logger.info({ signal }, "shutting down");
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
