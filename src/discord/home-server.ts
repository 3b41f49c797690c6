import { type Interaction, MessageFlags } from "discord.js";
import type { Settings } from "../config/settings.js";
import { messagesFor } from "../i18n/messages.js";
import type { Logger } from "../logging/logger.js";
import { type CommandRules, replyLanguage } from "./commands/command.js";

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
