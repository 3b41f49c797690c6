import { readFileSync } from "node:fs";
import type { KnowledgeSet } from "../../src/knowledge/knowledge-set.js";
import { parseKnowledge } from "../../src/knowledge/load.js";

/** A small valid knowledge file: the base that broken-file tests mutate line by line. */
export const VALID_KNOWLEDGE = readFileSync(
  new URL("../fixtures/minimal-knowledge.yaml", import.meta.url),
  "utf8",
);

/** A knowledge file's text as a loaded knowledge set, for tests that need a valid one. */
export function knowledgeOf(text: string = VALID_KNOWLEDGE): KnowledgeSet {
  const parsed = parseKnowledge(text, "test.yaml");
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
}

export interface BrokenKnowledge {
  readonly kind: string;
  readonly text: () => string;
  /** The field the error must name, and the line it must point at. */
  readonly field: string;
  readonly line: () => number;
  readonly message: RegExp;
}

/** Replaces the first occurrence of `from`, and insists it was there, so a case cannot go stale. */
export function mutate(from: string, to: string): string {
  if (!VALID_KNOWLEDGE.includes(from))
    throw new Error(`the fixture no longer contains ${JSON.stringify(from)}`);
  return VALID_KNOWLEDGE.replace(from, to);
}

export function lineOf(text: string, needle: string): number {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`the fixture no longer contains ${JSON.stringify(needle)}`);
  return text.slice(0, offset).split("\n").length;
}

const VALID = VALID_KNOWLEDGE;

/** One broken file per kind of defect a moderator can make, with where the error must point. */
export const BROKEN_KNOWLEDGE: readonly BrokenKnowledge[] = [
  {
    kind: "YAML syntax error",
    text: () => mutate("  - [Kirgisistan, Kirgistan, Kyrgyzstan]", "  - [Kirgisistan, Kirgistan"),
    field: "syntax",
    line: () => lineOf(VALID, "statements:"),
    message: /YAML syntax error/,
  },
  {
    kind: "duplicate statement id",
    text: () => mutate("  - id: economy-trade", "  - id: migration-partnerships"),
    field: "statements[1].id",
    line: () => lineOf(VALID, "  - id: economy-trade"),
    message: /duplicate statement id "migration-partnerships"/,
  },
  {
    kind: "missing field",
    text: () =>
      mutate(
        "    source: report\n    quote: false\n    questions:\n      - Was ist",
        "    quote: false\n    questions:\n      - Was ist",
      ),
    field: "statements[1].source",
    line: () => lineOf(VALID, "  - id: economy-trade"),
    message: /is missing/,
  },
  {
    kind: "empty field",
    text: () => mutate("    en: More trade and investment.", '    en: ""'),
    field: "statements[1].en",
    line: () => lineOf(VALID, "    en: More trade and investment."),
    message: /must not be empty/,
  },
  {
    kind: "unknown key",
    text: () => mutate("    keywords: [Migration, readmission]", "    keywrods: [Migration, readmission]"),
    field: "statements[0].keywrods",
    line: () => lineOf(VALID, "    keywords: [Migration, readmission]"),
    message: /unknown field "keywrods"; allowed: .*keywords/,
  },
  {
    kind: "unknown topic",
    text: () => mutate("    topic: economy", "    topic: econmy"),
    field: "statements[1].topic",
    line: () => lineOf(VALID, "    topic: economy"),
    message: /unknown topic "econmy"/,
  },
  {
    kind: "topic overview naming no statement",
    text: () =>
      mutate(
        "  - { id: economy, de: Wirtschaft, en: Economy }",
        "  - { id: economy, de: Wirtschaft, en: Economy, overview: economy-trad }",
      ),
    field: "topics[1].overview",
    line: () => lineOf(VALID, "  - { id: economy, de: Wirtschaft, en: Economy }"),
    message: /unknown statement "economy-trad"/,
  },
  {
    kind: "topic overview from another topic",
    text: () =>
      mutate(
        "  - { id: economy, de: Wirtschaft, en: Economy }",
        "  - { id: economy, de: Wirtschaft, en: Economy, overview: migration-partnerships }",
      ),
    field: "topics[1].overview",
    line: () => lineOf(VALID, "  - { id: economy, de: Wirtschaft, en: Economy }"),
    message: /belongs to topic "migration", not "economy"/,
  },
  {
    kind: "empty question list",
    text: () =>
      mutate("      - Was ist mit Handel?\n      - What about trade?", "      []").replace(
        "questions:\n      []",
        "questions: []",
      ),
    field: "statements[1].questions",
    line: () => lineOf(VALID, "      - Was ist mit Handel?") - 1,
    message: /at least 2 questions/,
  },
  {
    kind: "statement too long for an embed field",
    text: () => mutate("    de: Mehr Handel und Investitionen.", `    de: ${"Handel ".repeat(200)}`),
    field: "statements[1].de",
    line: () => lineOf(VALID, "    de: Mehr Handel und Investitionen."),
    message: /too long.*1024.*embed field/,
  },
  {
    kind: "wrong type",
    text: () =>
      mutate(
        "    quote: false\n    questions:\n      - Was ist",
        "    quote: maybe\n    questions:\n      - Was ist",
      ),
    field: "statements[1].quote",
    line: () => lineOf(VALID, "    topic: economy") + 4,
    message: /true or false/,
  },
  {
    kind: "unknown source",
    text: () =>
      mutate(
        "    source: report\n    quote: false\n    questions:\n      - Was ist",
        "    source: rumour\n    quote: false\n    questions:\n      - Was ist",
      ),
    field: "statements[1].source",
    line: () => lineOf(VALID, "    topic: economy") + 3,
    message: /unknown source "rumour"/,
  },
  {
    kind: "id not kebab-case",
    text: () => mutate("  - id: economy-trade", "  - id: Economy Trade"),
    field: "statements[1].id",
    line: () => lineOf(VALID, "  - id: economy-trade"),
    message: /kebab-case/,
  },
  {
    kind: "duplicate YAML key",
    text: () => mutate("    topic: economy", "    topic: economy\n    topic: migration"),
    field: "syntax",
    line: () => lineOf(VALID, "    topic: economy") + 1,
    message: /unique/i,
  },
  {
    kind: "question too long for autocomplete",
    text: () => mutate("      - What about trade?", `      - What about ${"trade ".repeat(30)}?`),
    field: "statements[1].questions[1]",
    line: () => lineOf(VALID, "      - What about trade?"),
    message: /autocomplete/,
  },
  {
    kind: "glossary entry with one term",
    text: () => mutate("  - [Kirgisistan, Kirgistan, Kyrgyzstan]", "  - [Kirgisistan]"),
    field: "glossary[0]",
    line: () => lineOf(VALID, "  - [Kirgisistan, Kirgistan, Kyrgyzstan]"),
    message: /at least two terms/,
  },
  {
    kind: "no statements",
    text: () => VALID.slice(0, VALID.indexOf("statements:")).concat("statements: []\n"),
    field: "statements",
    line: () => lineOf(VALID, "statements:"),
    message: /no statements/,
  },
];
