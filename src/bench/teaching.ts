import { groupSimilarQuestions } from "../feedback/similar-questions.js";
import { parseKnowledge } from "../knowledge/load.js";
import { addExampleQuestion, cleanQuestion } from "../knowledge/text-edit.js";
import { buildSearchIndex } from "../search/search-index.js";
import { type EvaluationReport, evaluate, type Metric } from "./evaluate.js";
import type { EvaluationCase } from "./evaluation-set.js";
import { engineResult } from "./run-bench.js";

/** As many lessons as a moderator would take from one gaps report. */
export const MAX_TAUGHT = 50;

export interface TeachingResult {
  /** Missed on-topic questions of the tuning part, and the groups the gaps report would show. */
  readonly tuningMisses: number;
  readonly missedGroups: number;
  /** Example-question lines added to the knowledge file. */
  readonly linesTaught: number;
  /** Of the taught questions, those then answered with the statement they were taught to. */
  readonly taughtAnswered: number;
  readonly heldout: { readonly before: Summary; readonly after: Summary };
  readonly tuning: { readonly before: Summary; readonly after: Summary };
}

interface Summary {
  readonly hitAt1: Metric;
  readonly recallAt3: Metric;
  readonly offTopicAbstention: Metric;
}

/**
 * What teaching from the gaps report buys: the tuning part's misses (declined, or answered with
 * the wrong statement) grouped as the report groups them, largest first; the first question of
 * each of the first 50 groups added to the statement it asks for, through the same text edit a
 * moderator's Teach makes; then the held-out part, which no lesson came from, asked again.
 */
export function measureTeaching(
  text: string,
  tuning: readonly EvaluationCase[],
  heldout: readonly EvaluationCase[],
): TeachingResult {
  const parsed = parseKnowledge(text, "knowledge");
  if (!parsed.ok) throw new Error("the knowledge file is not valid");
  const before = buildSearchIndex(parsed.value);
  const search = (index: typeof before) => (question: string) => engineResult(index, question);
  const tuningBefore = evaluate(tuning, search(before));
  const missed = tuning.filter(
    (testCase) =>
      !testCase.kinds.includes("offtopic") &&
      tuningBefore.failures.some((failure) => failure.question === testCase.q),
  );
  const groups = groupSimilarQuestions(missed.map((testCase) => ({ ...testCase, text: testCase.q })))
    .map(({ members }) => members)
    .sort((a, b) => b.length - a.length);
  let taught = text;
  const lessons: EvaluationCase[] = [];
  for (const members of groups.slice(0, MAX_TAUGHT)) {
    const first = members[0];
    const statement = first?.expect[0];
    if (!first || !statement) continue;
    const edited = addExampleQuestion(taught, "knowledge", statement, cleanQuestion(first.q));
    if (!edited.ok) continue;
    taught = edited.value;
    lessons.push({ ...first, expect: [statement] });
  }
  const after = parseKnowledge(taught, "knowledge taught");
  if (!after.ok) throw new Error(`teaching made the file invalid: ${after.issues[0]?.message}`);
  const afterIndex = buildSearchIndex(after.value);
  return {
    tuningMisses: missed.length,
    missedGroups: groups.length,
    linesTaught: lessons.length,
    taughtAnswered: evaluate(lessons, search(afterIndex)).hitAt1.hits,
    heldout: {
      before: summary(evaluate(heldout, search(before))),
      after: summary(evaluate(heldout, search(afterIndex))),
    },
    tuning: { before: summary(tuningBefore), after: summary(evaluate(tuning, search(afterIndex))) },
  };
}

function summary(report: EvaluationReport): Summary {
  return {
    hitAt1: report.hitAt1,
    recallAt3: report.recallAt3,
    offTopicAbstention: report.offTopicAbstention,
  };
}
