import { DiscordjsErrorCodes } from "discord.js";
import { describe, expect, it } from "vitest";
import { describeConnectFailure } from "../../src/discord/connect-failure.js";

const API = "http://127.0.0.1:9/api";

function failure(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? "x")), fields);
}

describe("why logging in failed, in plain words", () => {
  it.each([
    [
      failure({ name: "AbortError", message: "This operation was aborted" }),
      /timed out: no answer within 15 s per try/,
    ],
    [failure({ code: "ECONNREFUSED" }), /the connection was refused\. Check DISCORD_API_URL/],
    [failure({ code: "ENOTFOUND" }), /host name could not be resolved.*DNS/],
    [failure({ code: "ECONNRESET" }), /connection was dropped/],
    [failure({ code: "ENETUNREACH" }), /network is unreachable/],
    [failure({ code: DiscordjsErrorCodes.TokenInvalid }), /rejected the token \(401\).*DISCORD_TOKEN/],
    [failure({ status: 502, message: "Bad Gateway" }), /answered HTTP 502 \(Bad Gateway\)/],
    [failure({ message: "something new" }), /something new\. Check the network and DISCORD_API_URL/],
  ])("%s", (error, expected) => {
    const message = describeConnectFailure(error, API, 15_000);
    expect(message).toMatch(expected);
    if (!/token/.test(message)) expect(message).toContain(`${API} (DISCORD_API_URL)`);
    expect(message).not.toMatch(/This operation was aborted/);
  });
});
