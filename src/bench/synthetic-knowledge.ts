import type { KnowledgeDocument, StatementRecord } from "../knowledge/schema.js";

/**
 * Knowledge sets of any size for the benchmark, grown from the shipped file. A real file keeps
 * adding words as it grows (names, places, numbers), so besides reshuffling real words every
 * statement brings a few made-up ones: at 10,000 statements the vocabulary reaches tens of
 * thousands of words, as realistic files of that size do. Deterministic for a given seed.
 */
export function syntheticDocument(
  base: KnowledgeDocument,
  statementCount: number,
  seed = 1,
): KnowledgeDocument {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const realWords = [
    ...new Set(
      base.statements
        .flatMap((statement) => `${statement.de} ${statement.en}`.split(/\s+/))
        .filter((w) => w.length > 2),
    ),
  ];
  const madeUp: string[] = [];
  const word = (): string => {
    const roll = random();
    if (roll < 0.045 || madeUp.length === 0) {
      const fresh = inventWord(random);
      madeUp.push(fresh);
      return fresh;
    }
    if (roll < 0.12) return pick(madeUp);
    return pick(realWords);
  };
  const sentence = (length: number): string => Array.from({ length }, word).join(" ");

  const statements: StatementRecord[] = [...base.statements];
  for (let index = statements.length; index < statementCount; index++) {
    const template = pick(base.statements);
    statements.push({
      id: `synthetic-${index}`,
      topic: template.topic,
      de: `${sentence(22 + Math.floor(random() * 30))}.`,
      en: `${sentence(22 + Math.floor(random() * 30))}.`,
      source: template.source,
      quote: false,
      questions: Array.from(
        { length: 4 },
        () =>
          `${sentence(4 + Math.floor(random() * 5))
            .slice(0, 95)
            .trim()}?`,
      ),
      keywords: Array.from({ length: 5 }, word),
    });
  }
  return { ...base, version: `synthetic-${statementCount}`, statements: statements.slice(0, statementCount) };
}

const SYLLABLES =
  "ka ra ta mu ne shi ber lin os tan kir gis tad usch dor vel an ek ol ur ist zen tra lov mar kaz".split(" ");

function inventWord(random: () => number): string {
  const length = 2 + Math.floor(random() * 3);
  let out = "";
  for (let index = 0; index < length; index++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return `${out}${Math.floor(random() * 1000)}`.replace(/\d+$/, (digits) => toLetters(Number(digits)));
}

/** Digits would be dropped by nobody, but letters keep made-up words word-like for the fuzzy index. */
function toLetters(value: number): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `${letters[value % 20]}${letters[Math.floor(value / 20) % 20]}`;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
