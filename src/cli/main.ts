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

const io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
process.exitCode = await runCli(process.argv.slice(2), io);
