import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/project-root.js";

const read = (file: string) => readFileSync(join(projectRoot(), file), "utf8");

describe("the Node.js versions", () => {
  it("admits every Node.js from 20.12 on, LTS or not, while the README names the tested ones", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    // A range of majors (^20 || ^24) turned away Node 22 LTS and 26, which run the bot as well.
    expect(engines).toBe(">=20.12");
    expect(read("README.md")).toMatch(/tested on Node\.js 20 and 24/);
  });
});
