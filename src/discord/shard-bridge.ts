import type { Client } from "discord.js";
import type { AuditEvent, KnowledgeService } from "../app/knowledge-service.js";
import { shortHash } from "../knowledge/knowledge-set.js";
import type { Logger } from "../logging/logger.js";
import type { BotMetrics, MetricsSnapshot } from "../ops/metrics.js";
import type { GatewayStatus } from "./gateway-status.js";

/** What one shard tells the others and the manager, through discord.js's broadcastEval. */
export interface ShardSummary {
  readonly shards: readonly number[];
  /** Every shard of this process has its gateway connection up. */
  readonly ready: boolean;
  /** Why not ready, for the manager's /healthz. */
  readonly reason?: string;
  readonly version: string;
  readonly hash: string;
  readonly statements: number;
  /** Milliseconds; null while disconnected. */
  readonly ping: number | null;
  /** What works less than it should on this shard (feedback off, say), and why. */
  readonly degraded?: readonly string[];
}

/** The shard-side API that broadcastEval functions call as `c.summit` (they cannot import). */
export interface SummitShardApi {
  summary(): ShardSummary;
  metrics(): Promise<MetricsSnapshot>;
  /** Re-reads the knowledge file because another shard changed it. */
  syncKnowledge(): Promise<string>;
}

declare module "discord.js" {
  interface Client {
    summit?: SummitShardApi;
  }
}

/** Reloads made because another shard asked: not audited again, not broadcast again. */
export const SHARD_SYNC_ACTOR = "shard sync";

/**
 * Connects a shard to its siblings: exposes its state for status and metrics, and after a change
 * a moderator made here, asks every shard to re-read the file so all answer from one version.
 */
export function attachShardBridge(
  client: Client,
  knowledge: KnowledgeService,
  metrics: BotMetrics,
  logger: Logger,
  gateway: GatewayStatus,
  degraded: () => readonly string[] = () => [],
): void {
  client.summit = {
    summary: () => {
      const connection = gateway.health();
      return {
        shards: client.shard?.ids ?? [0],
        ready: connection.ready,
        ...(connection.reason ? { reason: connection.reason } : {}),
        version: knowledge.current.document.version,
        hash: shortHash(knowledge.current.hash),
        statements: knowledge.current.statements.length,
        ping: connection.ready ? client.ws.ping : null,
        degraded: degraded(),
      };
    },
    metrics: () => metrics.snapshot(),
    syncKnowledge: async () => (await knowledge.reload(SHARD_SYNC_ACTOR)).kind,
  };
  const shard = client.shard;
  if (!shard) return;
  knowledge.onAudit((event: AuditEvent) => {
    if (event.change.kind !== "applied" || event.actor === SHARD_SYNC_ACTOR || event.actor === "file watcher")
      return;
    // Functions sent to broadcastEval travel as source text: they may only use their arguments.
    shard
      .broadcastEval((c) => c.summit?.syncKnowledge())
      .catch((error: unknown) => {
        logger.warn({ err: error }, "could not ask the other shards to reload the knowledge");
      });
  });
}

/** Every shard's summary, or this process's alone when not sharded. */
export async function shardSummaries(client: Client): Promise<ShardSummary[]> {
  if (!client.shard) return client.summit ? [client.summit.summary()] : [];
  const summaries = await client.shard.broadcastEval((c) => c.summit?.summary());
  return summaries.flatMap((summary) => (summary === undefined ? [] : [summary as ShardSummary]));
}

/** Whether an audit event should be posted from this process (once, not by every shard). */
export function postsAudit(client: Client, event: AuditEvent): boolean {
  if (event.actor === SHARD_SYNC_ACTOR) return false;
  // Every shard sees a file change on disk; the shard holding shard 0 speaks for all.
  if (event.actor === "file watcher" && client.shard) return client.shard.ids.includes(0);
  return true;
}
