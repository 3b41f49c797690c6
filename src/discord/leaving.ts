import type { Guild } from "discord.js";
import type { BotContext } from "./context.js";

/**
 * When the bot is removed from a server (kicked, or the server deleted), what it kept for that
 * server goes: its settings, questions and votes. An outage is not a goodbye: Discord sends it as
 * GUILD_DELETE with `unavailable: true`, which discord.js turns into GuildUnavailable and never
 * into GuildDelete. `guild.available` is not consulted here on purpose: a server that was down and
 * then removed the bot is still marked unavailable, and its data must go all the same.
 */
export function forgetLeftServer(guild: Guild, context: Pick<BotContext, "storedData" | "logger">): void {
  try {
    const deleted = context.storedData.forgetServer(guild.id);
    context.logger.info(
      { guildId: guild.id, deleted },
      "removed from a server: its settings and rows deleted",
    );
  } catch (error) {
    context.logger.error(
      { err: error, guildId: guild.id },
      "could not delete the data of a server the bot left",
    );
  }
}
