import { parentPort } from "node:worker_threads";
import { contentHash } from "./knowledge-set.js";
import { validateKnowledgeText } from "./validate.js";

/**
 * Runs in a worker thread: parses and validates knowledge text off the bot's main thread, and
 * hashes it there too (a 10,000-statement file takes 25 ms to hash).
 */
parentPort?.on("message", (request: { id: number; text: string; origin: string }) => {
  const result = validateKnowledgeText(request.text, request.origin);
  parentPort?.postMessage({ id: request.id, result, hash: result.ok ? contentHash(request.text) : "" });
});
