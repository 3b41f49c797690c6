import type { Statement } from "../knowledge/knowledge-set.js";
import { answerQuestion } from "./answer.js";
import type { SearchIndex } from "./search-index.js";

/** As many as a Discord select menu holds. */
const MAX_NEAREST = 25;

/**
 * The statements nearest a question, best first, whether or not the engine would answer with
 * them: what a moderator picks from to teach the question. `first`, when given and known (the
 * statement the question came nearest when it was asked), leads.
 */
export function nearestStatements(index: SearchIndex, question: string, first?: string): Statement[] {
  const ids = answerQuestion(index, question, { limit: MAX_NEAREST }).passages.map((passage) => passage.id);
  const ordered = first === undefined ? ids : [first, ...ids.filter((id) => id !== first)];
  return ordered.flatMap((id) => index.knowledge.statementsById.get(id) ?? []).slice(0, MAX_NEAREST);
}
