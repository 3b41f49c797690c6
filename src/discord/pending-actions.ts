import { randomBytes } from "node:crypto";
import { BoundedMap } from "./bounded-map.js";

const TTL_MS = 15 * 60_000;

/**
 * Changes shown to a moderator and waiting for their Apply or Cancel. Each is taken once, only by
 * the moderator it was shown to, and expires: a preview left open is not applied hours later.
 */
export class PendingActions<T> {
  private readonly pending = new BoundedMap<string, { value: T; userId: string; expiresAt: number }>(50);

  /** Keeps `value` for `userId`; returns the id its buttons carry (16 hex digits). */
  add(value: T, userId: string, now = Date.now()): string {
    const id = randomBytes(8).toString("hex");
    this.pending.set(id, { value, userId, expiresAt: now + TTL_MS });
    return id;
  }

  /** Removes and returns the value if it exists, has not expired, and belongs to `userId`. */
  take(id: string, userId: string, now = Date.now()): T | undefined {
    const entry = this.pending.get(id);
    if (!entry || entry.userId !== userId) return undefined;
    this.pending.delete(id);
    return entry.expiresAt >= now ? entry.value : undefined;
  }
}
