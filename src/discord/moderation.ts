import { type ChatInputCommandInteraction, type Interaction, PermissionFlagsBits } from "discord.js";
import type { Settings } from "../config/settings.js";
import { inHomeServer } from "./home-server.js";

/**
 * Whether the user may change the knowledge: only in the operators' home server, and there
 * Manage Server or one of MODERATOR_ROLE_IDS. Discord hides /knowledge from members without
 * Manage Server (default_member_permissions), but server admins can grant it to others, so the
 * bot checks again. A role id means nothing in another server, where anyone may name a role so.
 */
export function isModerator(
  interaction: Interaction | ChatInputCommandInteraction,
  settings: Pick<Settings, "MODERATOR_ROLE_IDS" | "ADMIN_GUILD_ID">,
): boolean {
  if (!interaction.inGuild() || !inHomeServer(interaction, settings)) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member.roles;
  const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return roleIds.some((roleId) => settings.MODERATOR_ROLE_IDS.includes(roleId));
}

/**
 * Whether the user may set the bot up for this server (/setup): Manage Server here. Discord shows
 * the command only to them (default_member_permissions), and server admins can change that, so
 * the bot checks again.
 */
export function isServerAdmin(interaction: Interaction): boolean {
  return (
    interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false)
  );
}

/** How a moderator is named in logs and the audit channel: never by anything but tag and id. */
export function actorOf(interaction: Interaction): string {
  return `${interaction.user.tag} (${interaction.user.id})`;
}
