import { performance } from "node:perf_hooks";
import { parseKnowledgeOffThread } from "../knowledge/parse-off-thread.js";
import { answerQuestion } from "../search/answer.js";
import { buildSearchIndex, buildSearchIndexAsync, type SearchIndex } from "../search/search-index.js";
import { roundTo } from "../util/numbers.js";
import { type LatencySummary, percentile } from "./measure.js";

export interface ReloadMeasurement {
  /**
   * Parse, validate and index an edited file (one statement added), as the bot does when a
   * moderator saves a change: each reload's duration.
   */
  readonly reloadMs: { readonly mean: number; readonly max: number };
  /** Questions arriving every 10 ms (100 a second) while the reloads run: from arrival to answer. */
  readonly questionWhileReloading: LatencySummary;
}

const ARRIVAL_INTERVAL_MS = 10;

/**
 * Reloads the knowledge `reloads` times, as a running bot would, while questions keep arriving.
 * A question's latency counts from when it arrived, so time spent waiting behind a reload counts.
 */
export async function measureReloads(
  yamlText: string,
  questions: readonly string[],
  reloads = 3,
): Promise<ReloadMeasurement> {
  // Each reload is an edit, as a moderator's would be: one statement more than the last version.
  const load = async (edit = -1) => {
    const text = edit < 0 ? yamlText : `${yamlText}${editedStatement(edit)}`;
    const parsed = await parseKnowledgeOffThread(text, "bench.yaml");
    if (!parsed.ok) throw new Error(`bench knowledge is invalid: ${parsed.issues[0]?.message}`);
    return parsed.value;
  };
  let live: SearchIndex = buildSearchIndex(await load());
  const reloadTimes: number[] = [];
  let reloading = true;
  const reloadLoop = (async () => {
    for (let round = 0; round < reloads; round++) {
      const started = performance.now();
      live = await buildSearchIndexAsync(await load(round), live);
      reloadTimes.push(performance.now() - started);
      await new Promise((resolve) => setImmediate(resolve));
    }
    reloading = false;
  })();

  // Questions arrive on their own schedule, each on its own timer, as Discord events would:
  // those that fall due while the thread is busy wait, and that wait is part of their latency.
  const latencies: number[] = [];
  const start = performance.now();
  let asked = 0;
  while (reloading) {
    const batch: Promise<void>[] = [];
    for (let slot = 0; slot < 100; slot++, asked++) {
      const arrival = start + asked * ARRIVAL_INTERVAL_MS;
      const question = questions[asked % questions.length] as string;
      batch.push(
        new Promise((resolve) =>
          setTimeout(
            () => {
              // A timer may fire a hair early; a question cannot be answered before it is asked.
              const from = Math.min(arrival, performance.now());
              answerQuestion(live, question);
              latencies.push(performance.now() - from);
              resolve();
            },
            Math.max(0, arrival - performance.now()),
          ),
        ),
      );
    }
    await Promise.all(batch);
  }
  await reloadLoop;
  latencies.sort((a, b) => a - b);
  return {
    reloadMs: {
      mean: roundTo(reloadTimes.reduce((sum, time) => sum + time, 0) / reloadTimes.length, 3),
      max: roundTo(Math.max(...reloadTimes), 3),
    },
    questionWhileReloading: {
      count: latencies.length,
      p50Ms: roundTo(percentile(latencies, 0.5), 3),
      p99Ms: roundTo(percentile(latencies, 0.99), 3),
      meanMs: roundTo(latencies.reduce((sum, value) => sum + value, 0) / Math.max(latencies.length, 1), 3),
      perSecond: 0,
    },
  };
}

/** A statement appended to the YAML's statement list (the last key of a dumped document). */
function editedStatement(round: number): string {
  return `  - id: bench-edit-${round}
    topic: summit
    de: Eine Aussage, die ein Moderator in Runde ${round} ergänzt hat.
    en: A statement a moderator added in round ${round}.
    source: news-report
    quote: false
    questions: [Was wurde in Runde ${round} ergänzt?, What was added in round ${round}?]
`;
}
