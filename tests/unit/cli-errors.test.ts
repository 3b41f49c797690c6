import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { formatSettingsProblems, readSettings } from "../../src/config/settings.js";
import { captureIO } from "../support/capture.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "summit-cli-errors-"));
});

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIO(env);
  const code = await runCli(argv, io);
  return { code, out: io.stdout.text, err: io.stderr.text };
}

describe("errors in plain words, with the right exit code", () => {
  it("a knowledge file that is missing or a folder is a setting to fix (2), naming file and setting", async () => {
    const missing = join(folder, "nosuch.yaml");
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [["knowledge", "check", missing], {}, /nosuch\.yaml \(given as PATH\) is missing \(no such file\)/],
      [
        ["ask", "--knowledge", missing, "hi"],
        {},
        /nosuch\.yaml \(set by --knowledge\) is missing \(no such file\)/,
      ],
      [
        ["ask", "hi"],
        { KNOWLEDGE_PATH: missing },
        /nosuch\.yaml \(set by KNOWLEDGE_PATH\) is missing \(no such file\)/,
      ],
      [["chat"], { KNOWLEDGE_PATH: missing }, /set by KNOWLEDGE_PATH\) is missing \(no such file\)/],
      [["knowledge", "check", folder], {}, /\(given as PATH\) is a folder, not a knowledge file/],
      [["start"], { KNOWLEDGE_PATH: folder }, /set by KNOWLEDGE_PATH\) is a folder/],
      [["bench", "--knowledge", missing], {}, /nosuch\.yaml \(set by --knowledge\) is missing/],
      [
        ["bench", "--evaluation", "--set", missing],
        { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
        /^The evaluation set \S+nosuch\.yaml \(set by --set\) is missing \(no such file\)\.$/m,
      ],
      [
        ["bench", "--evaluation", "--set", folder],
        { KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE },
        /\(set by --set\) is a folder, not an evaluation set/,
      ],
      [["bench", "--set", missing], {}, /^--set measures an evaluation file: use it with --evaluation\n/],
    ];
    for (const [argv, env, expected] of cases) {
      const { code, out, err } = await run(argv, env);
      expect(code, argv.join(" ")).toBe(2);
      expect(err, argv.join(" ")).toMatch(expected);
      expect(err).not.toMatch(/\n\s+at |ENOENT|EISDIR/);
      expect(out).toBe("");
    }
  });

  it("a knowledge file that is there but not valid fails the check (1) with a sentence per problem", async () => {
    const shipped = await readFile(SHIPPED_KNOWLEDGE, "utf8");
    const cases: [string, string | Buffer, RegExp][] = [
      ["empty.yaml", "", /1:1 \(document\) — the file is empty/],
      [
        "binary.yaml",
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]),
        /1:1 \(document\) — the file is not text \(it holds binary data\)/,
      ],
      [
        "text.yaml",
        "just some words\n",
        /\(document\) — the file holds a single value, not a knowledge file/,
      ],
      ["list.yaml", "- a\n- b\n", /\(document\) — the file holds a list, not a knowledge file/],
      ["no-version.yaml", shipped.replace(/^version:.*\n/m, ""), /version — is missing/],
    ];
    for (const [name, content, expected] of cases) {
      const path = join(folder, name);
      await writeFile(path, content);
      const { code, err } = await run(["knowledge", "check", path]);
      expect(code, name).toBe(1);
      expect(err, name).toMatch(expected);
      expect(err, name).not.toMatch(/Invalid input|expected object|must be text or a number/);
    }
  });

  it("DATA_DIR naming a file is a setting to fix (2), without a stack trace", async () => {
    const file = join(folder, "not-a-folder");
    await writeFile(file, "x");
    for (const argv of [
      ["knowledge", "history"],
      ["knowledge", "gaps"],
      ["knowledge", "rollback"],
    ]) {
      const { code, err } = await run(argv, { DATA_DIR: file, KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE });
      expect(code, argv.join(" ")).toBe(2);
      expect(err).toMatch(/DATA_DIR \(.*not-a-folder\) is a file, not a folder/);
      expect(err).not.toMatch(/ENOTDIR|EEXIST|\n\s+at /);
    }
    const start = await run(["start"], {
      DATA_DIR: join(file, "inside"),
      KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
      DISCORD_TOKEN: "a-token",
    });
    expect(start.code).toBe(2);
    expect(start.err).toMatch(/DATA_DIR .* is a file, not a folder/);
  });

  it("tells negative numbers their range instead of calling them no number", () => {
    const result = readSettings({ COOLDOWN_USER_SECONDS: "-5", DATA_RETENTION_DAYS: "-1" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = formatSettingsProblems(result.problems);
    expect(text).toMatch(/COOLDOWN_USER_SECONDS: must be 0 or more \(not negative\), up to 3600/);
    expect(text).toMatch(/DATA_RETENTION_DAYS: must be at least 1, up to 3650/);
    expect(text).not.toMatch(/whole number/);
    const words = readSettings({ COOLDOWN_USER_SECONDS: "soon" });
    expect(!words.ok && formatSettingsProblems(words.problems)).toMatch(
      /must be a whole number from 0 to 3600/,
    );
  });

  it("an invalid knowledge file for ask still exits 1 with nothing on stdout", async () => {
    const broken = join(folder, "broken");
    await mkdir(broken, { recursive: true });
    const path = join(broken, "summit.yaml");
    await writeFile(path, "title: [unclosed\n");
    const { code, out, err } = await run(["ask", "--json", "hello"], { KNOWLEDGE_PATH: path });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/summit\.yaml:\d+:\d+ syntax — YAML syntax error/);
  });
});
