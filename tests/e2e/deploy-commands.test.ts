import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIO } from "../support/capture.js";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { freePort } from "../support/local-http.js";

describe("npm run deploy-commands against the stand-in", () => {
  let standIn: DiscordStandIn;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    env = { DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, GUILD_ID: standIn.guilds[0]?.id };
  });

  afterAll(async () => {
    await standIn?.close();
  });

  it("registers every command, localised, to the development guild", async () => {
    const io = captureIO(env);
    expect(await runCli(["deploy-commands"], io)).toBe(0);
    const put = await standIn.waitForRequest(
      (request) => request.method === "PUT" && request.path.endsWith("/commands"),
    );
    expect(put.path).toBe(`/applications/${standIn.applicationId}/guilds/${env.GUILD_ID}/commands`);
    expect(put.auth).toEqual({ present: true, matched: true });
    const commands = put.body as Json[];
    expect(commands.map((command) => command.name).sort()).toEqual([
      "about",
      "ask",
      "help",
      "knowledge",
      "statement",
      "topics",
    ]);
    const ask = commands.find((command) => command.name === "ask") as Json;
    expect(ask.name_localizations).toEqual({ de: "frage" });
    expect(ask.options[0]).toMatchObject({ name: "question", autocomplete: true, required: true });
    expect(io.stdout.text).toMatch(/Registered 6 commands for guild/);
    const knowledge = commands.find((command) => command.name === "knowledge") as Json;
    // Only members with Manage Server see the moderator command, and only in servers.
    expect(knowledge.default_member_permissions).toBe("32");
    expect(knowledge.contexts).toEqual([0]);
    // The application id came from the API, as no DISCORD_APPLICATION_ID was set.
    expect(
      standIn.requests.some((request) => request.method === "GET" && request.path === "/applications/@me"),
    ).toBe(true);
  });

  it("registers globally with --global even when GUILD_ID is set", async () => {
    standIn.clearRequests();
    const io = captureIO({ ...env, DISCORD_APPLICATION_ID: standIn.applicationId });
    expect(await runCli(["deploy-commands", "--global"], io)).toBe(0);
    const put = await standIn.waitForRequest((request) => request.method === "PUT");
    expect(put.path).toBe(`/applications/${standIn.applicationId}/commands`);
    expect(io.stdout.text).toMatch(/global/);
  });

  it("reports a missing token as a usage error without calling Discord", async () => {
    standIn.clearRequests();
    const io = captureIO({ ...env, DISCORD_TOKEN: "" });
    expect(await runCli(["deploy-commands"], io)).toBe(2);
    expect(io.stderr.text).toMatch(/DISCORD_TOKEN/);
    expect(standIn.requests).toEqual([]);
  });

  it("says where it tried and what to check when the API refuses the connection", async () => {
    const port = await freePort();
    const api = `http://127.0.0.1:${port}/api`;
    const io = captureIO({ ...env, DISCORD_API_URL: api });
    expect(await runCli(["deploy-commands"], io)).toBe(1);
    expect(io.stderr.text).toContain(
      `Could not register the commands. Could not connect to the Discord API at ${api} (DISCORD_API_URL): the connection was refused.`,
    );
    expect(io.stderr.text).not.toMatch(/\n\s+at /);
  });
});
