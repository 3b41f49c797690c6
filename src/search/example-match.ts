import type { Statement } from "../knowledge/knowledge-set.js";

/** Two statements with the same example question: neither may claim it. */
const AMBIGUOUS = -1;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII
const NOT_ASCII = /[^\u0000-\u007f]/;

const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * An example question as it is looked up: its words, case, umlauts (ä as ae), accents and
 * punctuation aside. Unicode normalisation only for what is left outside ASCII after the
 * umlauts: an index holds tens of thousands of example questions, most of them plain.
 */
export function exampleKey(text: string): string {
  const lower = text.toLowerCase().replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char);
  const plain = NOT_ASCII.test(lower) ? lower.normalize("NFD").replace(COMBINING_MARKS, "") : lower;
  return plain.replace(NOT_WORD, " ").trim();
}

/** Collects each example question's statement while an index is built. */
export class ExampleOwners {
  private readonly owners = new Map<string, number>();

  add(statement: Statement, position: number): void {
    for (const key of keysOf(statement)) {
      const owner = this.owners.get(key);
      this.owners.set(key, owner === undefined || owner === position ? position : AMBIGUOUS);
    }
  }

  build(): ReadonlyMap<string, number> {
    return this.owners;
  }
}

/**
 * A statement's keys, computed once: a reload hands the next version the very statement objects
 * it did not change, and the keys depend on their text alone.
 */
const keysByStatement = new WeakMap<Statement, readonly string[]>();

function keysOf(statement: Statement): readonly string[] {
  let keys = keysByStatement.get(statement);
  if (!keys) {
    keys = statement.questions.map(exampleKey);
    keysByStatement.set(statement, keys);
  }
  return keys;
}

/**
 * The statement whose example question this question is, word for word: a question a moderator
 * taught is answered with the statement it was taught to, whatever else shares its words.
 */
export function exampleQuestionOwner(
  owners: ReadonlyMap<string, number>,
  question: string,
): number | undefined {
  const owner = owners.get(exampleKey(question));
  return owner === undefined || owner === AMBIGUOUS ? undefined : owner;
}
