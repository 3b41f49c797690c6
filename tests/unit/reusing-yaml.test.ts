import { readFileSync } from "node:fs";
import fc from "fast-check";
import { dump, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { ReusingYamlLoader } from "../../src/knowledge/reusing-yaml.js";
import { splitStatements } from "../../src/knowledge/statement-blocks.js";

const SHIPPED = readFileSync(new URL("../../knowledge/summit.yaml", import.meta.url), "utf8");

describe("cutting a knowledge file into its statements", () => {
  it("finds every statement of the shipped file, and the rest parses with an empty list", () => {
    const blocks = splitStatements(SHIPPED);
    const whole = load(SHIPPED) as { statements: unknown[] };
    expect(blocks?.items).toHaveLength(whole.statements.length);
    expect(blocks?.items.map((item) => (load(item) as unknown[])[0])).toEqual(whole.statements);
    expect(load(blocks?.rest ?? "")).toEqual({ ...whole, statements: [] });
  });

  it("cuts items at column 0 as well as indented ones", () => {
    const text = "title: x\nstatements:\n- id: a\n  de: eins\n# a comment\n- id: b\n  de: zwei\n";
    expect(splitStatements(text)?.items).toEqual([
      "- id: a\n  de: eins\n# a comment\n",
      "- id: b\n  de: zwei\n",
    ]);
  });

  it("leaves any other shape to the whole-file parser", () => {
    expect(splitStatements("statements: [{ id: a }]\n")).toBeUndefined();
    expect(splitStatements("title: x\n")).toBeUndefined();
    expect(splitStatements("statements:\n  - id: a\nstatements:\n  - id: b\n")).toBeUndefined();
    expect(splitStatements("---\nstatements:\n  - id: a\n")).toBeUndefined();
    expect(splitStatements("statements:\n  -id: a\n")).toBeUndefined();
  });
});

/** A knowledge-shaped document: a header, then statements with text that YAML must quote at times. */
const documentArbitrary = fc.record({
  title: fc.string(),
  glossary: fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
  statements: fc.array(
    fc.record({
      id: fc.stringMatching(/^[a-z][a-z-]{0,8}$/),
      de: fc.oneof(
        fc.string(),
        fc.constantFrom("- kein Eintrag", "a: b", "#hash", "R&D *x*", "mehr\nZeilen\n"),
      ),
      en: fc.string(),
      keywords: fc.array(fc.string(), { maxLength: 3 }),
    }),
    { maxLength: 8 },
  ),
});

const yamlOptionsArbitrary = fc.record({
  indent: fc.constantFrom(2, 4),
  flowLevel: fc.constantFrom(-1, 3),
  lineWidth: fc.constantFrom(-1, 20, 80),
  noArrayIndent: fc.boolean(),
});

describe("parsing a knowledge file again after an edit", () => {
  it("gives what a whole parse gives, load after load, whatever changed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(documentArbitrary, yamlOptionsArbitrary), { minLength: 1, maxLength: 4 }),
        (versions) => {
          const loader = new ReusingYamlLoader();
          for (const [document, options] of versions) {
            const text = dump(document, options);
            expect(loader.load(text)).toEqual(load(text));
            // The same file again, then with one statement changed: the remembered path.
            expect(loader.load(text)).toEqual(load(text));
            const edited = text.replace(/\n( *)- id: /, "\n$1- id: z");
            expect(loader.load(edited)).toEqual(load(edited));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("parses whole a statement that borrows another's node, and follows the change of it", () => {
    const loader = new ReusingYamlLoader();
    const before = "statements:\n  - id: a\n    de: &shared eins\n  - id: b\n    de: *shared\n";
    const after = before.replace("&shared eins", "&shared zwei");
    expect(loader.load(before)).toEqual(load(before));
    expect(loader.load(after)).toEqual(load(after));
    expect((loader.load(after) as { statements: { de: string }[] }).statements[1]?.de).toBe("zwei");
  });

  it("reports broken YAML as js-yaml does, and then parses the next good file", () => {
    const loader = new ReusingYamlLoader();
    const good = "title: x\nstatements:\n  - id: a\n    de: eins\n  - id: b\n    de: zwei\n";
    loader.load(good);
    const broken = good.replace("de: zwei", 'de: "zwei');
    expect(() => loader.load(broken)).toThrow(expect.objectContaining({ name: "YAMLException" }));
    expect(loader.load(good)).toEqual(load(good));
  });

  it("hands out remembered statements that nothing can change", () => {
    const loader = new ReusingYamlLoader();
    const text = "statements:\n  - id: a\n    keywords: [x]\n";
    loader.load(text);
    const again = loader.load(text) as { statements: { keywords: string[] }[] };
    expect(() => again.statements[0]?.keywords.push("y")).toThrow(TypeError);
  });
});
