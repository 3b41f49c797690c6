import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import { tokenize } from "./normalize.js";

/** Two statements with the same example question: neither may claim it. */
const AMBIGUOUS = -1;
const byKnowledge = new WeakMap<KnowledgeSet, ReadonlyMap<string, number>>();

/**
 * The statement whose example question this question is, word for word (case, accents and
 * punctuation aside): a question a moderator taught is answered with the statement it was taught
 * to, whatever else shares its words. Built once per knowledge version, on first use.
 */
export function exampleQuestionOwner(knowledge: KnowledgeSet, question: string): number | undefined {
  let owners = byKnowledge.get(knowledge);
  if (!owners) {
    const map = new Map<string, number>();
    knowledge.statements.forEach((statement, position) => {
      for (const example of statement.questions) {
        const key = wordsOf(example);
        const owner = map.get(key);
        map.set(key, owner === undefined || owner === position ? position : AMBIGUOUS);
      }
    });
    owners = map;
    byKnowledge.set(knowledge, owners);
  }
  const owner = owners.get(wordsOf(question));
  return owner === undefined || owner === AMBIGUOUS ? undefined : owner;
}

function wordsOf(text: string): string {
  return tokenize(text).join(" ");
}
