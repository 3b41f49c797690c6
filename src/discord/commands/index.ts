import { aboutCommand } from "./about.js";
import { askCommand } from "./ask.js";
import type { ComponentKind, SlashCommand } from "./command.js";
import { helpCommand } from "./help.js";
import { knowledgeCommand } from "./knowledge.js";
import { privacyCommand } from "./privacy.js";
import { setupCommand } from "./setup.js";
import { statementCommand } from "./statement.js";
import { topicsCommand } from "./topics.js";

/**
 * Every command module the bot has, in the order Discord and the terminal chat list them. Adding
 * a command is a module here plus its words in the two language files; the router, the component
 * dispatcher, `deploy-commands` and the terminal chat all read this list.
 */
export const commandModules: readonly SlashCommand[] = [
  askCommand,
  topicsCommand,
  statementCommand,
  aboutCommand,
  helpCommand,
  setupCommand,
  privacyCommand,
  knowledgeCommand,
];

/** Every slash command the bot registers, by name. */
export const slashCommands: ReadonlyMap<string, SlashCommand> = new Map(
  commandModules.map((command) => [command.data.name, command]),
);

/** Every family of buttons and menus, by the first part of its custom id. */
export const componentKinds: ReadonlyMap<string, ComponentKind> = byScope(
  commandModules.flatMap((command) => command.components ?? []),
);

function byScope(kinds: readonly ComponentKind[]): ReadonlyMap<string, ComponentKind> {
  const map = new Map<string, ComponentKind>();
  for (const kind of kinds) {
    // Two modules reading each other's clicks would be a silent misroute: refuse to start.
    if (map.has(kind.scope)) throw new Error(`custom id scope "${kind.scope}" is claimed twice`);
    map.set(kind.scope, kind);
  }
  return map;
}
