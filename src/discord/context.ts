import type { KnowledgeStore } from "../app/knowledge-store.js";
import type { Settings } from "../config/settings.js";
import type { Logger } from "../logging/logger.js";

/** What every handler may use; handed in, never imported, so handlers stay testable. */
export interface BotContext {
  readonly store: KnowledgeStore;
  readonly settings: Settings;
  readonly logger: Logger;
}
