import type { Client } from "discord.js";
import { shortHash } from "../knowledge/knowledge-set.js";
import { startHealthServer } from "../ops/health-server.js";
import type { BotContext } from "./context.js";
import type { GatewayStatus } from "./gateway-status.js";

const PING_SAMPLE_MS = 15_000;

/** What runs beside the gateway connection for operators; closed when the bot stops. */
export interface OpsServers {
  close(): Promise<void>;
}

/**
 * Samples the gateway ping into the metrics and serves health and metrics on HEALTH_PORT. Under
 * a ShardingManager the manager serves health and metrics for all shards instead.
 */
export async function startOpsServers(
  client: Client,
  context: BotContext,
  gateway: GatewayStatus,
): Promise<OpsServers> {
  const { settings, logger, metrics, knowledge } = context;
  const pingTimer = setInterval(() => {
    // A shard's last ping outlives its connection; while it is down the round trip is unknown.
    for (const [shardId, shard] of client.ws.shards)
      metrics.setGatewayPing(shardId, gateway.isUp(shardId) ? shard.ping : -1);
  }, PING_SAMPLE_MS).unref();
  const health =
    settings.HEALTH_PORT && !client.shard
      ? await startHealthServer({
          host: settings.HEALTH_HOST,
          port: settings.HEALTH_PORT,
          logger,
          // Ready only while every shard's connection is up: isReady() stays true through an outage.
          health: async () => {
            const connection = gateway.health();
            return {
              ready: connection.ready,
              degraded: context.feedback.degraded,
              details: {
                ...(connection.reason ? { reason: connection.reason } : {}),
                connectedShards: connection.connectedShards,
                shards: connection.shards,
                knowledgeVersion: knowledge.current.document.version,
                knowledgeHash: shortHash(knowledge.current.hash),
                statements: knowledge.current.statements.length,
                ping: connection.ready ? client.ws.ping : null,
              },
            };
          },
          metrics: async () => ({ body: await metrics.render(), contentType: metrics.contentType }),
        })
      : undefined;
  return {
    async close() {
      clearInterval(pingTimer);
      await health?.close();
    },
  };
}
