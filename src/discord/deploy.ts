import {
  type REST as DiscordRest,
  REST,
  type RESTGetAPIApplicationCommandsResult,
  type RESTGetCurrentApplicationResult,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
} from "discord.js";
import type { Settings } from "../config/settings.js";
import { REST_TIMEOUT_MS } from "./client.js";
import { commandModules } from "./commands/index.js";

/** One set of commands registered in one place. */
export interface Registration {
  readonly scope: "guild" | "global";
  readonly guildId?: string;
  readonly commands: readonly string[];
  /** Whether these are the operators' commands (the home server's). */
  readonly operators: boolean;
}

export interface DeployResult {
  readonly applicationId: string;
  readonly registrations: readonly Registration[];
  /** Whether the operators' commands were left out because ADMIN_GUILD_ID is not set. */
  readonly operatorsSkipped: boolean;
}

type CommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Registers the slash commands. The public ones go to GUILD_ID (instant, for development) or, without
 * it or with `global`, to every server (Discord may take a while to show them). The operators'
 * commands (/knowledge) go to ADMIN_GUILD_ID as guild commands and nowhere else: without it they
 * are not registered at all, and a global /knowledge left from an earlier deployment is removed.
 * A PUT replaces a scope's whole list, so where the two sets meet (GUILD_ID = ADMIN_GUILD_ID) they
 * are sent together.
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
  const publicCommands = commandModules
    .filter((command) => !command.rules.homeServerOnly)
    .map((command) => command.data);
  const operatorCommands = commandModules
    .filter((command) => command.rules.homeServerOnly)
    .map((command) => command.data);
  const home = settings.ADMIN_GUILD_ID;
  const publicGuild = global ? undefined : settings.GUILD_ID;

  const registrations: Registration[] = [];
  if (publicGuild !== undefined && publicGuild === home) {
    registrations.push(
      await register(rest, applicationId, home, [...publicCommands, ...operatorCommands], true),
    );
  } else {
    registrations.push(await register(rest, applicationId, publicGuild, publicCommands, false));
    if (home !== undefined)
      registrations.push(await register(rest, applicationId, home, operatorCommands, true));
  }
  // A global list is replaced by the PUT above; a guild deployment leaves the global one alone,
  // so an operators' command registered globally by an older version is removed here.
  if (publicGuild !== undefined) await removeGlobalOperatorCommands(rest, applicationId);
  return { applicationId, registrations, operatorsSkipped: home === undefined };
}

async function register(
  rest: DiscordRest,
  applicationId: string,
  guildId: string | undefined,
  body: readonly CommandBody[],
  operators: boolean,
): Promise<Registration> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: guildId ? "guild" : "global",
    ...(guildId ? { guildId } : {}),
    commands: registered.map((command) => command.name),
    operators,
  };
}

async function removeGlobalOperatorCommands(rest: DiscordRest, applicationId: string): Promise<void> {
  const global = (await rest.get(
    Routes.applicationCommands(applicationId),
  )) as RESTGetAPIApplicationCommandsResult;
  const operators = new Set(operatorCommandNames());
  for (const command of global) {
    if (operators.has(command.name)) await rest.delete(Routes.applicationCommand(applicationId, command.id));
  }
}

function operatorCommandNames(): string[] {
  return commandModules.filter((command) => command.rules.homeServerOnly).map((command) => command.data.name);
}
