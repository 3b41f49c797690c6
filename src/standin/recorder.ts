/**
 * Logs of what the stand-in received, which tests can await. A wait that times out lists what was
 * recorded, because "timed out" alone does not say what the bot sent instead.
 */

import type { GatewayMessageRecord, RecordedRequest } from "./types.js";

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Recorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly describe: (items: readonly T[]) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (!waiter.predicate(item)) continue;
      this.waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(item);
    }
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const existing = this.items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`${what} timed out after ${timeoutMs} ms; ${this.describe(this.items)}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }

  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.waiters.clear();
  }
}

/** Interaction tokens make paths unreadable in failure output; shorten long opaque segments. */
function abbreviatePath(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment.length > 40 ? `${segment.slice(0, 10)}…` : segment))
    .join("/");
}

export function describeRequests(items: readonly RecordedRequest[]): string {
  if (items.length === 0) return "no requests were recorded";
  const lines = items.map((r) => `${r.method} ${abbreviatePath(r.path)} → ${r.status}`);
  return `recorded requests:\n  ${lines.join("\n  ")}`;
}

export function describeGateway(items: readonly GatewayMessageRecord[]): string {
  if (items.length === 0) return "no gateway messages were received";
  return `received gateway ops: ${items.map((m) => m.op).join(", ")}`;
}
