import { join } from "node:path";
import type { Settings } from "../config/settings.js";
import { KnowledgeHistory } from "../knowledge/history.js";
import type { Result } from "../knowledge/issues.js";
import type { Logger } from "../logging/logger.js";
import { KnowledgeService } from "./knowledge-service.js";

export function historyFolder(settings: Pick<Settings, "DATA_DIR">): string {
  return join(settings.DATA_DIR, "history");
}

/** The knowledge as the settings place it: the file at KNOWLEDGE_PATH, its history in DATA_DIR. */
export function openKnowledgeService(
  settings: Pick<Settings, "DATA_DIR" | "KNOWLEDGE_PATH" | "KNOWLEDGE_MAX_BYTES" | "HISTORY_KEEP">,
  logger: Logger,
): Promise<Result<KnowledgeService>> {
  return KnowledgeService.open(
    settings.KNOWLEDGE_PATH,
    new KnowledgeHistory(historyFolder(settings), settings.HISTORY_KEEP),
    logger,
    { maxBytes: settings.KNOWLEDGE_MAX_BYTES },
  );
}
