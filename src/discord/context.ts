import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import type { FeedbackService } from "../feedback/feedback-service.js";
import type { StoredData } from "../feedback/stored-data.js";
import type { Logger } from "../logging/logger.js";
import type { BotMetrics } from "../ops/metrics.js";
import type { RateLimiter } from "../ops/rate-limiter.js";
import type { WorkLimiter } from "../ops/work-limiter.js";
import type { ServerSettingsStore } from "../servers/server-settings-store.js";
import type { BoundedMap } from "./bounded-map.js";
import type { PendingUploads } from "./pending-uploads.js";

/** What every handler may use; handed in, never imported, so handlers stay testable. */
export interface BotContext {
  /** The live knowledge: `knowledge.index` answers questions; moderators change it through it. */
  readonly knowledge: KnowledgeService;
  /** Uploads shown to a moderator and waiting for Apply or Cancel. */
  readonly pendingUploads: PendingUploads;
  readonly settings: Settings;
  readonly logger: Logger;
  readonly metrics: BotMetrics;
  /** Cooldowns per user and channel for questions. */
  readonly cooldowns: RateLimiter;
  /** A bound on handlers running at once, so a burst is declined quickly instead of piling up. */
  readonly work: WorkLimiter;
  /** Unanswered questions and votes, for the moderators' knowledge gaps. */
  readonly feedback: FeedbackService;
  /** Each server's own settings over the environment's defaults (/setup). */
  readonly servers: ServerSettingsStore;
  /** What is kept per person and per server, for /privacy and for leaving a server. */
  readonly storedData: StoredData;
  /** What recent answers showed, by request id, so a vote can name the question it judges. */
  readonly recentAnswers: BoundedMap<string, RecentAnswer>;
}

export interface RecentAnswer {
  readonly question: string;
  readonly language: string;
  readonly statementIds: readonly string[];
  readonly knowledgeVersion: string;
}
