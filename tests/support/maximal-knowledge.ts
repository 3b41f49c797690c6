import { MAX_QUESTION_LENGTH, MAX_STATEMENT_LENGTH, MAX_TEXT } from "../../src/knowledge/schema.js";

/**
 * Characters that each grow when escaped (`*` → `\*`, `@everyone` → `@\u200beveryone`, `://` →
 * `\://`), so a field at its schema limit is as long as it can ever be once rendered.
 */
const GROWS = "*_`|~\\[]#>-@everyone https://x.example <@1> ";
const full = (start: string, max: number) =>
  (start + GROWS.repeat(Math.ceil(max / GROWS.length))).slice(0, max).trimEnd();
const yamlText = (start: string, max: number) => JSON.stringify(full(start, max));
const localized = (start: string, max: number) =>
  `{ de: ${yamlText(`${start} `, max)}, en: ${yamlText(`${start} `, max)} }`;
const id = (n: number) => `${`s${n}-`.padEnd(MAX_TEXT.id, "a")}`;

/** A knowledge file with every text, and every list a reply shows, as long as the schema allows. */
export function maximalKnowledge(): string {
  const count = 40;
  const lines = [
    `title: ${yamlText("Knowledge ", MAX_TEXT.title)}`,
    `version: ${yamlText("v", MAX_TEXT.version)}`,
    `date: "2026-11-25"`,
    "summit:",
    `  title: ${localized("Summit", MAX_TEXT.summitTitle)}`,
    `  date: "2023-09-29"`,
    `  place: ${localized("Berlin", MAX_TEXT.place)}`,
    "  participants:",
    ...Array.from({ length: count }, (_, n) => [
      `    - country: ${localized(`Country ${n}`, MAX_TEXT.participant)}`,
      `      leader: ${localized(`Leader ${n}`, MAX_TEXT.participant)}`,
    ]).flat(),
    "sources:",
    ...Array.from({ length: count }, (_, n) => [
      `  - id: ${id(n)}`,
      `    name: ${yamlText(`Report ${n} `, MAX_TEXT.sourceName)}`,
      `    title: ${localized(`Report ${n}`, MAX_TEXT.sourceName)}`,
      `    publisher: ${localized(`Agency ${n}`, MAX_TEXT.publisher)}`,
      `    url: https://example.org/${"a".repeat(MAX_TEXT.url - 20)}`,
    ]).flat(),
    "topics:",
    ...Array.from(
      { length: count },
      (_, n) =>
        `  - { id: ${id(n)}, de: ${yamlText(`Migration ${n} `, MAX_TEXT.topicName)}, en: ${yamlText(`Migration ${n} `, MAX_TEXT.topicName)} }`,
    ),
    "statements:",
    ...Array.from({ length: count }, (_, n) => [
      `  - id: ${id(n)}`,
      `    topic: ${id(n % 2)}`,
      `    de: ${yamlText(`Migration Partnerschaft Rückübernahme ${n} `, MAX_STATEMENT_LENGTH)}`,
      `    en: ${yamlText(`Migration partnership readmission ${n} `, MAX_STATEMENT_LENGTH)}`,
      `    source: ${id(n)}`,
      `    quote: ${n % 2 === 0}`,
      "    questions:",
      `      - ${yamlText(`Was wurde zur Migration ${n} vereinbart? `, MAX_QUESTION_LENGTH)}`,
      `      - ${yamlText(`What was agreed on migration ${n}? `, MAX_QUESTION_LENGTH)}`,
      `    keywords: [${yamlText("migration ", MAX_TEXT.term)}]`,
    ]).flat(),
  ];
  return `${lines.join("\n")}\n`;
}
