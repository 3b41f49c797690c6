import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { projectRoot } from "../app/project-root.js";
import { createKnowledgeSet, type KnowledgeSet } from "../knowledge/knowledge-set.js";
import { answerQuestion } from "../search/answer.js";
import { buildSearchIndex, type SearchIndex } from "../search/search-index.js";
import { suggestQuestions } from "../search/suggest.js";
import { evenSample, roundTo } from "../util/numbers.js";
import { type Baseline, miniSearchBaseline, plainFuseBaseline } from "./baselines.js";
import type { BurstMeasurement, BurstOptions } from "./burst.js";
import { type CrossValidation, crossValidate } from "./cross-validate.js";
import { type EvaluationReport, evaluate, type RankedResult } from "./evaluate.js";
import {
  EVALUATION_PARTS,
  type EvaluationCase,
  type EvaluationPart,
  loadEvaluationSet,
} from "./evaluation-set.js";
import {
  type LatencySummary,
  type MemorySnapshot,
  measureLatency,
  memorySnapshot,
  timeOnce,
} from "./measure.js";
import { measureReloads, type ReloadMeasurement } from "./reload-latency.js";
import { mulberry32, syntheticDocument } from "./synthetic-knowledge.js";

export const BENCH_SCALES = [1_000, 10_000] as const;
/** Plain fuse.js needs about a second per question at 10,000 statements: it gets a sample. */
const SLOW_BASELINE_SAMPLE = 12;
/** The burst issue 6 names: 1,000 interactions from 100 users. */
export const BENCH_BURST: BurstOptions = { users: 100, perUser: 10 };

export type EvaluationSummary = Omit<EvaluationReport, "failures">;

export interface ScaleResult {
  readonly statements: number;
  readonly vocabulary: number;
  readonly indexBuildMs: number;
  /** Hot reloads of a YAML file of this size (parse, validate, index) and questions meanwhile. */
  readonly reload: ReloadMeasurement;
  readonly question: LatencySummary;
  readonly autocomplete: LatencySummary;
  readonly memory: MemorySnapshot;
  readonly baselines: Record<string, LatencySummary>;
  /** Baseline p50 divided by the engine's p50: how many times faster the engine is. */
  readonly speedup: Record<string, number>;
}

export interface BenchResult {
  readonly node: string;
  readonly cpu: string;
  readonly evaluation: Record<string, Record<EvaluationPart, EvaluationSummary>>;
  /** The engine on the knowledge's own example questions, each left out of the index it asks. */
  readonly crossValidation: CrossValidation;
  readonly scales: readonly ScaleResult[];
  /** `/ask` acknowledgement under a burst, the real bot against the local Discord stand-in. */
  readonly burst: BurstMeasurement;
}

export interface BenchOptions {
  /** The knowledge file the bot under the burst loads; the shipped one when absent. */
  readonly knowledgePath?: string;
}

export async function runBench(
  shipped: KnowledgeSet,
  log: (line: string) => void,
  options: BenchOptions = {},
): Promise<BenchResult> {
  const parts = await Promise.all(
    EVALUATION_PARTS.map(async (part) => [part, await loadEvaluationSet(part)] as const),
  );
  const allCases = parts.flatMap(([, cases]) => cases);
  const questions = allCases.map((testCase) => testCase.q);
  const partials = partialInputs(questions);

  log("evaluating on the shipped knowledge…");
  const shippedIndex = buildSearchIndex(shipped);
  const engineSearch = (question: string): RankedResult => engineResult(shippedIndex, question);
  const evaluation: BenchResult["evaluation"] = {
    engine: summarizeParts(parts, engineSearch),
    [plainFuseBaseline(shipped.statements).name]: summarizeParts(
      parts,
      plainFuseBaseline(shipped.statements).search,
    ),
    [miniSearchBaseline(shipped.statements).name]: summarizeParts(
      parts,
      miniSearchBaseline(shipped.statements).search,
    ),
  };

  const crossValidation = crossValidate(shipped);

  log(`measuring a burst of ${BENCH_BURST.users * BENCH_BURST.perUser} interactions…`);
  // Loaded only here: the stand-in and discord.js would otherwise be part of every memory probe,
  // which runs this module in a fresh process to weigh the knowledge alone.
  const { measureInteractionBurst } = await import("./burst.js");
  // Before the scales, so that the garbage of 10,000-statement indexes is not collected mid-burst.
  const burst = await measureInteractionBurst({
    ...BENCH_BURST,
    ...(options.knowledgePath === undefined ? {} : { knowledgePath: options.knowledgePath }),
  });

  const scales: ScaleResult[] = [];
  for (const size of [shipped.statements.length, ...BENCH_SCALES]) {
    log(`measuring ${size} statements…`);
    const knowledge =
      size === shipped.statements.length
        ? shipped
        : createKnowledgeSet(syntheticDocument(shipped.document, size), {
            hash: `synthetic-${size}`,
            origin: "synthetic",
          });
    scales.push(await measureScale(knowledge, questions, partials));
  }
  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    evaluation,
    crossValidation,
    scales,
    burst,
  };
}

