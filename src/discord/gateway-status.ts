import { type Client, Events, WebSocketShardEvents } from "discord.js";
import type { Logger } from "../logging/logger.js";
import type { BotMetrics } from "../ops/metrics.js";

interface ShardState {
  up: boolean;
  /** When the current outage began (ms, monotonic), while down. */
  downSince: number | undefined;
  lastCloseCode: number | undefined;
  /** Reconnect attempts in this outage: the first is logged at info, the rest at debug. */
  attempts: number;
}

export interface GatewayHealth {
  readonly ready: boolean;
  /** Why not ready, in words for an operator; absent when ready. */
  readonly reason?: string;
  readonly connectedShards: number;
  readonly shards: number;
}

/**
 * Whether every shard's gateway connection is up, from discord.js's shard events. `client.isReady()`
 * stays true while discord.js reconnects, so health built on it reports "ready" through a whole
 * outage; this follows disconnect, reconnecting, resume and ready instead, logs each change, and
 * keeps the connected-shards and outage metrics.
 */
export class GatewayStatus {
  private readonly shards = new Map<number, ShardState>();
  private loggedIn = false;
  private permanentFailure: string | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: BotMetrics,
    private readonly now: () => number = () => performance.now(),
  ) {
    metrics.setConnectedShards(0);
  }

  /** Follows the client's shards; call before login. */
  attach(client: Client): void {
    const watchedCloses = new Set<number>();
    client.on(Events.ShardReady, (shardId) => {
      // The close code reaches only the shard's own event; its object exists once it has connected.
      const shard = client.ws.shards.get(shardId);
      if (shard && !watchedCloses.has(shardId)) {
        watchedCloses.add(shardId);
        shard.on(WebSocketShardEvents.Close, (event: { code: number }) => this.closed(shardId, event.code));
      }
      this.connected(shardId);
    });
    client.on(Events.ShardResume, (shardId) => this.connected(shardId));
    client.on(Events.ShardReconnecting, (shardId) => this.reconnecting(shardId));
    client.on(Events.ShardDisconnect, (event, shardId) => this.disconnected(shardId, event.code));
    client.on(Events.ClientReady, () => this.markLoggedIn());
  }

  /** The first login is complete: from now on the shards known are all there are. */
  markLoggedIn(): void {
    this.loggedIn = true;
  }

  /** A shard's connection closed; discord.js reconnects unless the code is fatal. */
  closed(shardId: number, code: number): void {
    const state = this.stateOf(shardId);
    state.lastCloseCode = code;
    if (!state.up) return;
    state.up = false;
    state.downSince = this.now();
    state.attempts = 0;
    this.metrics.recordGatewayOutage();
    this.metrics.setGatewayPing(shardId, -1);
    this.publish();
    this.logger.warn({ shardId, code }, "gateway connection lost");
  }

  reconnecting(shardId: number): void {
    const state = this.stateOf(shardId);
    // discord.js reports a close it will recover from only as "reconnecting" on the client.
    if (state.up) this.closed(shardId, state.lastCloseCode ?? 0);
    state.attempts++;
    const level = state.attempts === 1 ? "info" : "debug";
    this.logger[level]({ shardId, attempt: state.attempts }, "reconnecting to the gateway");
  }

  /** Closed for good (a fatal close code): the bot stops, health stays unready. */
  disconnected(shardId: number, code: number): void {
    this.closed(shardId, code);
    this.permanentFailure = `shard ${shardId} closed for good (close code ${code})`;
    this.publish();
  }

  connected(shardId: number): void {
    const state = this.stateOf(shardId);
    if (state.up) return;
    const outageMs = state.downSince === undefined ? undefined : Math.round(this.now() - state.downSince);
    state.up = true;
    state.downSince = undefined;
    state.attempts = 0;
    this.publish();
    if (outageMs === undefined) return;
    this.metrics.recordGatewayOutageEnded(outageMs / 1000);
    this.logger.info({ shardId, outageMs }, "gateway connection resumed");
  }

  get ready(): boolean {
    return this.health().ready;
  }

  /** Whether a shard's connection is up: its heartbeat ping means nothing otherwise. */
  isUp(shardId: number): boolean {
    return this.shards.get(shardId)?.up ?? false;
  }

  health(): GatewayHealth {
    const states = [...this.shards.entries()];
    const connectedShards = states.filter(([, state]) => state.up).length;
    const base = { connectedShards, shards: states.length };
    if (this.permanentFailure) return { ...base, ready: false, reason: this.permanentFailure };
    if (!this.loggedIn || states.length === 0)
      return { ...base, ready: false, reason: "connecting to the gateway" };
    const down = states.filter(([, state]) => !state.up);
    if (down.length === 0) return { ...base, ready: true };
    const now = this.now();
    const reason = down
      .map(([shardId, state]) => {
        const seconds = Math.round((now - (state.downSince ?? now)) / 1000);
        const code = state.lastCloseCode === undefined ? "" : `, close code ${state.lastCloseCode}`;
        return `shard ${shardId} lost its gateway connection ${seconds} s ago${code}; reconnecting`;
      })
      .join("; ");
    return { ...base, ready: false, reason };
  }

  private stateOf(shardId: number): ShardState {
    let state = this.shards.get(shardId);
    if (!state) {
      state = { up: false, downSince: undefined, lastCloseCode: undefined, attempts: 0 };
      this.shards.set(shardId, state);
    }
    return state;
  }

  private publish(): void {
    let up = 0;
    for (const state of this.shards.values()) if (state.up) up++;
    this.metrics.setConnectedShards(up);
  }
}
