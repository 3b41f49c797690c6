import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/project-root.js";

// Spelled in parts, so this file does not name them itself.
const OUTSIDE_DOCUMENTS = [
  ["DESIGN", ".md"],
  ["CONVENTIONS", ".md"],
  ["summit", "-facts"],
  ["..", "/shared"],
].map((parts) => parts.join(""));

/** Each tracked file's text, with its path; files listed but not checked out are left out. */
function trackedTexts(): [string, string][] {
  const root = projectRoot();
  const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  return files.flatMap((file): [string, string][] => {
    try {
      return [[file, readFileSync(join(root, file), "utf8")]];
    } catch {
      return []; // listed but not checked out (a deleted file not yet committed)
    }
  });
}

describe("the repository", () => {
  it("points to no document it does not contain", () => {
    const mentions = trackedTexts().flatMap(([file, text]) =>
      OUTSIDE_DOCUMENTS.filter((name) => text.includes(name)).map((name) => `${file}: ${name}`),
    );
    expect(mentions).toEqual([]);
  });

  it("tells people to run scripts with arguments as npm run --silent, whose output is the command's alone", () => {
    // Without --silent npm prints its own banner first, which breaks `--json` output and copy-paste.
    const loud = trackedTexts()
      .filter(([file]) => !file.startsWith("tests/"))
      .flatMap(([file, text]) =>
        [...text.matchAll(/npm run (?!--silent)[a-z-]+ --/g)].map((m) => `${file}: ${m[0]}`),
      );
    expect(loud).toEqual([]);
  });
});