async function measureScale(
  knowledge: KnowledgeSet,
  questions: string[],
  partials: string[],
): Promise<ScaleResult> {
  const built = timeOnce(() => buildSearchIndex(knowledge));
  const index = built.result;
  const question = measureLatency(questions, (input) => answerQuestion(index, input), 3);
  const autocomplete = measureLatency(partials, (input) => suggestQuestions(index, input, "en"), 3);
  const memory = memoryInFreshProcess(knowledge.statements.length);
  const yamlText = dump(knowledge.document, { lineWidth: -1 });
  const reload = await measureReloads(yamlText, questions);

  const baselines: Record<string, LatencySummary> = {};
  const speedup: Record<string, number> = {};
  const large = knowledge.statements.length > 1_000;
  for (const baseline of [
    plainFuseBaseline(knowledge.statements),
    miniSearchBaseline(knowledge.statements),
  ]) {
    const sample =
      large && baseline.name === "plain fuse.js" ? evenSample(questions, SLOW_BASELINE_SAMPLE) : questions;
    baselines[baseline.name] = measureBaseline(baseline, sample);
    speedup[baseline.name] = roundTo(
      (baselines[baseline.name] as LatencySummary).p50Ms / Math.max(question.p50Ms, 0.001),
      1,
    );
  }
  return {
    statements: knowledge.statements.length,
    vocabulary: index.terms.length,
    indexBuildMs: built.ms,
    reload,
    question,
    autocomplete,
    memory,
    baselines,
    speedup,
  };
}

/**
 * Heap and RSS of a process that holds just this knowledge and its index, as the bot would: measured
 * in the bench's own process they would include every other scale and baseline built so far.
 */
function memoryInFreshProcess(statements: number): MemorySnapshot {
  const main = join(projectRoot(), "dist", "src", "cli", "main.js");
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", main, "bench", "--memory-probe", String(statements)],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(output) as MemorySnapshot;
}

/** The child side of `memoryInFreshProcess`. */
export async function memoryProbe(shipped: KnowledgeSet, statements: number): Promise<MemorySnapshot> {
  const knowledge =
    statements === shipped.statements.length
      ? shipped
      : createKnowledgeSet(syntheticDocument(shipped.document, statements), {
          hash: "probe",
          origin: "synthetic",
        });
  const index = buildSearchIndex(knowledge);
  answerQuestion(index, "warm up");
  // A running bot has long finished building: let V8 return the build's scratch memory first.
  memorySnapshot();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const memory = memorySnapshot();
  // Keep the index alive until after the measurement.
  if (index.terms.length < 0) throw new Error("unreachable");
  return memory;
}

function measureBaseline(baseline: Baseline, questions: readonly string[]): LatencySummary {
  return measureLatency(questions, (input) => baseline.search(input));
}

export function engineResult(index: SearchIndex, question: string): RankedResult {
  const answer = answerQuestion(index, question);
  return {
    answered: answer.answered,
    ids: answer.passages.map((passage) => passage.id),
    certainty: answer.certainty,
  };
}

function summarizeParts(
  parts: readonly (readonly [EvaluationPart, readonly EvaluationCase[]])[],
  search: (question: string) => RankedResult,
): Record<EvaluationPart, EvaluationSummary> {
  const entries = parts.map(([part, cases]) => {
    const { failures: _failures, ...summary } = evaluate(cases, search);
    return [part, summary] as const;
  });
  return Object.fromEntries(entries) as Record<EvaluationPart, EvaluationSummary>;
}

/** What autocomplete sees while someone types: each question cut at a random point. */
function partialInputs(questions: readonly string[]): string[] {
  const random = mulberry32(7);
  return questions.map((question) =>
    question.slice(0, 2 + Math.floor(random() * Math.max(1, question.length - 2))),
  );
}
