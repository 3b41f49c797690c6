import { performance } from "node:perf_hooks";
import { roundTo } from "../util/numbers.js";

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly perSecond: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/**
 * Times `run` once per input and round, after untimed passes over all inputs: a bot that has been
 * running a while has compiled its hot paths, and the first calls of each are not what users see.
 */
/** V8 optimises a function after many calls; three passes get the answer path there. */
const WARM_UP_PASSES = 3;

export function measureLatency<T>(
  inputs: readonly T[],
  run: (input: T) => unknown,
  rounds = 1,
): LatencySummary {
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const input of inputs) run(input);
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const before = performance.now();
      run(input);
      samples.push(performance.now() - before);
    }
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  return {
    count: samples.length,
    p50Ms: roundTo(percentile(samples, 0.5), 3),
    p99Ms: roundTo(percentile(samples, 0.99), 3),
    meanMs: roundTo(samples.reduce((sum, value) => sum + value, 0) / Math.max(samples.length, 1), 3),
    perSecond: Math.round((samples.length / elapsed) * 1000),
  };
}

export function timeOnce<T>(run: () => T): { result: T; ms: number } {
  const before = performance.now();
  const result = run();
  return { result, ms: roundTo(performance.now() - before, 3) };
}

export interface MemorySnapshot {
  readonly heapUsedMb: number;
  readonly rssMb: number;
}

export function memorySnapshot(): MemorySnapshot {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const usage = process.memoryUsage();
  return { heapUsedMb: Math.round(usage.heapUsed / 2 ** 20), rssMb: Math.round(usage.rss / 2 ** 20) };
}
