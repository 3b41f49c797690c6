/**
 * Every command's usage, in one place: `--help` prints it on standard output and every usage error
 * repeats it on standard error. Kept apart from the commands so that printing it loads none of them.
 */
export const COMMAND_USAGE = {
  start: `usage: summit-bot start
  Run the Discord bot (DISCORD_TOKEN); without a token, the terminal chat in a terminal.
  Settings come from the environment or .env (see .env.example).`,
  chat: `usage: summit-bot chat [--lang de|en] [--knowledge PATH]
  Ask questions in the terminal, as you would in Discord; /help there lists the chat's commands.`,
  ask: `usage: summit-bot ask [--json] [--lang de|en] [--knowledge PATH] [QUESTION]
  Answer QUESTION, or without it one question per line of standard input.`,
  knowledge: `usage: summit-bot knowledge <command>
  check [PATH]                  validate a knowledge file and print a summary
  export --json [--all] [PATH]  print the statements (or with --all the whole document) as JSON
  diff A B                      what B adds, removes and changes compared with A
  history                       the versions kept in DATA_DIR/history, newest first
  rollback [VERSION]            restore a kept version into KNOWLEDGE_PATH (default: the one served
                                before the current one; again: one further back)
  teach STATEMENT_ID QUESTION   add QUESTION to the statement's example questions
  out-of-scope PHRASE           add PHRASE to outOfScope: questions resting on it are declined
  gaps [--csv] [--server ID]    unanswered questions (similar ones grouped, each with its id) and
                                answers voted down, from every server or only the one with that id
  forget-all --yes              delete every stored question and vote (when the salt is lost)
Options of rollback, teach and out-of-scope: --knowledge PATH (default KNOWLEDGE_PATH)`,
  "deploy-commands": `usage: summit-bot deploy-commands [--global]
  Register the slash commands: to GUILD_ID, or to every server with --global or without GUILD_ID.`,
  bench: `usage: summit-bot bench [--json] [--knowledge PATH] [--evaluation [--set FILE.yaml] | --calibrate | --teaching]
  Measure answer quality on the evaluation set and speed on synthetic knowledge.
  --evaluation       quality and certainty only (seconds, not minutes)
  --set FILE.yaml    with --evaluation: measure this evaluation file instead of the shipped parts
  --calibrate        fit the confidence model on the tuning part, check it on the held-out part
  --teaching         only what teaching 50 missed tuning questions buys on the held-out part`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export const TOP_USAGE = `usage: summit-bot <command> [options]   (summit-bot <command> --help for its options)
  start              run the Discord bot (or the terminal chat when no token is set)
  chat               ask questions in the terminal, as you would in Discord
  ask [QUESTION]     answer one question, or one per line from standard input
  knowledge ...      check, export, diff, history, rollback, gaps, teach and out-of-scope
  deploy-commands    register the slash commands with Discord
  bench              measure search speed and quality`;

export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_USAGE, name);
}

/** `--help` or `-h` before a `--` that ends the options. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

/**
 * Node's parseArgs messages, said plainly: they otherwise suggest `--` quoting that npm users
 * cannot follow, and name no command.
 */
export function plainParseError(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return error.message.includes("argument missing")
        ? `${option ?? "an option"} needs a value`
        : `${option ?? "an option"} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const word = /'([^']*)'/.exec(error.message)?.[1];
      return word === undefined ? "unexpected argument" : `unexpected argument "${word}"`;
    }
    default:
      return error.message;
  }
}
