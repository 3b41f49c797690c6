import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/project-root.js";
import { runCli } from "../../src/cli/run-cli.js";
import { COMMAND_USAGE, isCommandName } from "../../src/cli/usage.js";
import { captureIO } from "../support/capture.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

const env = { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE };

describe("the command line's usage", () => {
  it("prints the top usage for --help, listing every command knowledge has", async () => {
    for (const help of ["--help", "-h"]) {
      const io = captureIO(env);
      expect(await runCli([help], io)).toBe(0);
      expect(io.stdout.text).toMatch(/usage: summit-bot <command>/);
      expect(io.stdout.text).toMatch(
        /knowledge .*check, export, diff, history, rollback, gaps, teach and out-of-scope/,
      );
      expect(io.stderr.text).toBe("");
    }
  });

  it("prints each command's usage on stdout for --help, exit 0, without running it", async () => {
    for (const [name, usage] of Object.entries(COMMAND_USAGE)) {
      const io = captureIO(env);
      expect(await runCli([name, "--help"], io), name).toBe(0);
      expect(io.stdout.text, name).toBe(`${usage}\n`);
    }
    const io = captureIO(env);
    expect(await runCli(["knowledge", "check", "--help"], io)).toBe(0);
    expect(io.stdout.text).toMatch(/check \[PATH\]/);
  });

  it("lists in each command's usage every option the README shows for it", async () => {
    const readme = await readFile(join(projectRoot(), "README.md"), "utf8");
    const calls = [...readme.matchAll(/^npm run --silent ([a-z-]+)(.*)$/gm)];
    expect(calls.length).toBeGreaterThan(5);
    for (const [line, script = "", rest = ""] of calls) {
      expect(isCommandName(script), line).toBe(true);
      const usage = COMMAND_USAGE[script as keyof typeof COMMAND_USAGE];
      for (const option of rest.replace(/#.*/, "").match(/--[a-z][a-z-]*/g) ?? [])
        expect(usage, `${option} in ${line}`).toContain(option);
    }
  });

  it("answers unknown options and missing values with a plain message and the usage, exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["ask", "--bogus", "x"], /^unknown option --bogus\nusage: summit-bot ask/],
      [["ask", "--lang"], /^--lang needs a value\nusage: summit-bot ask/],
      [["chat", "--lang", "fr"], /^--lang must be de or en, not "fr"\nusage: summit-bot chat/],
      [["knowledge", "history", "extra"], /^unexpected argument "extra"\nusage: summit-bot knowledge/],
      [["knowledge", "gaps", "extra"], /^unexpected argument "extra"\nusage: summit-bot knowledge/],
      [["knowledge", "rollback", "a", "b"], /^expected at most one VERSION, got 2\nusage:/],
      [["knowledge"], /^knowledge needs a command\nusage: summit-bot knowledge/],
      [["knowledge", "nope"], /^unknown knowledge command "nope"\nusage:/],
      [
        ["deploy-commands", "--everywhere"],
        /^unknown option --everywhere\nusage: summit-bot deploy-commands/,
      ],
      [["start", "now"], /^start takes no arguments, got "now"\nusage: summit-bot start/],
      [["frobnicate"], /^unknown command "frobnicate"\nusage: summit-bot <command>/],
    ];
    for (const [argv, expected] of cases) {
      const io = captureIO(env);
      expect(await runCli(argv, io), argv.join(" ")).toBe(2);
      expect(io.stderr.text, argv.join(" ")).toMatch(expected);
      expect(io.stderr.text).not.toMatch(/ERR_PARSE_ARGS|place it at the end/);
      expect(io.stdout.text).toBe("");
    }
  });

  it("does not wait on a terminal for a question: the usage instead, exit 2", async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const io = { ...captureIO(env), stdin };
    expect(await runCli(["ask"], io)).toBe(2);
    expect(io.stderr.text).toMatch(/ask needs a QUESTION[\s\S]*usage: summit-bot ask/);
  });

  it("says so when standard input is empty and no question was given, exit 2", async () => {
    const io = captureIO(env, "");
    expect(await runCli(["ask", "--json"], io)).toBe(2);
    expect(io.stdout.text).toBe("");
    expect(io.stderr.text).toMatch(/no QUESTION and standard input was empty[\s\S]*usage:/);
  });

  it("declines questions over MAX_QUESTION_LENGTH in ask and the chat with the bot's message", async () => {
    const long = `Who took part in the summit? ${"x".repeat(400)}`;
    const text = captureIO(env);
    expect(await runCli(["ask", long], text)).toBe(0);
    expect(text.stdout.text).toMatch(/too long for me — please keep it under 300 characters/);

    const json = captureIO(
      { ...env, MAX_QUESTION_LENGTH: "40" },
      `${"Wer hat am Gipfel teilgenommen, und wann genau?"}\nAfghanistan?\n`,
    );
    expect(await runCli(["ask", "--json"], json)).toBe(0);
    const [tooLong, fine] = json.stdout.lines.map((line) => JSON.parse(line));
    expect(tooLong).toMatchObject({ answered: false, outcome: "too-long", language: "de", passages: [] });
    expect(tooLong.message).toMatch(/zu lang.*40 Zeichen/);
    expect(fine.answered).toBe(true);

    const chat = captureIO(env, `${long}\n/quit\n`);
    expect(await runCli(["chat"], chat)).toBe(0);
    expect(chat.stdout.text).toMatch(/too long for me — please keep it under 300 characters/);
    expect(chat.stdout.text).not.toMatch(/Tokayev/);
  });
});
