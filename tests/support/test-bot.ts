import { once } from "node:events";
import { KnowledgeStore } from "../../src/app/knowledge-store.js";
import { readSettings, type Settings } from "../../src/config/settings.js";
import { type RunningBot, startBot } from "../../src/discord/bot.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { silentLogger } from "../../src/logging/logger.js";
import type { DiscordStandIn } from "./discord-standin.js";

export const SHIPPED_KNOWLEDGE = new URL("../../knowledge/summit.yaml", import.meta.url).pathname;

export interface TestBot {
  readonly bot: RunningBot;
  readonly store: KnowledgeStore;
  readonly settings: Settings;
}

/**
 * The real bot, configured only through settings as an operator would: the stand-in is reached
 * through DISCORD_API_URL and nothing else.
 */
export async function startTestBot(
  standIn: DiscordStandIn,
  env: Record<string, string> = {},
): Promise<TestBot> {
  const result = readSettings({
    DISCORD_TOKEN: standIn.token,
    DISCORD_API_URL: standIn.apiUrl,
    KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
    ...env,
  });
  if (!result.ok) throw new Error(`test settings invalid: ${JSON.stringify(result.problems)}`);
  const loaded = await loadKnowledgeFile(result.settings.KNOWLEDGE_PATH);
  if (!loaded.ok) throw new Error(`test knowledge invalid: ${loaded.issues[0]?.message}`);
  const store = new KnowledgeStore(loaded.value);
  const bot = await startBot(result.settings, store, silentLogger());
  if (!bot.client.isReady()) await once(bot.client, "clientReady");
  return { bot, store, settings: result.settings };
}
