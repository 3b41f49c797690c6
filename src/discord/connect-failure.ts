import { DiscordjsErrorCodes } from "discord.js";

export const INVALID_TOKEN_MESSAGE =
  "Discord rejected the token (401). Copy a fresh token from the developer portal (Bot → Reset Token) into DISCORD_TOKEN.";

/**
 * Why logging in failed, in one sentence that says what was tried, where, and what to check —
 * instead of "This operation was aborted" or a raw `ECONNREFUSED` stack.
 */
export function describeConnectFailure(error: unknown, apiUrl: string, timeoutMs: number): string {
  const { code, name, status, message } = error as {
    code?: string | number;
    name?: string;
    status?: number;
    message?: string;
  };
  const where = `the Discord API at ${apiUrl} (DISCORD_API_URL)`;
  if (code === DiscordjsErrorCodes.TokenInvalid || status === 401) return INVALID_TOKEN_MESSAGE;
  if (name === "AbortError" || code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT")
    return `Connecting to ${where} timed out: no answer within ${Math.round(timeoutMs / 1000)} s per try. Check the network and DISCORD_API_URL.`;
  switch (code) {
    case "ECONNREFUSED":
      return `Could not connect to ${where}: the connection was refused. Check DISCORD_API_URL, and that a proxy or server there is running.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Could not connect to ${where}: its host name could not be resolved. Check the network (DNS) and DISCORD_API_URL.`;
    case "ECONNRESET":
    case "EPIPE":
      return `Could not connect to ${where}: the connection was dropped. Check the network, a proxy or firewall, and DISCORD_API_URL.`;
    case "ENETUNREACH":
    case "EHOSTUNREACH":
      return `Could not connect to ${where}: the network is unreachable. Check the machine's network connection.`;
    default:
      break;
  }
  if (typeof status === "number")
    return `Could not log in: ${where} answered HTTP ${status}${message ? ` (${message})` : ""}. Check DISCORD_API_URL and Discord's status.`;
  return `Could not connect to ${where}: ${message ?? String(error)}. Check the network and DISCORD_API_URL.`;
}
