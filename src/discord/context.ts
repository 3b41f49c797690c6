import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import type { Logger } from "../logging/logger.js";
import type { PendingUploads } from "./pending-uploads.js";

/** What every handler may use; handed in, never imported, so handlers stay testable. */
export interface BotContext {
  /** The live knowledge: `knowledge.index` answers questions; moderators change it through it. */
  readonly knowledge: KnowledgeService;
  /** Uploads shown to a moderator and waiting for Apply or Cancel. */
  readonly pendingUploads: PendingUploads;
  readonly settings: Settings;
  readonly logger: Logger;
}
