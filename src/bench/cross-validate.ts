import { createKnowledgeSet, type KnowledgeSet } from "../knowledge/knowledge-set.js";
import type { KnowledgeDocument } from "../knowledge/schema.js";
import { answerQuestion } from "../search/answer.js";
import { buildSearchIndex } from "../search/search-index.js";
import { roundTo } from "../util/numbers.js";

export interface CrossValidation {
  /** Example questions asked, each of an index built without it. */
  readonly questions: number;
  /** The question's own statement came first. */
  readonly rankedFirst: number;
  /** …and the engine was sure enough to answer. */
  readonly hitAt1: number;
  /** The question's own statement was among the first three passages. */
  readonly recallAt3: number;
}

export const CROSS_VALIDATION_FOLDS = 5;

/**
 * How the engine does on questions it has never seen, measured on the knowledge's own example
 * questions: each is asked of an index built without it (and without a fifth of the others), so
 * that it cannot find itself. Unlike the evaluation set, this grows with every statement a
 * moderator adds, and nothing was tuned on it question by question. It counts only the question's
 * own statement as right, so it understates: another statement may answer it as well.
 */
export function crossValidate(knowledge: KnowledgeSet, folds = CROSS_VALIDATION_FOLDS): CrossValidation {
  let questions = 0;
  let rankedFirst = 0;
  let hitAt1 = 0;
  let recallAt3 = 0;
  for (let fold = 0; fold < folds; fold++) {
    const { document, heldOut } = withoutFold(knowledge.document, fold, folds);
    const index = buildSearchIndex(
      createKnowledgeSet(document, { hash: `${knowledge.hash}-fold-${fold}`, origin: knowledge.origin }),
    );
    for (const { question, statementId } of heldOut) {
      const answer = answerQuestion(index, question);
      const ids = answer.passages.map((passage) => passage.id);
      questions += 1;
      if (ids[0] === statementId) rankedFirst += 1;
      if (answer.answered && ids[0] === statementId) hitAt1 += 1;
      if (answer.answered && ids.slice(0, 3).includes(statementId)) recallAt3 += 1;
    }
  }
  const rate = (count: number) => roundTo(questions === 0 ? 1 : count / questions, 3);
  return { questions, rankedFirst: rate(rankedFirst), hitAt1: rate(hitAt1), recallAt3: rate(recallAt3) };
}

/** The document with every `folds`-th example question of each statement taken out, and those. */
function withoutFold(source: KnowledgeDocument, fold: number, folds: number) {
  const document = structuredClone(source) as KnowledgeDocument;
  const heldOut: { question: string; statementId: string }[] = [];
  for (const statement of document.statements) {
    const kept: string[] = [];
    statement.questions.forEach((question, position) => {
      // Offset by statement so that the first question of every statement is not in the same fold.
      if ((position + statement.id.length) % folds === fold)
        heldOut.push({ question, statementId: statement.id });
      else kept.push(question);
    });
    (statement as { questions: string[] }).questions = kept;
  }
  return { document, heldOut };
}
