import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { describe, expect, it } from "vitest";
import { FollowUpMemory } from "../../src/app/follow-up-memory.js";
import { runCli } from "../../src/cli/run-cli.js";
import { commandModules, componentKinds, slashCommands } from "../../src/discord/commands/index.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { captureIO } from "../support/capture.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

/** A command, subcommand or option as Discord receives it, with its English name path. */
interface CommandNode {
  readonly path: string;
  readonly name: string;
  readonly name_localizations?: Partial<Record<string, string | null>> | null | undefined;
  readonly description: string;
  readonly description_localizations?: Partial<Record<string, string | null>> | null | undefined;
}

/** Every node a command definition holds: the command, its subcommands, their options. */
function nodesOf(data: RESTPostAPIChatInputApplicationCommandsJSONBody): CommandNode[] {
  const walk = (prefix: string, options: readonly APIApplicationCommandOption[] | undefined): CommandNode[] =>
    (options ?? []).flatMap((option) => {
      const path = `${prefix} ${option.name}`;
      const nested = "options" in option ? (option.options as APIApplicationCommandOption[]) : undefined;
      return [{ ...option, path }, ...walk(path, nested)];
    });
  return [
    { ...data, path: data.name, description: data.description ?? "" },
    ...walk(data.name, data.options),
  ];
}

function partsOf(data: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  return nodesOf(data).map((node) => node.path);
}

/** Discord's rule for command and option names in every locale: lowercase, 1 to 32 word characters. */
const DISCORD_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** Shared options are named alone in the language files. */
function inLanguageFiles(path: string): boolean {
  const words = messagesFor("en").commands as Readonly<Record<string, unknown>>;
  const german = messagesFor("de").commands as Readonly<Record<string, unknown>>;
  const alone = path.slice(path.lastIndexOf(" ") + 1);
  return (path in words && path in german) || (alone in words && alone in german);
}

describe("the command modules", () => {
  it("are registered once each, by name", () => {
    expect(slashCommands.size).toBe(commandModules.length);
  });

  it.each(commandModules.map((command) => [command.data.name, command] as const))(
    "/%s is localised, declares its rules and has a chat entry",
    async (_name, command) => {
      for (const part of partsOf(command.data)) expect(inLanguageFiles(part), part).toBe(true);
      const siblings = new Map<string, string[]>();
      for (const node of nodesOf(command.data)) {
        const german = node.name_localizations?.de;
        // Without a German name a German client shows the English one: every part needs its own.
        expect(german, `German name of ${node.path}`).toMatch(DISCORD_NAME);
        expect(node.name, node.path).toMatch(DISCORD_NAME);
        const description = node.description_localizations?.de ?? "";
        expect(description.length, `German description of ${node.path}`).toBeGreaterThan(0);
        expect(description.length, `German description of ${node.path}`).toBeLessThanOrEqual(100);
        expect(node.description.length, node.path).toBeLessThanOrEqual(100);
        const parent = node.path.slice(0, Math.max(0, node.path.lastIndexOf(" ")));
        siblings.set(parent, [...(siblings.get(parent) ?? []), german ?? ""]);
      }
      // Discord refuses two options of one command (or two subcommands) with the same German name.
      for (const [parent, names] of siblings) expect(new Set(names).size, parent).toBe(names.length);

      // Discord hides a moderators' or admins' command from others; the rule checks again for
      // permissions granted otherwise.
      const restricted = command.rules.moderatorsOnly || command.rules.serverAdminsOnly;
      expect(Boolean(command.data.default_member_permissions)).toBe(restricted);
      // A restricted command's buttons act with its power: they must not be open to all.
      for (const kind of command.components ?? [])
        if (restricted)
          expect(kind.rules.moderatorsOnly || kind.rules.serverAdminsOnly, kind.scope).toBe(true);

      const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
      if (!loaded.ok) throw new Error("the shipped knowledge must load");
      const index = buildSearchIndex(loaded.value);
      const said = command.chat.run("", {
        index,
        commandList: "",
        language: "en",
        fixedLanguage: undefined,
        maxQuestionLength: 300,
        answeredIn: () => undefined,
        followUps: new FollowUpMemory(),
      });
      expect(said.trim()).not.toBe("");
    },
  );

  it("are all listed by the terminal chat's help", async () => {
    const io = captureIO({ KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE }, "/help\n/quit\n");
    expect(await runCli(["chat"], io)).toBe(0);
    for (const name of slashCommands.keys()) expect(io.stdout.text).toContain(`/${name}`);
  });

  it("route every family of buttons and menus to the one command module that declares it", () => {
    const declared = commandModules.flatMap((command) => command.components ?? []);
    expect(componentKinds.size).toBe(declared.length);
    for (const kind of declared) expect(componentKinds.get(kind.scope)).toBe(kind);
  });
});
