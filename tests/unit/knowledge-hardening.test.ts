import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { mutate, VALID_KNOWLEDGE } from "../support/broken-knowledge.js";
import { captureIO } from "../support/capture.js";

const folder = mkdtempSync(join(tmpdir(), "summit-hardening-"));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** "Billion laughs": nine anchors, each nine copies of the one before (9^7 strings if expanded). */
const ALIAS_BOMB = mutate(
  "statements:\n",
  `lol:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
statements:
`,
);

describe("an alias bomb", () => {
  it("gets a positioned error from check and diff: exit 1, no stack", async () => {
    const bomb = file("bomb.yaml", ALIAS_BOMB);
    const good = file("good.yaml", VALID_KNOWLEDGE);
    for (const args of [
      ["knowledge", "check", bomb],
      ["knowledge", "diff", good, bomb],
    ]) {
      const io = captureIO({}, "");
      expect(await runCli(args, io)).toBe(1);
      expect(io.stderr.text).toMatch(/bomb\.yaml:\d+:\d+ syntax — .*aliases expand too far/);
      expect(io.stderr.text).not.toMatch(/\bat .*\.js:\d+/);
    }
  });
});

describe("KNOWLEDGE_MAX_BYTES on the command line", () => {
  it("check and diff refuse a file the bot would refuse, before reading it", async () => {
    const large = file("large.yaml", `${VALID_KNOWLEDGE}${"# padding\n".repeat(200)}`);
    const good = file("good.yaml", VALID_KNOWLEDGE);
    for (const args of [
      ["knowledge", "check", large],
      ["knowledge", "diff", good, large],
    ]) {
      const io = captureIO({ KNOWLEDGE_MAX_BYTES: "1500" }, "");
      expect(await runCli(args, io)).toBe(1);
      expect(io.stderr.text).toMatch(
        /large\.yaml:1:1 file — the file has \d+ bytes, more than KNOWLEDGE_MAX_BYTES \(1500\); the bot refuses to load it/,
      );
    }
    const io = captureIO({ KNOWLEDGE_MAX_BYTES: "1500" }, "");
    expect(await runCli(["knowledge", "check", good], io)).toBe(0);
  });
});

describe("length limits on every field that reaches a reply", () => {
  const cases: [string, string, string, RegExp][] = [
    ["a 4,000-character version", 'version: "1"', `version: "${"9".repeat(4000)}"`, /^version$/],
    [
      "a 4 MB keyword",
      "keywords: [Migration, readmission]",
      `keywords: [${"k".repeat(4_000_000)}]`,
      /keywords\[0\]/,
    ],
    [
      "a long statement id",
      "  - id: economy-trade",
      `  - id: economy-${"trade-".repeat(20)}x`,
      /statements\[1\]\.id/,
    ],
    ["a long title", "title: Test knowledge", `title: ${"T".repeat(300)}`, /^title$/],
    ["a long source name", "    name: Bericht", `    name: ${"B".repeat(300)}`, /sources\[0\]\.name/],
    ["a long topic name", "en: Migration }", `en: ${"M".repeat(120)} }`, /topics\[0\]\.en/],
    [
      "a long glossary term",
      "[Kirgisistan, Kirgistan, Kyrgyzstan]",
      `[Kirgisistan, ${"K".repeat(200)}]`,
      /glossary\[0\]\[1\]/,
    ],
  ];
  for (const [what, from, to, field] of cases) {
    it(`rejects ${what}`, () => {
      const parsed = parseKnowledge(mutate(from, to), "long.yaml");
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.issues.some((issue) => field.test(issue.field))).toBe(true);
    });
  }
});

describe("invisible characters", () => {
  it("are removed at load, and check warns with their position", async () => {
    const path = file(
      "invisible.yaml",
      mutate("    en: More trade and investment.", "    en: More \u202Etrade\u202C and in\u200Bvestment."),
    );
    const io = captureIO({}, "");
    expect(await runCli(["knowledge", "check", path], io)).toBe(0);
    expect(io.stderr.text).toMatch(/invisible\.yaml:\d+:\d+ holds 3 invisible character/);
    const parsed = parseKnowledge(VALID_KNOWLEDGE.replace("More trade", "More\u200B trade"), "x.yaml");
    expect(parsed.ok && parsed.value.statementsById.get("economy-trade")?.en).toBe(
      "More trade and investment.",
    );
  });
});
