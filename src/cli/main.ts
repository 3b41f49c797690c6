#!/usr/bin/env node
import dotenv from "dotenv";
import type { CliIO } from "./io.js";
import { runCli } from "./run-cli.js";

// quiet: dotenv would otherwise print a banner on stdout, which carries only command results.
dotenv.config({ quiet: true });

// A reader that stops early (`| head`) closes the pipe: that ends the command, it is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

/** After the bot has stopped, what discord.js leaves open (its HTTP agent, a reconnect timer) must not hold the process. */
const BOT_EXIT_GRACE_MS = 1_000;

const io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
const argv = process.argv.slice(2);
process.exitCode = await runCli(argv, io);
// Only the bot: it writes nothing to stdout that an early exit could cut off. An unref'd timer
// fires only if something else still keeps the process alive.
if (argv[0] === "start") setTimeout(() => process.exit(), BOT_EXIT_GRACE_MS).unref();
