import { type Client, type Guild, ShardClientUtil } from "discord.js";
import { FeedbackUnavailableError } from "../feedback/feedback-service.js";
import type { BotContext } from "./context.js";

type LeavingContext = Pick<BotContext, "storedData" | "logger">;

/**
 * When the bot is removed from a server (kicked, or the server deleted), what it kept for that
 * server goes: its settings, questions and votes. An outage is not a goodbye: Discord sends it as
 * GUILD_DELETE with `unavailable: true`, which discord.js turns into GuildUnavailable and never
 * into GuildDelete. `guild.available` is not consulted here on purpose: a server that was down and
 * then removed the bot is still marked unavailable, and its data must go all the same.
 */
export function forgetLeftServer(guild: Guild, context: LeavingContext): void {
  forget(guild.id, "removed from a server: its settings and rows deleted", context);
}

/**
 * A server that removed the bot while it was offline sent no GUILD_DELETE it could see. Once
 * connected, every server the bot is in is in the cache (one still down as unavailable), so what
 * is stored for a server of this shard that is not there belongs to one the bot has left. Servers
 * of other shards are theirs to judge: this shard's cache does not hold them.
 */
export function forgetServersLeftWhileOffline(client: Client<true>, context: LeavingContext): void {
  try {
    const shard = client.shard;
    const ownedHere = (guildId: string) =>
      !shard || shard.ids.includes(ShardClientUtil.shardIdForGuildId(guildId, shard.count));
    for (const guildId of context.storedData.serverIds()) {
      if (ownedHere(guildId) && !client.guilds.cache.has(guildId))
        forget(guildId, "the bot left this server while offline: its settings and rows deleted", context);
    }
  } catch (error) {
    // With the database off (reported where it happened) the next start looks again.
    if (error instanceof FeedbackUnavailableError) return;
    context.logger.error({ err: error }, "could not look for servers the bot left while offline");
  }
}

function forget(guildId: string, why: string, context: LeavingContext): void {
  try {
    const deleted = context.storedData.forgetServer(guildId);
    context.logger.info({ guildId, deleted }, why);
  } catch (error) {
    context.logger.error({ err: error, guildId }, "could not delete the data of a server the bot left");
  }
}
