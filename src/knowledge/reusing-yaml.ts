import { load } from "js-yaml";
import { type StatementBlocks, splitStatements } from "./statement-blocks.js";

/**
 * Parses knowledge files with js-yaml, remembering what each statement's text parsed to. A moderator's
 * edit changes a few statements of thousands, and parsing is most of a reload: a 10,000-statement
 * file takes a quarter of a second to parse whole. The result is the same as `load(text)`'s.
 */
export class ReusingYamlLoader {
  /** Only the last file's statements: an old version's texts are of no use once replaced. */
  private statements = new Map<string, unknown>();
  private rest: { readonly text: string; readonly value: Record<string, unknown> } | undefined;

  load(text: string): unknown {
    const blocks = splitStatements(text);
    // Parsing statements one by one costs more per statement than one pass over the whole file:
    // worth it only when most of them are known.
    if (blocks && this.knownShare(blocks.items) >= MIN_KNOWN_SHARE) {
      try {
        return this.assemble(blocks);
      } catch {
        // A statement that cannot stand alone (an alias to another one): parsed whole below,
        // which also reports a real error the way it always has.
      }
    }
    this.statements = new Map();
    this.rest = undefined;
    const whole = load(text);
    if (blocks && !ANCHOR_OR_ALIAS.test(text)) this.remember(blocks, whole);
    return whole;
  }

  private knownShare(items: readonly string[]): number {
    if (items.length === 0) return 0;
    let known = 0;
    for (const item of items) if (this.statements.has(item)) known++;
    return known / items.length;
  }

  private assemble({ rest: restText, items }: StatementBlocks): unknown {
    const rest = this.rest?.text === restText ? this.rest.value : parseRest(restText);
    const known = this.statements;
    const statements = new Map<string, unknown>();
    const values = items.map((item) => {
      const value = statements.get(item) ?? known.get(item) ?? parseItem(item);
      statements.set(item, value);
      return value;
    });
    this.statements = statements;
    this.rest = { text: restText, value: rest };
    return { ...rest, statements: values };
  }

  /** Keeps a whole parse's statements for the next load, where each is its text's alone. */
  private remember({ rest: restText, items }: StatementBlocks, whole: unknown): void {
    if (typeof whole !== "object" || whole === null) return;
    const { statements, ...others } = whole as Record<string, unknown>;
    if (!Array.isArray(statements) || statements.length !== items.length) return;
    for (const [position, item] of items.entries())
      this.statements.set(item, deepFreeze(statements[position]));
    // The rest as its own text parses to: the same fields, with an empty statements list.
    this.rest = { text: restText, value: deepFreeze({ ...others, statements: [] }) };
  }
}

const MIN_KNOWN_SHARE = 0.5;

/**
 * `&name` or `*name` where a YAML node may start: a statement that shares a node with another
 * would not parse to the same on its own. Prose such as "R&D" does not match; a false alarm only
 * costs the next load its shortcut.
 */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,[\]{}]/;

function parseRest(text: string): Record<string, unknown> {
  const value = load(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a mapping");
  return deepFreeze(value as Record<string, unknown>);
}

function parseItem(text: string): unknown {
  const value = load(text);
  if (!Array.isArray(value) || value.length !== 1) throw new Error("not one list item");
  return deepFreeze(value[0]);
}

/** What is remembered is shared by every later version that keeps it: nothing may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
