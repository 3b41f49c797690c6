import { type Client, Events, GatewayCloseCodes } from "discord.js";
import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import { FeedbackStore } from "../feedback/feedback-store.js";
import type { Logger } from "../logging/logger.js";
import { settleWithin } from "../ops/deadline.js";
import { startHealthServer } from "../ops/health-server.js";
import { BotMetrics } from "../ops/metrics.js";
import { RateLimiter } from "../ops/rate-limiter.js";
import { WorkLimiter } from "../ops/work-limiter.js";
import { auditToChannel } from "./audit.js";
import { BoundedMap } from "./bounded-map.js";
import { createBotClient, REST_TIMEOUT_MS } from "./client.js";
import { describeConnectFailure } from "./connect-failure.js";
import type { BotContext } from "./context.js";
import { FreeTextResponder } from "./free-text.js";
import { GatewayStatus } from "./gateway-status.js";
import { routeInteraction } from "./interaction-router.js";
import { guardGatewayPackets } from "./packet-guard.js";
import { PendingUploads } from "./pending-uploads.js";
import { attachShardBridge, postsAudit } from "./shard-bridge.js";

export interface RunningBot {
  readonly client: Client;
  readonly feedback: FeedbackStore;
  /** Resolves with the process exit code once the bot has stopped, for whatever reason. */
  readonly stopped: Promise<number>;
  /** Why the bot stopped by itself (a refused token, no connection), for standard error. */
  failure(): string | undefined;
  stop(): Promise<void>;
}

const FATAL_CLOSE_MESSAGES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.DisallowedIntents]:
    "Discord refused the gateway connection (close code 4014): the bot asks for the Message Content intent because ASK_CHANNEL_IDS is set, but it is not enabled. Enable “Message Content Intent” under Bot → Privileged Gateway Intents in the Discord developer portal, or leave ASK_CHANNEL_IDS empty.",
  [GatewayCloseCodes.AuthenticationFailed]:
    "Discord rejected the token (close code 4004). Copy a fresh token from the developer portal (Bot → Reset Token) into DISCORD_TOKEN.",
};

/** Handlers answer in milliseconds; more than this at once means a burst to shed, not to queue. */
const MAX_HANDLERS_IN_FLIGHT = 256;
const PING_SAMPLE_MS = 15_000;
const PURGE_INTERVAL_MS = 24 * 60 * 60_000;
/** Answers a vote may still name its question for; older votes record the statements only. */
const RECENT_ANSWERS = 5000;

/** Within the shutdown deadline: destroying the client waits on a gateway that may be gone. */
const DESTROY_DEADLINE_MS = 4_000;
/** While logging in takes this long, say so: discord.js retries a silent API for a minute. */
const SLOW_LOGIN_NOTICE_MS = 15_000;

