import { parentPort } from "node:worker_threads";
import { validateKnowledgeText } from "./validate.js";

/** Runs in a worker thread: parses and validates knowledge text off the bot's main thread. */
parentPort?.on("message", (request: { id: number; text: string; origin: string }) => {
  parentPort?.postMessage({ id: request.id, result: validateKnowledgeText(request.text, request.origin) });
});
