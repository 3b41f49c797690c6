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

describe("the repository", () => {
  it("points to no document it does not contain", () => {
    const root = projectRoot();
    const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    const mentions = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        return []; // listed but not checked out (a deleted file not yet committed)
      }
      return OUTSIDE_DOCUMENTS.filter((name) => text.includes(name)).map((name) => `${file}: ${name}`);
    });
    expect(mentions).toEqual([]);
  });
});
