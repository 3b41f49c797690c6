import { describe, expect, it } from "vitest";
import { BotMetrics } from "../../src/ops/metrics.js";

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Enough of the Prometheus text format for our own output: no escaped quotes in label values. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`unparsable line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return parse(text).find(
    (sample) =>
      sample.name === name &&
      Object.keys(sample.labels).length === Object.keys(labels).length &&
      Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted),
  )?.value;
}

describe("BotMetrics", () => {
  it("renders what was recorded, with names, labels and help", async () => {
    const metrics = new BotMetrics({ defaultMetrics: false });
    metrics.recordQuestion("answered", "slash", 0.0004);
    metrics.recordQuestion("answered", "slash", 0.003);
    metrics.recordQuestion("abstained", "message", 0.02);
    metrics.recordQuestion("answered", "autocomplete");
    metrics.recordReload();
    metrics.recordReload();
    metrics.recordRejectedReload();
    metrics.recordError("interaction");
    metrics.recordRateLimited("user");
    metrics.recordRateLimited("overload");
    metrics.setGatewayPing(0, 42);
    metrics.setKnowledgeStatements(87);
    metrics.setInFlight(3);

    const text = await metrics.render();
    expect(value(text, "summit_questions_total", { outcome: "answered", source: "slash" })).toBe(2);
    expect(value(text, "summit_questions_total", { outcome: "abstained", source: "message" })).toBe(1);
    expect(value(text, "summit_questions_total", { outcome: "answered", source: "autocomplete" })).toBe(1);
    // Untouched combinations exist from the start, so rate() sees their first increase.
    expect(value(text, "summit_questions_total", { outcome: "abstained", source: "slash" })).toBe(0);
    expect(value(text, "summit_rate_limited_total", { scope: "channel" })).toBe(0);

    // Only timed questions reach the histogram.
    expect(value(text, "summit_answer_latency_seconds_count")).toBe(3);
    expect(value(text, "summit_answer_latency_seconds_sum")).toBeCloseTo(0.0234, 6);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "0.0005" })).toBe(1);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "0.005" })).toBe(2);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "0.0001" })).toBe(0);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "0.1" })).toBe(3);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "+Inf" })).toBe(3);

    expect(value(text, "summit_knowledge_reloads_total")).toBe(2);
    expect(value(text, "summit_knowledge_reloads_rejected_total")).toBe(1);
    expect(value(text, "summit_errors_total", { where: "interaction" })).toBe(1);
    expect(value(text, "summit_rate_limited_total", { scope: "user" })).toBe(1);
    expect(value(text, "summit_rate_limited_total", { scope: "overload" })).toBe(1);
    expect(value(text, "summit_gateway_ping_seconds", { shard: "0" })).toBeCloseTo(0.042, 9);
    expect(value(text, "summit_knowledge_statements")).toBe(87);
    expect(value(text, "summit_in_flight")).toBe(3);

    expect(text).toContain("# TYPE summit_answer_latency_seconds histogram");
    expect(text).toContain("# TYPE summit_in_flight gauge");
    expect(text).toMatch(/# HELP summit_questions_total \S/);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("owns its registry: two instances and the process defaults live side by side", async () => {
    const first = new BotMetrics();
    const second = new BotMetrics();
    first.recordReload();
    const text = await second.render();
    expect(value(text, "summit_knowledge_reloads_total")).toBe(0);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_heap_size_used_bytes");
  });

  it("times an answer", async () => {
    const metrics = new BotMetrics({ defaultMetrics: false });
    const done = metrics.startAnswerTimer("message");
    done("abstained");
    const text = await metrics.render();
    expect(value(text, "summit_questions_total", { outcome: "abstained", source: "message" })).toBe(1);
    expect(value(text, "summit_answer_latency_seconds_count")).toBe(1);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "2.5" })).toBe(1);
  });

  it("drops a shard's ping until its first heartbeat, and reads in-flight work at each scrape", async () => {
    const metrics = new BotMetrics({ defaultMetrics: false });
    metrics.setGatewayPing(1, 30);
    metrics.setGatewayPing(1, -1);
    let working = 5;
    metrics.trackInFlight(() => working);
    let text = await metrics.render();
    expect(value(text, "summit_gateway_ping_seconds", { shard: "1" })).toBeUndefined();
    expect(value(text, "summit_in_flight")).toBe(5);
    working = 2;
    text = await metrics.render();
    expect(value(text, "summit_in_flight")).toBe(2);
  });

  it("bounds the number of error series", async () => {
    const metrics = new BotMetrics({ defaultMetrics: false });
    for (let site = 0; site < 80; site += 1) metrics.recordError(`site-${site}`);
    metrics.recordError("site-3");
    const text = await metrics.render();
    const series = parse(text).filter((sample) => sample.name === "summit_errors_total");
    expect(series).toHaveLength(51);
    expect(value(text, "summit_errors_total", { where: "other" })).toBe(30);
    expect(value(text, "summit_errors_total", { where: "site-3" })).toBe(2);
  });

  it("merges the shards' snapshots into one body that adds up", async () => {
    const shard0 = new BotMetrics();
    const shard1 = new BotMetrics();
    shard0.recordQuestion("answered", "slash", 0.001);
    shard0.recordQuestion("answered", "slash", 0.002);
    shard1.recordQuestion("answered", "slash", 0.2);
    shard1.recordQuestion("abstained", "message", 0.0001);
    shard0.recordReload();
    shard1.recordReload();
    shard1.recordRateLimited("channel");
    shard0.setGatewayPing(0, 40);
    shard1.setGatewayPing(1, 60);
    shard0.setKnowledgeStatements(87);
    shard1.setKnowledgeStatements(87);
    shard0.setInFlight(2);
    shard1.setInFlight(3);

    // As the sharding manager gets them: through IPC, i.e. plain JSON.
    const snapshots = await Promise.all([shard0.snapshot(), shard1.snapshot()]);
    const text = await BotMetrics.mergeSnapshots(JSON.parse(JSON.stringify(snapshots)));

    expect(value(text, "summit_questions_total", { outcome: "answered", source: "slash" })).toBe(3);
    expect(value(text, "summit_questions_total", { outcome: "abstained", source: "message" })).toBe(1);
    expect(value(text, "summit_answer_latency_seconds_count")).toBe(4);
    expect(value(text, "summit_answer_latency_seconds_sum")).toBeCloseTo(0.2031, 6);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "0.0025" })).toBe(3);
    expect(value(text, "summit_answer_latency_seconds_bucket", { le: "+Inf" })).toBe(4);
    expect(value(text, "summit_knowledge_reloads_total")).toBe(2);
    expect(value(text, "summit_rate_limited_total", { scope: "channel" })).toBe(1);
    expect(value(text, "summit_gateway_ping_seconds", { shard: "0" })).toBeCloseTo(0.04, 9);
    expect(value(text, "summit_gateway_ping_seconds", { shard: "1" })).toBeCloseTo(0.06, 9);
    // Both shards serve the same file: the count is not doubled.
    expect(value(text, "summit_knowledge_statements")).toBe(87);
    expect(value(text, "summit_in_flight")).toBe(5);
    expect(text).toContain("process_resident_memory_bytes");
  });
});
