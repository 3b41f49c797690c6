import { formatSettingsProblems, readSettings, type Settings } from "../config/settings.js";
import { type CliIO, writeLine } from "./io.js";

/** The validated settings, or undefined after telling the user every problem on stderr. */
export function settingsOrReport(io: CliIO): Settings | undefined {
  const result = readSettings(io.env);
  if (result.ok) return result.settings;
  writeLine(io.stderr, formatSettingsProblems(result.problems));
  return undefined;
}

export const NO_TOKEN_MESSAGE = `No Discord token is set (DISCORD_TOKEN in .env or the environment).
To connect the bot to Discord, follow the README section “Connect the bot to Discord”.`;
