import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { calibrationError, fitConfidenceModel, labelSignals } from "../bench/calibrate.js";
import { EVALUATION_PARTS, loadEvaluationSet } from "../bench/evaluation-set.js";
import { type BenchResult, memoryProbe, runBench } from "../bench/run-bench.js";
import { MAX_TAUGHT, measureTeaching, type TeachingResult } from "../bench/teaching.js";
import { loadIndexOrReport } from "./ask-command.js";
import { type CliCommand, ExitCode, writeLine } from "./io.js";
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
    },
  });
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
  const result = await runBench(index.knowledge, (line) => writeLine(io.stderr, line), { knowledgePath });
  writeLine(io.stdout, values.json ? JSON.stringify(result, null, 2) : renderBench(result));
  return ExitCode.ok;
};

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

function renderBench(result: BenchResult): string {
  const lines = [
    `summit-bot bench — Node ${result.node}, ${result.cpu}`,
    "",
    "Evaluation set (shipped knowledge):",
  ];
  lines.push(
    `  ${"search".padEnd(16)} ${"part".padEnd(8)} ${"hit@1".padStart(7)} ${"de".padStart(7)} ${"en".padStart(7)} ${"typo".padStart(7)} ${"para".padStart(7)} ${"r@3".padStart(7)} ${"abstain".padStart(8)}`,
  );
  for (const [name, parts] of Object.entries(result.evaluation)) {
    for (const [part, report] of Object.entries(parts)) {
      lines.push(
        `  ${name.padEnd(16)} ${part.padEnd(8)} ${pct(report.hitAt1.rate).padStart(7)} ${pct(report.hitAt1German.rate).padStart(7)} ${pct(report.hitAt1English.rate).padStart(7)} ${pct(report.hitAt1Typo.rate).padStart(7)} ${pct(report.hitAt1Paraphrase.rate).padStart(7)} ${pct(report.recallAt3.rate).padStart(7)} ${pct(report.offTopicAbstention.rate).padStart(8)}`,
      );
    }
  }
  const { crossValidation } = result;
  lines.push(
    "",
    `Cross-validation on the knowledge's own ${crossValidation.questions} example questions (each left out of the index it asks):`,
    `  ranked first ${pct(crossValidation.rankedFirst)} · hit@1 ${pct(crossValidation.hitAt1)} · recall@3 ${pct(crossValidation.recallAt3)}`,
  );
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
