import {
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type MetricObjectWithValues,
  type MetricValue,
  prometheusContentType,
  Registry,
} from "prom-client";
import type { CooldownScope } from "./rate-limiter.js";

export type QuestionOutcome = "answered" | "abstained";
export type QuestionSource = "slash" | "message" | "autocomplete";
/** Cooldowns, plus "overload" when the work limiter turns a question away. */
export type RateLimitedScope = CooldownScope | "overload";

/** What one process's registry holds, as plain data that survives IPC between shards and the manager. */
export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

export interface BotMetricsOptions {
  /** Process and Node.js runtime metrics (CPU, memory, event loop, GC); on unless turned off. */
  readonly defaultMetrics?: boolean;
}

const OUTCOMES: readonly QuestionOutcome[] = ["answered", "abstained"];
const SOURCES: readonly QuestionSource[] = ["slash", "message", "autocomplete"];
const RATE_LIMITED_SCOPES: readonly RateLimitedScope[] = ["user", "channel", "overload"];

// The engine answers in well under a millisecond on the shipped knowledge and in tens of
// milliseconds on 10,000 statements; the top buckets catch a stalled event loop.
const LATENCY_BUCKETS_SECONDS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];

// Every distinct `where` is a new time series kept forever; a caller passing something unbounded
// (an error message, an id) must not grow the registry without limit.
const MAX_ERROR_SITES = 50;
const OVERFLOW_ERROR_SITE = "other";

/**
 * The bot's figures for `/metrics`. Each instance owns its registry: the global default registry
 * would be shared by every test in a worker and by anything else in the process that uses
 * prom-client.
 */
export class BotMetrics {
  readonly registry: Registry;
  readonly contentType: string = prometheusContentType;

  private readonly questions: Counter<"outcome" | "source">;
  private readonly autocompletes: Counter<"command">;
  private readonly answerLatency: Histogram;
  private readonly reloads: Counter;
  private readonly rejectedReloads: Counter;
  private readonly errors: Counter<"where">;
  private readonly rateLimited: Counter<"scope">;
  private readonly gatewayPing: Gauge<"shard">;
  private readonly gatewayConnectedShards: Gauge;
  private readonly gatewayOutages: Counter;
  private readonly gatewayOutageSeconds: Counter;
  private readonly knowledgeStatements: Gauge;
  private readonly inFlight: Gauge;
  private readonly feedbackUnavailable: Gauge;
  private readonly errorSites = new Set<string>();
  private readInFlight: (() => number) | undefined;

