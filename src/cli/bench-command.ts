import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { calibrationError, fitConfidenceModel, labelSignals } from "../bench/calibrate.js";
import { type CrossValidation, crossValidate } from "../bench/cross-validate.js";
import { type EvaluationReport, evaluate } from "../bench/evaluate.js";
import { EVALUATION_PARTS, loadEvaluationSet, parseEvaluationSet } from "../bench/evaluation-set.js";
import { type BenchResult, engineResult, memoryProbe, runBench } from "../bench/run-bench.js";
import { answeredSamples, chooseSureThreshold, precisionFrom } from "../bench/sure-threshold.js";
import { MAX_TAUGHT, measureTeaching, type TeachingResult } from "../bench/teaching.js";
import { readTextFile } from "../knowledge/read-file.js";
import { SURE_THRESHOLD } from "../search/tuning.js";
import { loadIndexOrReport } from "./ask-command.js";
import { type CliCommand, ExitCode, SetupError, UsageError, writeLine } from "./io.js";
import { knowledgeOption } from "./knowledge-location.js";

export const benchCommand: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      json: { type: "boolean" },
      knowledge: { type: "string" },
      calibrate: { type: "boolean" },
      "memory-probe": { type: "string" },
      teaching: { type: "boolean" },
      evaluation: { type: "boolean" },
      set: { type: "string" },
    },
  });
  if (values.set !== undefined && !values.evaluation)
    throw new UsageError("--set measures an evaluation file: use it with --evaluation");
  const location = knowledgeOption(io, values.knowledge);
  const knowledgePath = location.path;
  const index = await loadIndexOrReport(io, location);
  if (!index) return ExitCode.checkFailed;
  if (values["memory-probe"] !== undefined) {
    writeLine(io.stdout, JSON.stringify(await memoryProbe(index.knowledge, Number(values["memory-probe"]))));
    return ExitCode.ok;
  }
  if (values.teaching) {
    const [tuning = [], heldout = []] = await Promise.all(
      EVALUATION_PARTS.map((part) => loadEvaluationSet(part)),
    );
    const result = measureTeaching(await readFile(knowledgePath, "utf8"), tuning, heldout);
    writeLine(io.stdout, values.json ? JSON.stringify(result, null, 2) : renderTeaching(result));
    return ExitCode.ok;
  }
  if (values.calibrate) {
    // Fitted on the tuning part only; the held-out part shows whether the fit generalises.
    const [tuning = [], heldout = []] = await Promise.all(
      EVALUATION_PARTS.map(async (part) => labelSignals(index, await loadEvaluationSet(part))),
    );
    const model = fitConfidenceModel(tuning);
    const report = {
      model,
      calibrationError: {
        tuning: calibrationError(tuning, model),
        heldout: calibrationError(heldout, model),
        heldoutWithShippedModel: calibrationError(heldout),
      },
    };
    writeLine(io.stdout, JSON.stringify(report, null, 2));
    return ExitCode.ok;
  }
  if (values.evaluation) {
    // Quality only, in seconds rather than the full bench's minutes; --set measures one file (a
    // new batch, once, before it joins a part).
    const sets =
      values.set === undefined
        ? await Promise.all(
            EVALUATION_PARTS.map(async (part) => [part, await loadEvaluationSet(part)] as const),
          )
        : [[values.set, await readEvaluationSetOption(values.set)] as const];
    const tuning = answeredSamples(index, await loadEvaluationSet("tuning"));
    const reports = Object.fromEntries(
      sets.map(([name, cases]) => {
        const { failures, ...report } = evaluate(cases, (question) => engineResult(index, question));
        return [name, values.json ? { ...report, failures } : report];
      }),
    );
    const certainty = {
      sureThreshold: SURE_THRESHOLD,
      chosenOnTuning: chooseSureThreshold(tuning),
      tuningPrecisionAtThreshold: precisionFrom(tuning, SURE_THRESHOLD),
    };
    const crossValidation = values.set === undefined ? crossValidate(index.knowledge) : undefined;
    writeLine(
      io.stdout,
      values.json
        ? JSON.stringify({ certainty, reports, crossValidation }, null, 2)
        : renderEvaluation(certainty, reports, crossValidation),
    );
    return ExitCode.ok;
  }
  const result = await runBench(index.knowledge, (line) => writeLine(io.stderr, line), { knowledgePath });
  writeLine(io.stdout, values.json ? JSON.stringify(result, null, 2) : renderBench(result));
  return ExitCode.ok;
};

/** The file `--set` names; one that cannot be read is a usage mistake (exit 2), said plainly. */
async function readEvaluationSetOption(path: string) {
  const read = await readTextFile(path, "an evaluation set");
  if (!read.ok) throw new SetupError(`The evaluation set ${path} (set by --set) ${read.reason}.`);
  return parseEvaluationSet(read.text, path);
}

const pct = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

function renderTeaching(result: TeachingResult): string {
  const row = (name: string, part: TeachingResult["heldout"]) =>
    `  ${name.padEnd(9)} hit@1 ${pct(part.before.hitAt1.rate)} → ${pct(part.after.hitAt1.rate)} · recall@3 ${pct(part.before.recallAt3.rate)} → ${pct(part.after.recallAt3.rate)} · off-topic declined ${pct(part.before.offTopicAbstention.rate)} → ${pct(part.after.offTopicAbstention.rate)}`;
  return [
    `Teaching from the gaps report: ${result.tuningMisses} tuning questions missed, in ${result.missedGroups} groups; the first question of the first ${Math.min(result.missedGroups, MAX_TAUGHT)} groups taught (${result.linesTaught} lines added); ${result.taughtAnswered} of them then answered with their statement`,
    row("held-out", result.heldout),
    row("tuning", result.tuning),
  ].join("\n");
}

