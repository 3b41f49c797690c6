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

/** Every name path a command definition holds: the command, its subcommands, their options. */
function partsOf(data: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  const walk = (prefix: string, options: readonly APIApplicationCommandOption[] | undefined): string[] =>
    (options ?? []).flatMap((option) => {
      const path = `${prefix} ${option.name}`;
      const nested = "options" in option ? (option.options as APIApplicationCommandOption[]) : undefined;
      return [path, ...walk(path, nested)];
    });
  return [data.name, ...walk(data.name, data.options)];
}

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
      expect(command.data.description_localizations?.de).toBeTruthy();

      expect(typeof command.rules.cooldown).toBe("boolean");
      expect(typeof command.rules.moderatorsOnly).toBe("boolean");
      expect(typeof command.rules.serverAdminsOnly).toBe("boolean");
      expect(typeof command.rules.homeServerOnly).toBe("boolean");
      // Discord hides a moderators' or admins' command from others; the rule checks again for
      // permissions granted otherwise.
      expect(Boolean(command.data.default_member_permissions)).toBe(
        command.rules.moderatorsOnly || command.rules.serverAdminsOnly,
      );

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

  it("declare rules for every family of buttons and menus", () => {
    for (const kind of componentKinds.values()) {
      expect(typeof kind.rules.cooldown).toBe("boolean");
      expect(typeof kind.rules.moderatorsOnly).toBe("boolean");
    }
  });
});
