import { type Client, ShardClientUtil } from "discord.js";

/**
 * Whether a server is this process's to judge: its shard runs here (always, unsharded). Another
 * shard's servers are never in this process's cache, so their absence here means nothing.
 */
export function isThisShardsGuild(client: Client, guildId: string): boolean {
  const shard = client.shard;
  return !shard || shard.ids.includes(ShardClientUtil.shardIdForGuildId(guildId, shard.count));
}
