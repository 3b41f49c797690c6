import { REST, type RESTGetAPIGatewayBotResult, Routes, ShardingManager } from "discord.js";
import type { Settings } from "../config/settings.js";
import type { Logger } from "../logging/logger.js";
import { type HealthServer, startHealthServer } from "../ops/health-server.js";
import { BotMetrics, type MetricsSnapshot } from "../ops/metrics.js";
import type { ShardSummary } from "./shard-bridge.js";

export interface RunningManager {
  readonly manager: ShardingManager;
  readonly totalShards: number;
  stop(): Promise<void>;
}

/**
 * How many shards: a number from SHARDS, or for `auto` what the API at DISCORD_API_URL recommends.
 * discord.js's own `auto` would ask Discord's address whatever `rest.api` says.
 */
export async function shardCount(settings: Settings & { DISCORD_TOKEN: string }): Promise<number> {
  if (typeof settings.SHARDS === "number") return settings.SHARDS;
  const rest = new REST({ api: settings.DISCORD_API_URL }).setToken(settings.DISCORD_TOKEN);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

/**
 * Runs the bot as several shard processes under discord.js's ShardingManager. Each shard runs this
 * same program (it sees SHARDING_MANAGER in its environment and starts the bot); the manager
 * process serves health and metrics for all of them.
 */
export async function startShardingManager(
  settings: Settings & { DISCORD_TOKEN: string },
  entryScript: string,
  logger: Logger,
): Promise<RunningManager> {
  const totalShards = await shardCount(settings);
  const manager = new ShardingManager(entryScript, {
    totalShards,
    token: settings.DISCORD_TOKEN,
    shardArgs: ["start"],
    respawn: true,
  });
  let stopping = false;
  manager.on("shardCreate", (shard) => {
    logger.info({ shard: shard.id, totalShards }, "shard started");
    shard.on("death", () => {
      if (!stopping) logger.warn({ shard: shard.id }, "shard process exited; discord.js starts it again");
    });
  });
  await manager.spawn({ amount: totalShards, timeout: 120_000 });

  let health: HealthServer | undefined;
  if (settings.HEALTH_PORT) {
    health = await startHealthServer({
      host: settings.HEALTH_HOST,
      port: settings.HEALTH_PORT,
      logger,
      health: async () => {
        const summaries = (await manager.broadcastEval((c) => c.summit?.summary())) as (
          | ShardSummary
          | undefined
        )[];
        const versions = new Set(summaries.map((summary) => summary?.hash));
        const reasons = [
          ...summaries.flatMap((summary) => (summary?.reason ? [summary.reason] : [])),
          ...(summaries.length === totalShards
            ? []
            : [`${summaries.length} of ${totalShards} shards answer`]),
          ...(versions.size > 1 ? ["the shards serve different knowledge versions"] : []),
        ];
        const ready = reasons.length === 0 && summaries.every((summary) => summary?.ready);
        return {
          ready,
          // Every shard opens the same feedback database: one reason, said once.
          degraded: [...new Set(summaries.flatMap((summary) => summary?.degraded ?? []))],
          details: { ...(ready ? {} : { reason: reasons.join("; ") || "not ready" }), shards: summaries },
        };
      },
      metrics: async () => {
        const snapshots = (await manager.broadcastEval((c) => c.summit?.metrics())) as (
          | MetricsSnapshot
          | undefined
        )[];
        const body = await BotMetrics.mergeSnapshots(snapshots.filter((snapshot) => snapshot !== undefined));
        return { body, contentType: new BotMetrics({ defaultMetrics: false }).contentType };
      },
    });
  }
  return {
    manager,
    totalShards,
    stop: async () => {
      stopping = true;
      await health?.close();
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