/** Connects to Discord and answers until stopped; the token is used, never logged. */
export async function startBot(
  settings: Settings,
  knowledge: KnowledgeService,
  logger: Logger,
): Promise<RunningBot> {
  const client = createBotClient(settings);
  guardGatewayPackets(client, logger);
  const metrics = new BotMetrics();
  const gateway = new GatewayStatus(logger, metrics);
  gateway.attach(client);
  const feedback = FeedbackStore.open(settings.DATA_DIR, { retentionDays: settings.DATA_RETENTION_DAYS });
  const purgeTimer = setInterval(() => {
    try {
      const purged = feedback.purgeExpired();
      logger.info(purged, "expired feedback purged");
    } catch (error) {
      logger.warn({ err: error }, "could not purge expired feedback");
    }
  }, PURGE_INTERVAL_MS).unref();
  const work = new WorkLimiter(MAX_HANDLERS_IN_FLIGHT);
  metrics.trackInFlight(() => work.inFlight);
  metrics.setKnowledgeStatements(knowledge.current.statements.length);
  const context: BotContext = {
    knowledge,
    pendingUploads: new PendingUploads(),
    settings,
    logger,
    metrics,
    feedback,
    recentAnswers: new BoundedMap(RECENT_ANSWERS),
    cooldowns: new RateLimiter({
      userSeconds: settings.COOLDOWN_USER_SECONDS,
      channelSeconds: settings.COOLDOWN_CHANNEL_SECONDS,
    }),
    work,
  };
  knowledge.onAudit((event) => {
    if (event.change.kind === "applied") {
      metrics.recordReload();
      metrics.setKnowledgeStatements(event.change.after.statements.length);
    } else if (event.change.kind === "rejected") {
      metrics.recordRejectedReload();
    }
  });
  const freeText = new FreeTextResponder(context);
  let resolveStopped: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping = false;
  let failure: string | undefined;
  const pingTimer = setInterval(() => {
    // A shard's last ping outlives its connection; while it is down the round trip is unknown.
    for (const [shardId, shard] of client.ws.shards)
      metrics.setGatewayPing(shardId, gateway.isUp(shardId) ? shard.ping : -1);
  }, PING_SAMPLE_MS).unref();
  // Under a ShardingManager the manager serves health and metrics for all shards.
  const health =
    settings.HEALTH_PORT && !client.shard
      ? await startHealthServer({
          host: settings.HEALTH_HOST,
          port: settings.HEALTH_PORT,
          logger,
          health: async () => {
            const connection = gateway.health();
            return {
              ready: connection.ready,
              details: {
                ...(connection.reason ? { reason: connection.reason } : {}),
                connectedShards: connection.connectedShards,
                shards: connection.shards,
                knowledgeVersion: knowledge.current.document.version,
                knowledgeHash: knowledge.current.hash.slice(0, 12),
                statements: knowledge.current.statements.length,
                ping: connection.ready ? client.ws.ping : null,
              },
            };
          },
          metrics: async () => ({ body: await metrics.render(), contentType: metrics.contentType }),
        })
      : undefined;
  const stop = async (code = 0, reason?: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    failure = reason;
    clearInterval(pingTimer);
    clearInterval(purgeTimer);
    await health?.close();
    // With the gateway unreachable, destroy() can wait on a reconnect for a minute: the database
    // and the log matter more than a polite goodbye to a server that is not there.
    if ((await settleWithin(client.destroy(), DESTROY_DEADLINE_MS)) === "late")
      logger.warn({ deadlineMs: DESTROY_DEADLINE_MS }, "the Discord client did not close in time");
    feedback.close();
    logger.flush();
    resolveStopped(code);
  };

  const safely =
    <A extends unknown[]>(what: string, handler: (...args: A) => Promise<void>) =>
    (...args: A): void => {
      handler(...args).catch((error: unknown) => {
        metrics.recordError("message");
        logger.error({ err: error }, `${what} failed`);
      });
    };

  attachShardBridge(client, knowledge, metrics, logger, gateway);
  if (settings.AUDIT_CHANNEL_ID) {
    const post = auditToChannel(client, settings.AUDIT_CHANNEL_ID, logger);
    knowledge.onAudit((event) => {
      if (postsAudit(client, event)) post(event);
    });
  }
  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction, context));
  client.on(
    Events.MessageCreate,
    safely("answering a message", (message) => freeText.onMessage(message)),
  );
  client.on(
    Events.MessageUpdate,
    safely("answering an edited message", async (_old, message) => {
      const full = message.partial ? await message.fetch() : message;
      await freeText.onEdit(full);
    }),
  );
  client.on(
    Events.MessageDelete,
    safely("removing an answer", (message) => freeText.onDelete(message)),
  );
  client.on(Events.ClientReady, (ready) =>
    logger.info(
      {
        user: ready.user.tag,
        guilds: ready.guilds.cache.size,
        knowledge: knowledge.index.knowledge.document.version,
      },
      "connected to Discord",
    ),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const message = FATAL_CLOSE_MESSAGES[event.code];
    if (!message) return;
    logger.fatal({ code: event.code, shardId }, message);
    void stop(1, message);
  });
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord.js error"));

  logger.info({ api: settings.DISCORD_API_URL }, "connecting to Discord");
  const started = Date.now();
  const slowLogin = setInterval(() => {
    logger.warn(
      { api: settings.DISCORD_API_URL, seconds: Math.round((Date.now() - started) / 1000) },
      "no answer from the Discord API yet; still trying (check the network and DISCORD_API_URL)",
    );
  }, SLOW_LOGIN_NOTICE_MS).unref();
  try {
    await client.login(settings.DISCORD_TOKEN);
  } catch (error) {
    const message = describeConnectFailure(error, settings.DISCORD_API_URL, REST_TIMEOUT_MS);
    // The stack is for whoever debugs discord.js, not for an operator fixing a setting.
    logger.fatal({ err: logger.isLevelEnabled("debug") ? error : undefined }, message);
    await stop(1, message);
  } finally {
    clearInterval(slowLogin);
  }
  return { client, feedback, stopped, failure: () => failure, stop: () => stop(0) };
}
