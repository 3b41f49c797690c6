import { aboutCommand } from "./about.js";
import { askCommand } from "./ask.js";
import type { SlashCommand } from "./command.js";
import { helpCommand } from "./help.js";
import { knowledgeCommand } from "./knowledge.js";
import { privacyCommand } from "./privacy.js";
import { setupCommand } from "./setup.js";
import { statementCommand } from "./statement.js";
import { topicsCommand } from "./topics.js";

/** Every slash command the bot registers, by name. */
export const slashCommands: ReadonlyMap<string, SlashCommand> = new Map(
  [
    askCommand,
    topicsCommand,
    statementCommand,
    aboutCommand,
    helpCommand,
    setupCommand,
    privacyCommand,
    knowledgeCommand,
  ].map((command) => [command.data.name, command]),
);
