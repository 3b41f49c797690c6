import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { VALID_KNOWLEDGE } from "../support/broken-knowledge.js";
import { captureIO } from "../support/capture.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

/** A paraphrase that shares no word with its statement, as the README's example. */
const PARAPHRASE = "did they promise not to grab land";
const STATEMENT = "un-charter-sovereignty";

describe("changing the knowledge from the shell", () => {
  let folder: string;
  let env: NodeJS.ProcessEnv;
  let path: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "summit-cli-"));
    path = join(folder, "summit.yaml");
    await copyFile(SHIPPED_KNOWLEDGE, path);
    env = { KNOWLEDGE_PATH: path, DATA_DIR: join(folder, "data") };
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  async function run(...args: string[]) {
    const io = captureIO(env);
    const code = await runCli(args, io);
    return { code, stdout: io.stdout.text, stderr: io.stderr.text };
  }

  async function answer(question: string): Promise<{ answered: boolean; passages: { id: string }[] }> {
    return JSON.parse((await run("ask", "--json", question)).stdout);
  }

  it("teaches a declined question: ask then answers it with that statement, and one line was added", async () => {
    const declined = await answer(PARAPHRASE);
    expect(declined.answered && declined.passages[0]?.id === STATEMENT).toBe(false);
    const before = await readFile(path, "utf8");
    const taught = await run("knowledge", "teach", STATEMENT, `  ${PARAPHRASE} `);
    expect(taught.code).toBe(0);
    expect(taught.stdout).toContain(`~ ${STATEMENT} questions: + "${PARAPHRASE}"`);
    const reply = await answer(PARAPHRASE);
    expect(reply.answered).toBe(true);
    expect(reply.passages[0]?.id).toBe(STATEMENT);
    const beforeLines = before.split("\n");
    const afterLines = (await readFile(path, "utf8")).split("\n");
    expect(afterLines.length).toBe(beforeLines.length + 1);
    const added = afterLines.findIndex((line, position) => line !== beforeLines[position]);
    expect(afterLines[added]).toBe(`      - ${PARAPHRASE}`);
    expect(afterLines.toSpliced(added, 1)).toEqual(beforeLines);
  });

  it("adds an out-of-scope phrase, and warns when it shares a stem with statement words", async () => {
    const result = await run("knowledge", "out-of-scope", "Gipfel");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('~ header outOfScope: + "Gipfel"');
    expect(result.stderr).toMatch(/warning: outOfScope "Gipfel" shares the stem/);
  });

  it("exits 1 and writes nothing when the change is invalid, 2 on bad usage", async () => {
    const before = await readFile(path, "utf8");
    const gone = await run("knowledge", "teach", "no-such-statement", "Was?");
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/summit\.yaml:1:1 statements — there is no statement "no-such-statement"/);
    expect((await run("knowledge", "teach", STATEMENT)).code).toBe(2);
    expect((await run("knowledge", "out-of-scope")).code).toBe(2);
    expect(await readFile(path, "utf8")).toBe(before);
  });

  it("changes the file given with --knowledge instead of KNOWLEDGE_PATH", async () => {
    const other = join(folder, "other.yaml");
    await writeFile(other, VALID_KNOWLEDGE);
    expect((await run("knowledge", "teach", "--knowledge", other, "economy-trade", "Exporte?")).code).toBe(0);
    expect(await readFile(other, "utf8")).toContain("      - Exporte?\n");
  });

  it("walks back one version per rollback, and history marks the current one with name and author", async () => {
    for (const question of ["Erste Frage?", "Zweite Frage?", "Dritte Frage?"])
      expect((await run("knowledge", "teach", STATEMENT, question)).code).toBe(0);
    const questionsNow = async () =>
      (await readFile(path, "utf8")).match(/ - (Erste|Zweite|Dritte) Frage\?/g) ?? [];
    expect(await questionsNow()).toHaveLength(3);
    const counts: number[] = [];
    for (let call = 0; call < 3; call++) {
      expect((await run("knowledge", "rollback")).code).toBe(0);
      counts.push((await questionsNow()).length);
    }
    expect(counts).toEqual([2, 1, 0]);
    const history = (await run("knowledge", "history")).stdout.split("\n").filter(Boolean);
    expect(history).toHaveLength(7);
    expect(history[0]).toMatch(/^\* [0-9a-f]{12} {2}\S+ .* by command line.* \(rollback\)$/);
    expect(history.slice(1).every((line) => line.startsWith("  "))).toBe(true);
    expect(history.at(-1)).toMatch(/\(start-up\)$/);
  });

  it("check rejects a Latin-1 file with the line and column of the first bad byte", async () => {
    const latin1 = join(folder, "latin1.yaml");
    await writeFile(latin1, Buffer.from(VALID_KNOWLEDGE.replace("Mögliche", "Mögliche"), "latin1"));
    const result = await run("knowledge", "check", latin1);
    expect(result.code).toBe(1);
    const lines = VALID_KNOWLEDGE.split("\n");
    const line = lines.findIndex((text) => text.includes("Mögliche")) + 1;
    const column = (lines[line - 1] as string).indexOf("ö") + 1;
    expect(result.stderr).toContain(`${latin1}:${line}:${column} encoding — the file is not valid UTF-8`);
  });

  it("check warns when statements changed but version did not", async () => {
    expect((await run("knowledge", "history")).code).toBe(0);
    await run("knowledge", "teach", STATEMENT, "Eine Frage?");
    const edited = join(folder, "edited.yaml");
    await writeFile(edited, (await readFile(path, "utf8")).replace("Eine Frage?", "Eine andere Frage?"));
    const result = await run("knowledge", "check", edited);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: statements changed but version is still/);
    const raised = join(folder, "raised.yaml");
    await writeFile(
      raised,
      (await readFile(edited, "utf8")).replace(/^version: .*$/m, "version: 2099.01.01"),
    );
    expect((await run("knowledge", "check", raised)).stderr).not.toMatch(/version is still/);
  });
});
