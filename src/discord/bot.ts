import { type Client, DiscordjsErrorCodes, Events, GatewayCloseCodes } from "discord.js";
import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import { FeedbackService, FeedbackUnavailableError } from "../feedback/feedback-service.js";
import type { Logger } from "../logging/logger.js";
import { startHealthServer } from "../ops/health-server.js";
import { BotMetrics } from "../ops/metrics.js";
import { RateLimiter } from "../ops/rate-limiter.js";
import { WorkLimiter } from "../ops/work-limiter.js";
import { auditToChannel } from "./audit.js";
import { BoundedMap } from "./bounded-map.js";
import { createBotClient } from "./client.js";
import type { BotContext } from "./context.js";
import { FreeTextResponder } from "./free-text.js";
import { routeInteraction } from "./interaction-router.js";
import { guardGatewayPackets } from "./packet-guard.js";
import { PendingUploads } from "./pending-uploads.js";
import { attachShardBridge, postsAudit } from "./shard-bridge.js";

export interface RunningBot {
  readonly client: Client;
  readonly feedback: FeedbackService;
  /** Resolves with the process exit code once the bot has stopped, for whatever reason. */
  readonly stopped: Promise<number>;
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

const INVALID_TOKEN_MESSAGE =
  "Discord rejected the token (401). Copy a fresh token from the developer portal (Bot → Reset Token) into DISCORD_TOKEN.";

/** Connects to Discord and answers until stopped; the token is used, never logged. */
export async function startBot(
  settings: Settings,
  knowledge: KnowledgeService,
  logger: Logger,
): Promise<RunningBot> {
  const client = createBotClient(settings);
  guardGatewayPackets(client, logger);
  const metrics = new BotMetrics();
  const feedback = FeedbackService.open(
    settings.DATA_DIR,
    { retentionDays: settings.DATA_RETENTION_DAYS },
    logger,
  );
  feedback.onProblem((problem) => metrics.setFeedbackUnavailable(problem !== undefined));
  const purgeTimer = setInterval(() => {
    try {
      const purged = feedback.use((store) => store.purgeExpired());
      logger.info(purged, "expired feedback purged");
    } catch (error) {
      if (error instanceof FeedbackUnavailableError) return;
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
  const pingTimer = setInterval(() => {
    for (const [shardId, shard] of client.ws.shards) metrics.setGatewayPing(shardId, shard.ping);
  }, PING_SAMPLE_MS).unref();
  // Under a ShardingManager the manager serves health and metrics for all shards.
  const health =
    settings.HEALTH_PORT && !client.shard
      ? await startHealthServer({
          host: settings.HEALTH_HOST,
          port: settings.HEALTH_PORT,
          logger,
          health: async () => ({
            ready: client.isReady(),
            degraded: feedback.problem ? [`feedback: ${feedback.problem}`] : [],
            details: {
              knowledgeVersion: knowledge.current.document.version,
              knowledgeHash: knowledge.current.hash.slice(0, 12),
              statements: knowledge.current.statements.length,
              ping: client.ws.ping,
            },
          }),
          metrics: async () => ({ body: await metrics.render(), contentType: metrics.contentType }),
        })
      : undefined;
  const stop = async (code = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearInterval(pingTimer);
    clearInterval(purgeTimer);
    await health?.close();
    await client.destroy();
    feedback.close();
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

  attachShardBridge(client, knowledge, metrics, logger);
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
    void stop(1);
  });
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, "gateway connection resumed"));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord.js error"));

  try {
    await client.login(settings.DISCORD_TOKEN);
  } catch (error) {
    const invalidToken = (error as { code?: string }).code === DiscordjsErrorCodes.TokenInvalid;
    logger.fatal(
      { err: invalidToken ? undefined : error },
      invalidToken ? INVALID_TOKEN_MESSAGE : "could not connect to Discord",
    );
    await stop(1);
  }
  return { client, feedback, stopped, stop: () => stop(0) };
}
