import { GatewayCloseCodes } from "discord.js";

/** What an operator can do about each close code whose cause is known. */
const KNOWN_CAUSES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    "Discord rejected the token. Copy a fresh token from the developer portal (Bot → Reset Token) into DISCORD_TOKEN.",
  [GatewayCloseCodes.InvalidShard]:
    "invalid shard: the bot identified with a shard id or count Discord does not accept. Set SHARDS=auto so that Discord picks the count.",
  [GatewayCloseCodes.ShardingRequired]:
    "sharding required: the bot is in too many servers for one connection. Set SHARDS=auto (or a higher number of shards).",
  [GatewayCloseCodes.InvalidAPIVersion]:
    "invalid API version: this discord.js speaks a gateway version Discord no longer serves. Update summit-bot (and with it discord.js).",
  [GatewayCloseCodes.InvalidIntents]:
    "invalid intents: Discord did not accept the intents the bot asked for. This is a bug in summit-bot; please report it.",
  [GatewayCloseCodes.DisallowedIntents]:
    "the bot asks for the Message Content intent (MESSAGE_CONTENT_INTENT, or ASK_CHANNEL_IDS set), but it is not enabled. Enable “Message Content Intent” under Bot → Privileged Gateway Intents in the Discord developer portal, or set MESSAGE_CONTENT_INTENT=false and leave ASK_CHANNEL_IDS empty.",
};

/**
 * Why the bot stops after discord.js gave up on a gateway connection (it emits ShardDisconnect
 * only for close codes it will not reconnect after): any such code, known cause or not.
 */
export function fatalCloseMessage(code: number): string {
  const cause =
    KNOWN_CAUSES[code] ??
    "discord.js does not reconnect after this code. Check the bot's settings in the developer portal.";
  return `Discord closed the connection for good (code ${code}): ${cause}`;
}
