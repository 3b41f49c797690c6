import { Client, GatewayIntentBits, Partials } from "discord.js";
import type { Settings } from "../config/settings.js";

/** Per REST request; discord.js retries a request that times out. */
export const REST_TIMEOUT_MS = 15_000;

/**
 * The discord.js client with the least it needs: Message Content only when the deployment has it
 * (MESSAGE_CONTENT_INTENT, which ask-channels need; the bot still sees DMs and mentions without
 * it), and no mention ever parsed, so
 * nothing the bot sends can ping anyone.
 */
export function createBotClient(settings: Settings): Client {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  if (settings.MESSAGE_CONTENT_INTENT) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    // DMs arrive on channels discord.js has not cached; deleted questions may be uncached too.
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: settings.DISCORD_API_URL, timeout: REST_TIMEOUT_MS },
  });
}
