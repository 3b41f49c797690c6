import { beforeAll, describe, expect, it } from "vitest";
import { calibrationError, labelSignals } from "../../src/bench/calibrate.js";
import { EVALUATION_GOALS, type EvaluationReport, evaluate } from "../../src/bench/evaluate.js";
import { EVALUATION_PARTS, type EvaluationCase, loadEvaluationSet } from "../../src/bench/evaluation-set.js";
import { engineResult } from "../../src/bench/run-bench.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { detectLanguage } from "../../src/search/language.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

/**
 * What the engine reaches today on each part, less a small margin: a change that makes answers
 * worse fails here. The goals (EVALUATION_GOALS) are higher and not all reached yet; the
 * bench prints both, and the floors rise as the engine improves.
 */
const REGRESSION_FLOORS = {
  tuning: { hitAt1German: 0.8, hitAt1English: 0.78, hitAt1Typo: 0.83, hitAt1Paraphrase: 0.69, recallAt3: 0.85, offTopicAbstention: 0.85 },
  heldout: { hitAt1German: 0.83, hitAt1English: 0.8, hitAt1Typo: 0.82, hitAt1Paraphrase: 0.71, recallAt3: 0.87, offTopicAbstention: 0.78 },
} as const satisfies Record<string, Record<keyof typeof EVALUATION_GOALS, number>>;

/**
 * Sure answers are stated as fact, so they must be right: at least 95 % on the tuning part, where
 * the sure threshold is chosen (issue 15), and on the held-out part what it reaches today, less a
 * small margin.
 */
const SURE_ANSWERS_RIGHT = { tuning: 0.95, heldout: 0.92 } as const;

let index: SearchIndex;
const parts = new Map<string, readonly EvaluationCase[]>();

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
  for (const part of EVALUATION_PARTS) parts.set(part, await loadEvaluationSet(part));
});

function summary(report: EvaluationReport): string {
  return Object.entries(report)
    .filter(([key]) => key !== "failures")
    .map(([key, metric]) => `${key} ${(metric.rate * 100).toFixed(1)}% (${metric.hits}/${metric.total})`)
    .join(", ");
}

describe.each(EVALUATION_PARTS)("the evaluation set, %s part", (part) => {
  it("has at least the size the issue asks for, off-topic questions included", () => {
    const cases = parts.get(part) ?? [];
    expect(cases.length).toBeGreaterThanOrEqual(part === "tuning" ? 190 : 130);
    expect(cases.filter((testCase) => testCase.kinds.includes("offtopic")).length).toBeGreaterThanOrEqual(20);
    for (const testCase of cases) {
      for (const id of testCase.expect) expect(index.knowledge.statementsById.has(id), `${testCase.q} → ${id}`).toBe(true);
    }
  });

  it("answers at least as well as the recorded floors", () => {
    const report = evaluate(parts.get(part) ?? [], (question) => engineResult(index, question));
    const floors = REGRESSION_FLOORS[part];
    for (const [metric, floor] of Object.entries(floors)) {
      expect(report[metric as keyof typeof floors].rate, `${metric} — ${summary(report)}`).toBeGreaterThanOrEqual(floor);
    }
  });

  it("says sure only where it is right: sure answers right at least as often as recorded", () => {
    const report = evaluate(parts.get(part) ?? [], (question) => engineResult(index, question));
    expect(report.answeredSure.hits, summary(report)).toBeGreaterThan(0);
    expect(report.sureAnswersRight.rate, summary(report)).toBeGreaterThanOrEqual(SURE_ANSWERS_RIGHT[part]);
    // Likely answers are the less sure ones: if they were as right as sure ones, the tiers would lie.
    expect(report.likelyAnswersRight.rate, summary(report)).toBeLessThan(report.sureAnswersRight.rate);
  });

  it("keeps confidence calibrated: expected calibration error under 0.1", () => {
    expect(calibrationError(labelSignals(index, parts.get(part) ?? []))).toBeLessThan(0.1);
  });

  it("detects German and English on these short questions at least 93% of the time", () => {
    const cases = parts.get(part) ?? [];
    const right = cases.filter((testCase) => {
      const detected = detectLanguage(testCase.q, index.languageLexicon);
      return (detected === "de" ? "de" : "en") === testCase.lang;
    }).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.93);
  });
});
