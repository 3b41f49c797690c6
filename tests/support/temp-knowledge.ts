import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KnowledgeService } from "../../src/app/knowledge-service.js";
import { KnowledgeHistory } from "../../src/knowledge/history.js";
import { silentLogger } from "../../src/logging/logger.js";
import { VALID_KNOWLEDGE } from "./broken-knowledge.js";

export interface TempKnowledge {
  readonly folder: string;
  /** The knowledge file; its history is in `folder/history`. */
  readonly path: string;
  readonly service: KnowledgeService;
  /** Another process's view of the same file and history, as a second shard has. */
  openAgain(): Promise<KnowledgeService>;
  remove(): Promise<void>;
}

/** A knowledge file with `text` in a fresh folder, served by a knowledge service as the bot's is. */
export async function openTempKnowledge(text: string = VALID_KNOWLEDGE): Promise<TempKnowledge> {
  const folder = await mkdtemp(join(tmpdir(), "summit-knowledge-"));
  const path = join(folder, "summit.yaml");
  await writeFile(path, text);
  const open = async () => {
    const opened = await KnowledgeService.open(
      path,
      new KnowledgeHistory(join(folder, "history")),
      silentLogger(),
    );
    if (!opened.ok) throw new Error(`fixture invalid: ${opened.issues[0]?.message}`);
    return opened.value;
  };
  return {
    folder,
    path,
    service: await open(),
    openAgain: open,
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
