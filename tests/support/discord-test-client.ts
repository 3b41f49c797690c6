/**
 * A discord.js Client wired to a Discord stand-in, plus a login helper that waits for `clientReady`
 * (not just `login()`, which resolves at READY, before the guilds have arrived).
 */
import { once } from "node:events";
import type { ClientOptions } from "discord.js";
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import type { DiscordStandIn } from "./discord-standin.js";

export function createTestClient(standIn: DiscordStandIn, options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...options,
    // The CDN is never fetched by discord.js itself, but point it home too so no URL leads to Discord.
    rest: { ...options.rest, api: standIn.apiUrl, cdn: `${standIn.origin}/cdn` },
  });
}

/** Logs in with the stand-in's token and resolves once discord.js has emitted `clientReady`. */
export async function loginAndWaitReady(
  client: Client,
  standIn: DiscordStandIn,
  timeoutMs = 10_000,
): Promise<Client<true>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const ready = once(client, Events.ClientReady, { signal: controller.signal });
  // A failed login must not leave `ready` as an unhandled rejection once the controller aborts.
  ready.catch(() => undefined);
  try {
    await client.login(standIn.token);
    await ready;
  } catch (error) {
    if (controller.signal.aborted) {
      throw new Error(`discord.js did not emit clientReady within ${timeoutMs} ms`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  if (!client.isReady()) throw new Error("clientReady fired but the client is not ready");
  return client;
}
