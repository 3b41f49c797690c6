import { once } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KnowledgeService } from "../app/knowledge-service.js";
import { openKnowledgeService } from "../app/open-knowledge.js";
import { projectRoot } from "../app/project-root.js";
import { readSettings, type Settings } from "../config/settings.js";
import { type RunningBot, startBot } from "../discord/bot.js";
import type { FeedbackStore } from "../feedback/feedback-store.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../knowledge/load.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { DiscordStandIn } from "./discord-standin.js";

// From the project root, not "../../": the bench runs this file compiled, from dist/src/standin.
export const SHIPPED_KNOWLEDGE = join(projectRoot(), DEFAULT_KNOWLEDGE_PATH);

export interface BotOnStandIn {
  readonly bot: RunningBot;
  /** The bot's own feedback store, to check what it stored. */
  readonly feedback: () => FeedbackStore;
  readonly knowledge: KnowledgeService;
  readonly settings: Settings;
}

/** Settings as an operator would give them, with a fresh data folder per call. */
export async function standInSettings(env: Record<string, string>): Promise<Settings> {
  const dataDir = await mkdtemp(join(tmpdir(), "summit-bot-test-"));
  const result = readSettings({ KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE, DATA_DIR: dataDir, ...env });
  if (!result.ok) throw new Error(`test settings invalid: ${JSON.stringify(result.problems)}`);
  return result.settings;
}

export async function openStandInKnowledge(
  settings: Settings,
  logger: Logger = silentLogger(),
): Promise<KnowledgeService> {
  const opened = await openKnowledgeService(settings, logger);
  if (!opened.ok) throw new Error(`test knowledge invalid: ${opened.issues[0]?.message}`);
  return opened.value;
}

/**
 * The real bot, configured only through settings as an operator would: the stand-in is reached
 * through DISCORD_API_URL and nothing else.
 */
export async function startBotOnStandIn(
  standIn: DiscordStandIn,
  env: Record<string, string> = {},
  logger: Logger = silentLogger(),
): Promise<BotOnStandIn> {
  // Tests ask many questions in a row as one user: cooldowns are off unless a test turns them on.
  const settings = await standInSettings({
    DISCORD_TOKEN: standIn.token,
    DISCORD_API_URL: standIn.apiUrl,
    COOLDOWN_USER_SECONDS: "0",
    // The first guild is the operators' home server, as in a single-server deployment; a test may
    // name another, or none with "".
    ADMIN_GUILD_ID: standIn.guilds[0]?.id ?? "",
    ...env,
  });
  const knowledge = await openStandInKnowledge(settings, logger);
  const bot = await startBot(settings, knowledge, logger);
  if (!bot.client.isReady()) await once(bot.client, "clientReady");
  return { bot, knowledge, settings, feedback: () => bot.feedback.use((store) => store) };
}
