import { type CliCommand, type CliIO, ExitCode, UsageError, writeLine } from "./io.js";
import { knowledgeCommand } from "./knowledge-command.js";

const USAGE = `usage: summit-bot <command> [options]
  start              run the Discord bot (or the terminal chat when no token is set)
  chat               ask questions in the terminal, as you would in Discord
  ask [QUESTION]     answer one question, or one per line from standard input
  knowledge ...      check or export the knowledge file
  deploy-commands    register the slash commands with Discord
  bench              measure search speed and quality`;

const commands: Record<string, () => Promise<CliCommand>> = {
  knowledge: async () => knowledgeCommand,
  ask: async () => (await import("./ask-command.js")).askCommand,
  chat: async () => (await import("./chat-command.js")).chatCommand,
  bench: async () => (await import("./bench-command.js")).benchCommand,
  start: async () => (await import("./start-command.js")).startCommand,
  "deploy-commands": async () => (await import("./deploy-command.js")).deployCommand,
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : commands[name];
  try {
    if (!load) throw new UsageError(name === undefined ? USAGE : `unknown command "${name}"\n${USAGE}`);
    return await (await load())(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      writeLine(io.stderr, (error as Error).message);
      return ExitCode.usage;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