  constructor(options: BotMetricsOptions = {}) {
    this.registry = new Registry();
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });

    this.questions = new Counter({
      name: "summit_questions_total",
      help: "Questions handled, by whether the bot answered or abstained and where the question came from.",
      labelNames: ["outcome", "source"],
      registers,
    });
    this.autocompletes = new Counter({
      name: "summit_autocomplete_total",
      help: "Autocomplete requests answered (one per keystroke), by command; not questions.",
      labelNames: ["command"],
      registers,
    });
    this.answerLatency = new Histogram({
      name: "summit_answer_latency_seconds",
      help: "Time from receiving a question to having its answer, in seconds.",
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.reloads = new Counter({
      name: "summit_knowledge_reloads_total",
      help: "Knowledge versions swapped in at run time.",
      registers,
    });
    this.rejectedReloads = new Counter({
      name: "summit_knowledge_reloads_rejected_total",
      help: "Knowledge reloads refused (invalid or unreadable file); the previous version kept serving.",
      registers,
    });
    this.errors = new Counter({
      name: "summit_errors_total",
      help: "Errors caught and answered, by where they happened.",
      labelNames: ["where"],
      registers,
    });
    this.rateLimited = new Counter({
      name: "summit_rate_limited_total",
      help: "Questions turned away by a user or channel cooldown, or because too much work was in flight.",
      labelNames: ["scope"],
      registers,
    });
    this.gatewayPing = new Gauge({
      name: "summit_gateway_ping_seconds",
      help: "Latest gateway heartbeat round trip per shard, in seconds.",
      labelNames: ["shard"],
      registers,
    });
    this.gatewayConnectedShards = new Gauge({
      name: "summit_gateway_connected_shards",
      help: "Shards whose gateway connection is up (identified or resumed) right now.",
      registers,
    });
    this.gatewayOutages = new Counter({
      name: "summit_gateway_outages_total",
      help: "Times a shard's gateway connection was lost.",
      registers,
    });
    this.gatewayOutageSeconds = new Counter({
      name: "summit_gateway_outage_seconds_total",
      help: "Seconds shards spent without a gateway connection, counted when each outage ended.",
      registers,
    });
    this.knowledgeStatements = new Gauge({
      name: "summit_knowledge_statements",
      help: "Statements in the knowledge version being served.",
      // Every shard serves the same file: summing the shards' figures would multiply it.
      aggregator: "max",
      registers,
    });
    this.inFlight = new Gauge({
      name: "summit_in_flight",
      help: "Questions being worked on right now.",
      registers,
      collect: () => {
        if (this.readInFlight) this.inFlight.set(this.readInFlight());
      },
    });

    this.feedbackUnavailable = new Gauge({
      name: "summit_feedback_unavailable",
      help: "1 while votes and unanswered questions cannot be stored (damaged or unwritable database, lost salt); see /healthz for why.",
      aggregator: "max",
      registers,
    });
    this.feedbackUnavailable.set(0);

    // Series that exist from the start with 0 let rate() and alerts see the first increase.
    for (const outcome of OUTCOMES) {
      for (const source of SOURCES) this.questions.inc({ outcome, source }, 0);
    }
    for (const scope of RATE_LIMITED_SCOPES) this.rateLimited.inc({ scope }, 0);
  }

  /** One question handled; `latencySeconds` when it was timed. */
  recordQuestion(outcome: QuestionOutcome, source: QuestionSource, latencySeconds?: number): void {
    this.questions.inc({ outcome, source });
    if (latencySeconds !== undefined && Number.isFinite(latencySeconds) && latencySeconds >= 0) {
      this.answerLatency.observe(latencySeconds);
    }
  }

  /** One autocomplete request: a keystroke in a command's option, not a question asked. */
  recordAutocomplete(command: string): void {
    this.autocompletes.inc({ command });
  }

  /** Times from now; call the returned function when the answer is ready. */
  startAnswerTimer(source: QuestionSource): (outcome: QuestionOutcome) => void {
    const started = process.hrtime.bigint();
    return (outcome) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.recordQuestion(outcome, source, seconds);
    };
  }

  recordReload(): void {
    this.reloads.inc();
  }

  setFeedbackUnavailable(unavailable: boolean): void {
    this.feedbackUnavailable.set(unavailable ? 1 : 0);
  }

  recordRejectedReload(): void {
    this.rejectedReloads.inc();
  }

  /** `where` should come from a small fixed set (a handler or event name), never from user input. */
  recordError(where: string): void {
    let site = where;
    if (!this.errorSites.has(site)) {
      if (this.errorSites.size >= MAX_ERROR_SITES) site = OVERFLOW_ERROR_SITE;
      else this.errorSites.add(site);
    }
    this.errors.inc({ where: site });
  }

  recordRateLimited(scope: RateLimitedScope): void {
    this.rateLimited.inc({ scope });
  }

  /**
   * `pingMs` as discord.js reports it (`client.ws.ping`, `shard.ping`): milliseconds, and -1
   * before the first heartbeat, which drops the series instead of reporting a negative round trip.
   */
  setGatewayPing(shard: number, pingMs: number): void {
    const labels = { shard: String(shard) };
    if (Number.isFinite(pingMs) && pingMs >= 0) this.gatewayPing.set(labels, pingMs / 1000);
    else this.gatewayPing.remove(labels);
  }

  setConnectedShards(count: number): void {
    this.gatewayConnectedShards.set(count);
  }

  recordGatewayOutage(): void {
    this.gatewayOutages.inc();
  }

  recordGatewayOutageEnded(seconds: number): void {
    this.gatewayOutageSeconds.inc(seconds);
  }

  setKnowledgeStatements(count: number): void {
    this.knowledgeStatements.set(count);
  }

  setInFlight(count: number): void {
    this.inFlight.set(count);
  }

  /** Reads the figure at each scrape (e.g. `() => workLimiter.inFlight`), so no call site can forget to update it. */
  trackInFlight(read: () => number): void {
    this.readInFlight = read;
  }

  /** Prometheus text format, to serve with `contentType`. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** This process's figures as plain data, for the sharding manager to merge. */
  snapshot(): Promise<MetricsSnapshot> {
    return this.registry.getMetricsAsJSON();
  }

  /**
   * One Prometheus text body for all shards: counters and histograms add up, per-shard gauges
   * keep their `shard` label, and each metric's own aggregator (e.g. max for the statement count)
   * applies.
   */
  static mergeSnapshots(snapshots: readonly MetricsSnapshot[]): Promise<string> {
    return AggregatorRegistry.aggregate([...snapshots]).metrics();
  }
}
