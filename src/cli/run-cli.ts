import { type CliCommand, type CliIO, ExitCode, SetupError, UsageError, writeLine } from "./io.js";
import { knowledgeCommand } from "./knowledge-command.js";
import {
  asksForHelp,
  COMMAND_USAGE,
  type CommandName,
  isCommandName,
  plainParseError,
  TOP_USAGE,
} from "./usage.js";

const commands: Record<CommandName, () => Promise<CliCommand>> = {
  knowledge: async () => knowledgeCommand,
  ask: async () => (await import("./ask-command.js")).askCommand,
  chat: async () => (await import("./chat-command.js")).chatCommand,
  bench: async () => (await import("./bench-command.js")).benchCommand,
  start: async () => (await import("./start-command.js")).startCommand,
  "deploy-commands": async () => (await import("./deploy-command.js")).deployCommand,
};

/**
 * Runs one command and turns what went wrong into a plain message and an exit code: usage errors
 * with the usage (2), settings problems naming the setting (2), anything unexpected as one line
 * (1) — its stack only when LOG_LEVEL asks for debug detail. Written straight to stderr, so it
 * shows even with LOG_LEVEL=silent.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    writeLine(io.stdout, TOP_USAGE);
    return ExitCode.ok;
  }
  if (!isCommandName(name)) {
    writeLine(io.stderr, name === undefined ? TOP_USAGE : `unknown command "${name}"\n${TOP_USAGE}`);
    return ExitCode.usage;
  }
  const usage = COMMAND_USAGE[name];
  if (asksForHelp(args)) {
    writeLine(io.stdout, usage);
    return ExitCode.ok;
  }
  try {
    return await (await commands[name]())(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `${error.message}\n${usage}`);
      return ExitCode.usage;
    }
    if (isParseArgsError(error)) {
      writeLine(io.stderr, `${plainParseError(error)}\n${usage}`);
      return ExitCode.usage;
    }
    if (error instanceof SetupError) {
      writeLine(io.stderr, error.message);
      return ExitCode.usage;
    }
    const detailed = io.env.LOG_LEVEL === "debug" || io.env.LOG_LEVEL === "trace";
    writeLine(
      io.stderr,
      detailed && error instanceof Error && error.stack
        ? error.stack
        : `summit-bot ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return ExitCode.checkFailed;
  }
}

function isParseArgsError(error: unknown): error is TypeError & { code: string } {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
