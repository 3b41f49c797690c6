import { openKnowledgeService } from "../app/open-knowledge.js";
import { ensureDataDir } from "../config/data-dir.js";
import { startBot } from "../discord/bot.js";
import { startShardingManager } from "../discord/shard-manager.js";
import { messagesFor } from "../i18n/messages.js";
import { createLogger } from "../logging/logger.js";
import { openChatKnowledge, runChat } from "./chat-command.js";
import { type CliCommand, ExitCode, UsageError, writeLine } from "./io.js";
import { ensureKnowledgeReadable, knowledgeLocation, loadKnowledgeOrReport } from "./knowledge-location.js";
import { reportIssues } from "./report-issues.js";
import { NO_TOKEN_MESSAGE, settingsOrReport } from "./settings-or-report.js";
import { untilStopSignal } from "./stop-signals.js";

export const startCommand: CliCommand = async (args, io) => {
  if (args.length > 0) throw new UsageError(`start takes no arguments, got "${args.join(" ")}"`);
  const settings = settingsOrReport(io);
  if (!settings) return ExitCode.usage;
  const token = settings.DISCORD_TOKEN;
  const location = knowledgeLocation(io);
  if (!token) {
    // A newcomer without a token still gets to try the answers, in the terminal.
    if (io.stdin.isTTY && io.stdout.isTTY) {
      const knowledge = await openChatKnowledge(settings, location, io);
      if (!knowledge) return ExitCode.checkFailed;
      // No language asked for yet: the chat itself follows each question's language from here.
      writeLine(io.stdout, `${NO_TOKEN_MESSAGE}\n${messagesFor("en").chat.withoutDiscord}\n`);
      await runChat(knowledge, io, { settings });
      return ExitCode.ok;
    }
    if (!(await loadKnowledgeOrReport(location, io))) return ExitCode.checkFailed;
    writeLine(
      io.stderr,
      `${NO_TOKEN_MESSAGE}\n(Run it in a terminal to try the answers in a chat without Discord.)`,
    );
    return ExitCode.usage;
  }

  await ensureKnowledgeReadable(location);
  ensureDataDir(settings.DATA_DIR);
  const logger = createLogger(settings.LOG_LEVEL);
  // Handlers catch their own errors; this is the net under them. A rejection nobody awaited (a
  // library's, say) is logged, and the bot keeps answering instead of exiting as Node would.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  // SHARDS makes this process the manager; the shards it spawns run this same command.
  if (settings.SHARDS !== undefined && process.env.SHARDING_MANAGER === undefined) {
    const knowledge = await loadKnowledgeOrReport(location, io);
    if (!knowledge) return ExitCode.checkFailed;
    // Listening before the shards start: a signal while they connect still stops within the deadline.
    const signalled = untilStopSignal({ logger });
    const running = await startShardingManager({ ...settings, DISCORD_TOKEN: token }, entryScript(), logger);
    await signalled;
    await running.stop();
    logger.info("all shards stopped");
    logger.flush();
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
  // Listening before logging in: logging in waits on a gateway that may be gone, and a signal then
  // must still end the process within the deadline, with 0.
  const signalled = untilStopSignal({ logger }).then(() => ExitCode.ok);
  const bot = await startBot({ ...settings, DISCORD_TOKEN: token }, knowledge, logger);
  const code = await Promise.race([bot.stopped, signalled]);
  await bot.stop();
  stopWatching();
  process.off("SIGHUP", reloadOnHangUp);
  // Plain words on stderr even with LOG_LEVEL=silent: a bot that exits must say why.
  const failure = bot.failure();
  if (failure) writeLine(io.stderr, `summit-bot: ${failure}`);
  return code;
};

/** The script being run: the shard processes run it again. */
function entryScript(): string {
  return process.argv[1] ?? "dist/src/cli/main.js";
}
