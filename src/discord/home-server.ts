import { type Interaction, MessageFlags } from "discord.js";
import type { Settings } from "../config/settings.js";
import { messagesFor } from "../i18n/messages.js";
import type { Logger } from "../logging/logger.js";
import { replyLanguage } from "./commands/command.js";

/**
 * The knowledge belongs to the operators: the commands that change it or read what every server
 * asked are registered in, and accepted from, their home server (ADMIN_GUILD_ID) alone.
 */
export const HOME_SERVER_COMMANDS: ReadonlySet<string> = new Set(["knowledge"]);
/** Custom id scopes (the part before the first `:`) of the buttons, menus and modals those commands lead to. */
const HOME_SERVER_ID_SCOPES: ReadonlySet<string> = new Set(["knowledge"]);

/** Whether the interaction comes from the operators' home server; never without ADMIN_GUILD_ID. */
export function inHomeServer(interaction: Interaction, settings: Pick<Settings, "ADMIN_GUILD_ID">): boolean {
  return settings.ADMIN_GUILD_ID !== undefined && interaction.guildId === settings.ADMIN_GUILD_ID;
}

/**
 * Whether the interaction belongs to the home server only: a home-server command, or a component
 * or modal whose id says it came from one. Decided from what arrived, not from what the bot sent,
 * so a forged or stale id is caught as well as a real one.
 */
export function isHomeServerOnly(interaction: Interaction): boolean {
  if (interaction.isCommand() || interaction.isAutocomplete())
    return HOME_SERVER_COMMANDS.has(interaction.commandName);
  if (interaction.isMessageComponent() || interaction.isModalSubmit())
    return HOME_SERVER_ID_SCOPES.has(interaction.customId.split(":", 1)[0] ?? "");
  return false;
}

/**
 * Turns a home-server interaction from anywhere else away: a short private "not available here",
 * nothing done, and a warning naming the server, since it means a stale command list or someone
 * trying. Returns whether it refused.
 */
export async function refuseOutsideHomeServer(
  interaction: Interaction,
  settings: Pick<Settings, "ADMIN_GUILD_ID">,
  logger: Logger,
): Promise<boolean> {
  if (!isHomeServerOnly(interaction) || inHomeServer(interaction, settings)) return false;
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
