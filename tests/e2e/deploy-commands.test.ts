import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIO } from "../support/capture.js";
import { type DiscordStandIn, defaultGuild, startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { freePort } from "../support/local-http.js";

describe("npm run deploy-commands against the stand-in", () => {
  let standIn: DiscordStandIn;
  let env: NodeJS.ProcessEnv;
  let home: string;
  let stranger: string;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({
      guilds: [defaultGuild({ name: "Operators" }), defaultGuild({ name: "A stranger's server" })],
    });
    home = standIn.guilds[0]?.id ?? "";
    stranger = standIn.guilds[1]?.id ?? "";
    // One server that is both the development guild and the home server: a single-server deployment.
    env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_URL: standIn.apiUrl,
      GUILD_ID: home,
      ADMIN_GUILD_ID: home,
    };
  });

  const puts = () => standIn.requests.filter((request) => request.method === "PUT");

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
      "privacy",
      "setup",
      "statement",
      "topics",
    ]);
    const ask = commands.find((command) => command.name === "ask") as Json;
    expect(ask.name_localizations).toEqual({ de: "frage" });
    expect(ask.options[0]).toMatchObject({ name: "question", autocomplete: true, required: true });
    expect(io.stdout.text).toMatch(/Registered 8 commands for guild/);
    const knowledge = commands.find((command) => command.name === "knowledge") as Json;
    // Only members with Manage Server see the moderator command, and only in servers.
    expect(knowledge.default_member_permissions).toBe("32");
    expect(knowledge.contexts).toEqual([0]);
    // Server admins set the bot up for their server; everyone may see and delete their own data.
    const setup = commands.find((command) => command.name === "setup") as Json;
    expect(setup.name_localizations).toEqual({ de: "einrichten" });
    expect(setup.default_member_permissions).toBe("32");
    const privacy = commands.find((command) => command.name === "privacy") as Json;
    expect(privacy.name_localizations).toEqual({ de: "datenschutz" });
    expect(privacy.contexts).toEqual([0, 1]);
    // The application id came from the API, as no DISCORD_APPLICATION_ID was set.
    expect(
      standIn.requests.some((request) => request.method === "GET" && request.path === "/applications/@me"),
    ).toBe(true);
  });

  it("registers the public commands globally with --global, and /knowledge to the home server only", async () => {
    standIn.clearRequests();
    const io = captureIO({ ...env, DISCORD_APPLICATION_ID: standIn.applicationId });
    expect(await runCli(["deploy-commands", "--global"], io)).toBe(0);
    expect(puts().map((request) => request.path)).toEqual([
      `/applications/${standIn.applicationId}/commands`,
      `/applications/${standIn.applicationId}/guilds/${home}/commands`,
    ]);
    expect(io.stdout.text).toMatch(/global/);
    expect(io.stdout.text).toMatch(
      /Registered 1 commands for guild \d+ \(the home server, ADMIN_GUILD_ID\): \/knowledge/,
    );
    // What a stranger's server is offered, asked of the API: the global commands and its own.
    const offered = async (path: string) =>
      (
        (await (
          await fetch(`${standIn.apiUrl}/v10/applications/${standIn.applicationId}${path}`, {
            headers: { authorization: `Bot ${standIn.token}` },
          })
        ).json()) as Json[]
      ).map((command) => command.name as string);
    const strangerSees = [
      ...(await offered("/commands")),
      ...(await offered(`/guilds/${stranger}/commands`)),
    ];
    expect(strangerSees).toContain("setup");
    expect(strangerSees).not.toContain("knowledge");
    expect(standIn.commandsVisibleIn(stranger)).not.toContain("knowledge");
    expect(standIn.commandsVisibleIn(stranger)).toContain("ask");
    expect(standIn.commandsVisibleIn(home)).toContain("knowledge");
    expect(standIn.commandsVisibleIn(home).filter((name) => name === "knowledge")).toHaveLength(1);
  });

  it("with GUILD_ID for development, registers the public commands there and still /knowledge only at home", async () => {
    // A global /knowledge registered by an older version would reach every server: it is removed.
    const older = await fetch(`${standIn.apiUrl}/v10/applications/${standIn.applicationId}/commands`, {
      method: "POST",
      headers: { authorization: `Bot ${standIn.token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "knowledge", description: "from an older version" }),
    });
    expect(older.status).toBe(201);
    expect(standIn.commandsVisibleIn(stranger)).toContain("knowledge");
    standIn.clearRequests();
    const io = captureIO({ ...env, GUILD_ID: stranger });
    expect(await runCli(["deploy-commands"], io)).toBe(0);
    expect(puts().map((request) => request.path)).toEqual([
      `/applications/${standIn.applicationId}/guilds/${stranger}/commands`,
      `/applications/${standIn.applicationId}/guilds/${home}/commands`,
    ]);
    expect(standIn.commands.get(stranger)?.map((command) => command.name)).not.toContain("knowledge");
    expect(standIn.commands.get(home)?.map((command) => command.name)).toEqual(["knowledge"]);
    expect(standIn.commandsVisibleIn(stranger)).not.toContain("knowledge");
  });

  it("without ADMIN_GUILD_ID registers /knowledge nowhere and says so", async () => {
    standIn.clearRequests();
    const io = captureIO({ ...env, ADMIN_GUILD_ID: "", GUILD_ID: "" });
    expect(await runCli(["deploy-commands"], io)).toBe(0);
    expect(puts().map((request) => request.path)).toEqual([
      `/applications/${standIn.applicationId}/commands`,
    ]);
    expect((puts()[0]?.body as Json[] | undefined)?.map((command) => command.name)).not.toContain(
      "knowledge",
    );
    expect(io.stderr.text).toMatch(/ADMIN_GUILD_ID is not set: \/knowledge is not registered/);
    expect(standIn.commandsVisibleIn(stranger)).not.toContain("knowledge");
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
