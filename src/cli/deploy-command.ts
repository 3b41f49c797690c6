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
    for (const registration of result.registrations) {
      const where =
        registration.scope === "guild"
          ? `guild ${registration.guildId}${registration.operators ? " (the home server, ADMIN_GUILD_ID)" : ""}`
          : "all guilds (global; may take up to an hour to appear)";
      writeLine(
        io.stdout,
        `Registered ${registration.commands.length} commands for ${where}: ${registration.commands.map((name) => `/${name}`).join(", ")}`,
      );
    }
    if (result.operatorsSkipped)
      writeLine(
        io.stderr,
        "ADMIN_GUILD_ID is not set: /knowledge is not registered anywhere (and not accepted). Set it to the operators' server to manage the knowledge from Discord; `npm run knowledge` works without it.",
      );
    return ExitCode.ok;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const reason =
      status === 401
        ? "Discord rejected the token (401): check DISCORD_TOKEN."
        : status === 403
          ? "Discord refused (403): is the bot in that guild (GUILD_ID, ADMIN_GUILD_ID), invited with the applications.commands scope?"
          : `Could not register the commands. ${describeConnectFailure(error, settings.DISCORD_API_URL, REST_TIMEOUT_MS)}`;
    writeLine(io.stderr, reason);
    return ExitCode.checkFailed;
  }
};
