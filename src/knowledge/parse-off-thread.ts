import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Result } from "./issues.js";
import { createKnowledgeSet, type KnowledgeSet } from "./knowledge-set.js";
import { parseKnowledge } from "./load.js";
import type { KnowledgeDocument } from "./schema.js";

type Validated = { result: Result<KnowledgeDocument>; hash: string };
type Reply = { id: number } & Validated;

const workerFile = fileURLToPath(new URL("./validate-worker.js", import.meta.url));
let worker: Worker | undefined;
let nextId = 0;
/** Each request's reply handler and its file, so that a crash names the files it failed. */
const waiting = new Map<number, { resolve: (validated: Validated) => void; origin: string }>();

/**
 * `parseKnowledge` on a worker thread: parsing a 10,000-statement file takes a third of a second,
 * which the running bot must not spend away from its questions. Where the compiled worker is not
 * there (the sources run directly, as under the test runner), the same validation runs in-thread.
 */
export async function parseKnowledgeOffThread(text: string, origin: string): Promise<Result<KnowledgeSet>> {
  if (!existsSync(workerFile)) return parseKnowledge(text, origin);
  const { result, hash } = await validateInWorker(text, origin);
  if (!result.ok) return result;
  return { ok: true, value: createKnowledgeSet(result.value, { hash, origin }) };
}

function validateInWorker(text: string, origin: string): Promise<Validated> {
  const id = nextId++;
  const thread = workerThread();
  // Held open while it works for someone; an idle parser must not keep a command from exiting.
  thread.ref();
  return new Promise((resolve) => {
    waiting.set(id, { resolve, origin });
    thread.postMessage({ id, text, origin });
  });
}

function workerThread(): Worker {
  if (worker) return worker;
  const created = new Worker(workerFile);
  created.on("message", (reply: Reply) => {
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
    if (waiting.size === 0) created.unref();
  });
  created.on("error", (error) => {
    // A crashed worker fails the reloads it held; the next reload starts a fresh one.
    for (const { resolve, origin } of waiting.values()) {
      resolve({
        result: {
          ok: false,
          issues: [
            {
              file: origin,
              line: 1,
              column: 1,
              field: "file",
              message: `could not be parsed: ${error.message}`,
            },
          ],
        },
        hash: "",
      });
    }
    waiting.clear();
    worker = undefined;
  });
  worker = created;
  return created;
}
