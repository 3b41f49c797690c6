import { parseArgs } from "node:util";
import { REST_TIMEOUT_MS } from "../discord/client.js";
import { describeConnectFailure } from "../discord/connect-failure.js";
import { deployCommands } from "../discord/deploy.js";
import { type CliCommand, ExitCode, writeLine } from "./io.js";
import { NO_TOKEN_MESSAGE, settingsOrReport } from "./settings-or-report.js";

export const deployCommand: CliCommand = async (args, io) => {
  const { values } = parseArgs({ args: [...args], options: { global: { type: "boolean" } } });
  const settings = settingsOrReport(io);
  if (!settings) return ExitCode.usage;
  const token = settings.DISCORD_TOKEN;
  if (!token) {
    writeLine(io.stderr, NO_TOKEN_MESSAGE);
    return ExitCode.usage;
  }
  try {
    const result = await deployCommands({ ...settings, DISCORD_TOKEN: token }, values.global ?? false);
    const where =
      result.scope === "guild"
        ? `guild ${result.guildId}`
        : "all guilds (global; may take up to an hour to appear)";
    writeLine(
      io.stdout,
      `Registered ${result.commands.length} commands for ${where}: ${result.commands.map((name) => `/${name}`).join(", ")}`,
    );
    return ExitCode.ok;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const reason =
      status === 401
        ? "Discord rejected the token (401): check DISCORD_TOKEN."
        : status === 403
          ? "Discord refused (403): is the bot in that guild (GUILD_ID), invited with the applications.commands scope?"
          : `Could not register the commands. ${describeConnectFailure(error, settings.DISCORD_API_URL, REST_TIMEOUT_MS)}`;
    writeLine(io.stderr, reason);
    return ExitCode.checkFailed;
  }
};
