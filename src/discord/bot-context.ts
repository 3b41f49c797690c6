import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import { databaseSource, FeedbackService, FeedbackUnavailableError } from "../feedback/feedback-service.js";
import { StoredData } from "../feedback/stored-data.js";
import type { Logger } from "../logging/logger.js";
import { BotMetrics } from "../ops/metrics.js";
import { RateLimiter } from "../ops/rate-limiter.js";
import { WorkLimiter } from "../ops/work-limiter.js";
import { environmentDefaults } from "../servers/server-settings.js";
import { ServerSettingsStore } from "../servers/server-settings-store.js";
import { BoundedMap } from "./bounded-map.js";
import type { BotContext } from "./context.js";
import { PendingUploads } from "./pending-uploads.js";

/** Handlers answer in milliseconds; more than this at once means a burst to shed, not to queue. */
const MAX_HANDLERS_IN_FLIGHT = 256;
const PURGE_INTERVAL_MS = 24 * 60 * 60_000;
/** Answers a vote may still name its question for; older votes record the statements only. */
const RECENT_ANSWERS = 5000;

/** The context every handler gets, and how to release what it holds when the bot stops. */
export interface BotServices {
  readonly context: BotContext;
  close(): void;
}

/** Opens the feedback store, sets up metrics and limits, and keeps expired feedback purged. */
export function buildBotContext(
  settings: Settings,
  knowledge: KnowledgeService,
  logger: Logger,
): BotServices {
  const metrics = new BotMetrics();
  const feedback = FeedbackService.open(
    settings.DATA_DIR,
    { retentionDays: settings.DATA_RETENTION_DAYS },
    logger,
  );
  feedback.onProblem((problem) => metrics.setFeedbackUnavailable(problem !== undefined));
  const purgeTimer = setInterval(() => purgeExpiredFeedback(feedback, logger), PURGE_INTERVAL_MS).unref();
  const work = new WorkLimiter(MAX_HANDLERS_IN_FLIGHT);
  metrics.trackInFlight(() => work.inFlight);
  countKnowledgeChanges(knowledge, metrics);
  // Per-server settings and rows live in the same database; while it is off, the defaults apply.
  const database = databaseSource(feedback);
  const context: BotContext = {
    knowledge,
    pendingUploads: new PendingUploads(),
    settings,
    logger,
    metrics,
    feedback,
    recentAnswers: new BoundedMap(RECENT_ANSWERS),
    servers: new ServerSettingsStore(database, environmentDefaults(settings), logger),
    storedData: new StoredData(database),
    cooldowns: new RateLimiter({
      userSeconds: settings.COOLDOWN_USER_SECONDS,
      channelSeconds: settings.COOLDOWN_CHANNEL_SECONDS,
    }),
    work,
  };
  return {
    context,
    close() {
      clearInterval(purgeTimer);
      feedback.close();
    },
  };
}

function purgeExpiredFeedback(feedback: FeedbackService, logger: Logger): void {
  try {
    const purged = feedback.use((store) => store.purgeExpired());
    logger.info(purged, "expired feedback purged");
  } catch (error) {
    // Switched off, it was said once already (log, /healthz, metric).
    if (error instanceof FeedbackUnavailableError) return;
    logger.warn({ err: error }, "could not purge expired feedback");
  }
}

function countKnowledgeChanges(knowledge: KnowledgeService, metrics: BotMetrics): void {
  metrics.setKnowledgeStatements(knowledge.current.statements.length);
  knowledge.onAudit((event) => {
    if (event.change.kind === "applied") {
      metrics.recordReload();
      metrics.setKnowledgeStatements(event.change.after.statements.length);
    } else if (event.change.kind === "rejected") {
      metrics.recordRejectedReload();
    }
  });
}
