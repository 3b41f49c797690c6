import { type FSWatcher, watch } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { contentHash } from "../knowledge/knowledge-set.js";
import type { Logger } from "../logging/logger.js";

export interface FollowOptions {
  /** The hash of the content already in use: unchanged content is never handed on. */
  readonly initialHash: string;
  /** How often the file is read and hashed even without an event, for what a watch misses. */
  readonly pollMs?: number;
  /** The pause between the two reads that must agree before the content counts as whole. */
  readonly settleMs?: number;
}

/** What the follower hands on: whole, settled content, or the news that the file cannot be read. */
export type FollowedContent = { readonly text: string } | { readonly unreadable: true };

const DEFAULT_POLL_MS = 2_000;
const DEFAULT_SETTLE_MS = 200;
/** Reads that may disagree before the follower gives up until the next event or poll. */
const MAX_SETTLE_ROUNDS = 15;

/**
 * Follows one file however it is replaced: edited in place, renamed over, swapped behind a symlink
 * (as Kubernetes updates a ConfigMap: `..data` pointed at a new folder), or its folder deleted and
 * created again. Any event in the folder counts, because a symlink swap names `..data`, not the
 * file; a periodic hash check catches whatever the watch misses, and re-watches a re-created
 * folder. Content is handed on only once two reads a moment apart agree, so a file still being
 * written is never taken half; and only when its hash differs from the last content handed on.
 */
export function followFile(
  path: string,
  onContent: (content: FollowedContent) => Promise<void>,
  logger: Logger,
  options: FollowOptions,
): () => void {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const folder = dirname(path);
  let lastSeen: string = options.initialHash;
  let watcher: FSWatcher | undefined;
  let watchedFolder: number | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again: "event" | "poll" | undefined;

  const settledContent = async (): Promise<FollowedContent | undefined> => {
    let previous: string | undefined;
    for (let round = 0; round < MAX_SETTLE_ROUNDS && !stopped; round++) {
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch {
        return { unreadable: true };
      }
      if (text === previous) return { text };
      previous = text;
      await sleep(settleMs);
    }
    return undefined;
  };

  const check = async (cause: "event" | "poll"): Promise<void> => {
    const content = await settledContent();
    if (!content || stopped) return;
    const seen = "text" in content ? contentHash(content.text) : "unreadable";
    if (seen === lastSeen) return;
    lastSeen = seen;
    if (cause === "poll")
      logger.warn(
        { path },
        "the knowledge file changed without a file-system event (a symlink swap or a re-created folder?); reloading",
      );
    await onContent(content);
  };

  const schedule = (cause: "event" | "poll"): void => {
    if (stopped) return;
    if (running) {
      // An event outranks a poll: it is the expected way to learn of a change.
      again = again === "event" || cause === "event" ? "event" : "poll";
      return;
    }
    running = check(cause)
      .catch((error: unknown) => logger.error({ err: error }, "following the knowledge file failed"))
      .finally(() => {
        running = undefined;
        const next = again;
        again = undefined;
        if (next) schedule(next);
      });
  };

  const startWatching = async (): Promise<void> => {
    let folderId: number;
    try {
      folderId = (await stat(folder)).ino;
    } catch {
      return;
    }
    if (stopped || (watcher && folderId === watchedFolder)) return;
    watcher?.close();
    try {
      watcher = watch(folder, () => schedule("event"));
      watchedFolder = folderId;
      watcher.on("error", (error) => {
        logger.warn({ err: error }, "cannot watch the knowledge folder; checking it every few seconds");
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      watcher = undefined;
      logger.warn({ err: error }, "cannot watch the knowledge folder; checking it every few seconds");
    }
  };

  void startWatching();
  const poll = setInterval(() => {
    // A deleted and re-created folder is a new folder: the old watch hears nothing from it.
    void startWatching();
    schedule("poll");
  }, pollMs);
  poll.unref();
  return () => {
    stopped = true;
    clearInterval(poll);
    watcher?.close();
  };
}
