import {
  REST,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
} from "discord.js";
import type { Settings } from "../config/settings.js";
import { REST_TIMEOUT_MS } from "./client.js";
import { slashCommands } from "./commands/index.js";

export interface DeployResult {
  readonly scope: "guild" | "global";
  readonly guildId?: string;
  readonly applicationId: string;
  readonly commands: readonly string[];
}

/**
 * Registers the slash commands: with GUILD_ID to that guild (instant, for development), otherwise
 * (or with `global`) for every guild, which Discord may take a while to show.
 */
export async function deployCommands(
  settings: Settings & { DISCORD_TOKEN: string },
  global: boolean,
): Promise<DeployResult> {
  const rest = new REST({ api: settings.DISCORD_API_URL, timeout: REST_TIMEOUT_MS }).setToken(
    settings.DISCORD_TOKEN,
  );
  const applicationId =
    settings.DISCORD_APPLICATION_ID ??
    ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const body = [...slashCommands.values()].map((command) => command.data);
  const guildId = global ? undefined : settings.GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: guildId ? "guild" : "global",
    ...(guildId ? { guildId } : {}),
    applicationId,
    commands: registered.map((command) => command.name),
  };
}
