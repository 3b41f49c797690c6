import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeSet, type KnowledgeSet } from "../../src/knowledge/knowledge-set.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import type { KnowledgeDocument, StatementRecord } from "../../src/knowledge/schema.js";
import { answerQuestion } from "../../src/search/answer.js";
import { buildSearchIndex, INDEXED_FIELDS, type SearchIndex } from "../../src/search/search-index.js";
import type { IndexedFieldName } from "../../src/search/tuning.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let shipped: KnowledgeSet;
let shippedIndex: SearchIndex;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("the shipped knowledge must load");
  shipped = loaded.value;
  shippedIndex = buildSearchIndex(shipped);
});

type Edit = (statement: StatementRecord, document: KnowledgeDocument) => StatementRecord;

// Words the knowledge uses, words it does not, and umlauts, so edits add and drop vocabulary.
const word = fc.oneof(
  fc.constantFrom("Handel", "trade", "Migration", "Kirgisistan", "Rohstoffe", "water", "Afghanistan"),
  fc.stringMatching(/^[a-zäöüß]{3,10}$/),
);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(" "));

/** An edit for every indexed field: a field added to the index without one fails to compile. */
const EDITS: Record<IndexedFieldName, fc.Arbitrary<Edit>> = {
  keywords: fc.array(word, { minLength: 1, maxLength: 5 }).map((keywords) => (statement) => ({
    ...statement,
    keywords,
  })),
  questions: fc.tuple(fc.nat(), words).map(([which, text]) => (statement) => ({
    ...statement,
    questions: statement.questions.map((question, position) =>
      position === which % statement.questions.length ? `${text}?` : question,
    ),
  })),
  text: fc
    .tuple(fc.constantFrom("de" as const, "en" as const), words)
    .map(([language, text]) => (statement) => ({
      ...statement,
      [language]: `${statement[language]} ${text}`,
    })),
  topic: fc.nat().map((which) => (statement, document) => ({
    ...statement,
    topic: (document.topics[which % document.topics.length] ?? document.topics[0])?.id ?? statement.topic,
  })),
  source: fc.nat().map((which) => (statement, document) => ({
    ...statement,
    source:
      (document.sources[which % document.sources.length] ?? document.sources[0])?.id ?? statement.source,
  })),
};

const edits = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom(...INDEXED_FIELDS.map((field) => field.name)).chain((name) => EDITS[name]),
  ),
  { minLength: 1, maxLength: 3 },
);

function edited(knowledge: KnowledgeSet, changes: readonly (readonly [number, Edit])[]): KnowledgeSet {
  const statements = [...knowledge.document.statements];
  for (const [which, edit] of changes) {
    const at = which % statements.length;
    statements[at] = edit(statements[at] as StatementRecord, knowledge.document);
  }
  return createKnowledgeSet({ ...knowledge.document, statements }, { hash: "edited", origin: "test" });
}

/** What the index holds, by words rather than term ids (a reusing build keeps its old ids). */
function contents(index: SearchIndex): Map<string, number> {
  const held = new Map<string, number>();
  const { start, statements, weights } = index.postings;
  for (let termId = 0; termId + 1 < start.length; termId++) {
    const term = index.terms[termId] as string;
    for (let at = start[termId] as number; at < (start[termId + 1] as number); at++) {
      const statement = index.knowledge.statements[statements[at] as number]?.id;
      held.set(`${statement} ${term}`, weights[at] as number);
    }
    if ((start[termId + 1] as number) > (start[termId] as number)) {
      held.set(`idf ${term}`, index.idf[termId] as number);
    }
  }
  return held;
}

describe("rebuilding the index after an edit", () => {
  it("gives what a fresh build gives, whichever indexed field is edited", () => {
    fc.assert(
      fc.property(edits, (changes) => {
        const knowledge = edited(shipped, changes);
        const rebuilt = buildSearchIndex(knowledge, shippedIndex);
        const fresh = buildSearchIndex(knowledge);
        expect(contents(rebuilt)).toEqual(contents(fresh));
        for (const question of [
          "Who signed the migration agreement?",
          "Handel mit Rohstoffen",
          "Kirgistan",
        ]) {
          expect(answerQuestion(rebuilt, question)).toEqual(answerQuestion(fresh, question));
        }
      }),
      { numRuns: 20 },
    );
  });
});
