import { type Client, type Interaction, MessageFlags } from "discord.js";
import type { Settings } from "../config/settings.js";
import { messagesFor } from "../i18n/messages.js";
import type { Logger } from "../logging/logger.js";
import { type CommandRules, replyLanguage } from "./commands/command.js";
import { isThisShardsGuild } from "./guild-shard.js";

/** Whether the interaction comes from the operators' home server; never without ADMIN_GUILD_ID. */
export function inHomeServer(interaction: Interaction, settings: Pick<Settings, "ADMIN_GUILD_ID">): boolean {
  return settings.ADMIN_GUILD_ID !== undefined && interaction.guildId === settings.ADMIN_GUILD_ID;
}

/**
 * For what is declared `homeServerOnly` (rules of a command or id scope; none: not declared): from
 * anywhere but the home server, a short private "not available here", nothing done, and a warning
 * naming the server, since it means a stale command list, a copied button, or someone trying.
 * Returns whether it refused.
 */
export async function refuseOutsideHomeServer(
  interaction: Interaction,
  rules: Pick<CommandRules, "homeServerOnly"> | undefined,
  { settings, logger }: { settings: Pick<Settings, "ADMIN_GUILD_ID">; logger: Logger },
): Promise<boolean> {
  if (!rules?.homeServerOnly || inHomeServer(interaction, settings)) return false;
  logger.warn(
    {
      requestId: interaction.id,
      guildId: interaction.guildId ?? "direct message",
      userId: interaction.user.id,
      what: "commandName" in interaction ? interaction.commandName : interaction.customId,
    },
    "refused an operators' interaction from outside the home server",
  );
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable())
    await interaction.reply({
      content: messagesFor(replyLanguage(interaction)).notAvailableHere,
      flags: MessageFlags.Ephemeral,
    });
  return true;
}

/**
 * Said once at start: /knowledge works only in a home server the bot is in. A deployment upgraded
 * without ADMIN_GUILD_ID, or with the id of a server the bot was never invited to, would otherwise
 * only find out when its moderators are told "not available here".
 */
export function reportHomeServer(
  client: Client<true>,
  { settings, logger }: { settings: Pick<Settings, "ADMIN_GUILD_ID">; logger: Logger },
): void {
  const home = settings.ADMIN_GUILD_ID;
  if (home === undefined) {
    logger.warn(
      "ADMIN_GUILD_ID is not set: /knowledge is refused in every server (the shell commands `npm run --silent knowledge -- …` still work)",
    );
  } else if (isThisShardsGuild(client, home) && !client.guilds.cache.has(home)) {
    logger.warn(
      { guildId: home },
      "the bot is not in its home server (ADMIN_GUILD_ID): /knowledge cannot be used until it is invited there",
    );
  }
}