function renderEvaluation(
  certainty: { sureThreshold: number; chosenOnTuning: number; tuningPrecisionAtThreshold: number },
  reports: Record<string, Omit<EvaluationReport, "failures">>,
  crossValidation?: CrossValidation,
): string {
  const lines = [
    `sure from confidence ${certainty.sureThreshold} (the tuning part asks for ${certainty.chosenOnTuning}; answers from there right ${pct(certainty.tuningPrecisionAtThreshold)} on it)`,
    "",
    `  ${"part".padEnd(24)} ${"hit@1".padStart(7)} ${"de".padStart(7)} ${"en".padStart(7)} ${"typo".padStart(7)} ${"para".padStart(7)} ${"r@3".padStart(7)} ${"abstain".padStart(8)} ${"sure ok".padStart(8)} ${"lkly ok".padStart(8)} ${"sure".padStart(7)} ${"likely".padStart(7)} ${"none".padStart(7)}`,
  ];
  for (const [name, report] of Object.entries(reports)) {
    lines.push(
      `  ${name.slice(-24).padEnd(24)} ${[report.hitAt1, report.hitAt1German, report.hitAt1English, report.hitAt1Typo, report.hitAt1Paraphrase, report.recallAt3].map((metric) => pct(metric.rate).padStart(7)).join(" ")} ${pct(report.offTopicAbstention.rate).padStart(8)} ${pct(report.sureAnswersRight.rate).padStart(8)} ${pct(report.likelyAnswersRight.rate).padStart(8)} ${[report.answeredSure, report.answeredLikely, report.notAnswered].map((metric) => pct(metric.rate).padStart(7)).join(" ")}`,
    );
  }
  if (crossValidation) lines.push("", crossValidationLine(crossValidation));
  return lines.join("\n");
}

function crossValidationLine(crossValidation: CrossValidation): string {
  return `Cross-validation on the knowledge's own ${crossValidation.questions} example questions (each left out of the index it asks):\n  ranked first ${pct(crossValidation.rankedFirst)} · hit@1 ${pct(crossValidation.hitAt1)} · recall@3 ${pct(crossValidation.recallAt3)}`;
}

function renderBench(result: BenchResult): string {
  const lines = [
    `summit-bot bench — Node ${result.node}, ${result.cpu}`,
    "",
    "Evaluation set (shipped knowledge):",
  ];
  lines.push(
    `  ${"search".padEnd(16)} ${"part".padEnd(8)} ${"hit@1".padStart(7)} ${"de".padStart(7)} ${"en".padStart(7)} ${"typo".padStart(7)} ${"para".padStart(7)} ${"r@3".padStart(7)} ${"abstain".padStart(8)} ${"sure ok".padStart(8)} ${"sure".padStart(7)} ${"likely".padStart(7)}`,
  );
  for (const [name, parts] of Object.entries(result.evaluation)) {
    for (const [part, report] of Object.entries(parts)) {
      lines.push(
        `  ${name.padEnd(16)} ${part.padEnd(8)} ${pct(report.hitAt1.rate).padStart(7)} ${pct(report.hitAt1German.rate).padStart(7)} ${pct(report.hitAt1English.rate).padStart(7)} ${pct(report.hitAt1Typo.rate).padStart(7)} ${pct(report.hitAt1Paraphrase.rate).padStart(7)} ${pct(report.recallAt3.rate).padStart(7)} ${pct(report.offTopicAbstention.rate).padStart(8)} ${pct(report.sureAnswersRight.rate).padStart(8)} ${pct(report.answeredSure.rate).padStart(7)} ${pct(report.answeredLikely.rate).padStart(7)}`,
      );
    }
  }
  lines.push("", crossValidationLine(result.crossValidation));
  for (const scale of result.scales) {
    lines.push(
      "",
      `${scale.statements} statements (${scale.vocabulary} distinct terms):`,
      `  index build ${scale.indexBuildMs} ms · heap ${scale.memory.heapUsedMb} MB · RSS ${scale.memory.rssMb} MB (fresh process)`,
      `  hot reload from YAML  mean ${scale.reload.reloadMs.mean} ms  max ${scale.reload.reloadMs.max} ms · questions meanwhile p50 ${scale.reload.questionWhileReloading.p50Ms} ms  p99 ${scale.reload.questionWhileReloading.p99Ms} ms (n=${scale.reload.questionWhileReloading.count})`,
      `  question      p50 ${scale.question.p50Ms} ms  p99 ${scale.question.p99Ms} ms  ${scale.question.perSecond}/s`,
      `  autocomplete  p50 ${scale.autocomplete.p50Ms} ms  p99 ${scale.autocomplete.p99Ms} ms  ${scale.autocomplete.perSecond}/s`,
    );
    for (const [name, summary] of Object.entries(scale.baselines)) {
      lines.push(
        `  ${name.padEnd(13)} p50 ${summary.p50Ms} ms  p99 ${summary.p99Ms} ms  (n=${summary.count}) → engine ${scale.speedup[name]}× faster at p50`,
      );
    }
  }
  const { burst } = result;
  lines.push(
    "",
    `Interaction burst (${burst.interactions} /ask from ${burst.users} users, ${burst.userCooldownSeconds} s cooldown; bot and Discord stand-in share one process):`,
    `  acknowledgement  p50 ${burst.p50Ms} ms  p99 ${burst.p99Ms} ms  max ${burst.maxMs} ms · ${burst.acknowledgedWithinLimit}/${burst.interactions} within 3 s`,
    `  ${burst.answered} answered · ${burst.cooledDown} cooled down · ${burst.busy} busy · ${burst.other} other · last response ${burst.totalMs} ms after the first dispatch`,
  );
  return lines.join("\n");
}
