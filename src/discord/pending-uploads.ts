import { randomBytes } from "node:crypto";
import { BoundedMap } from "./bounded-map.js";

export interface PendingUpload {
  readonly text: string;
  readonly userId: string;
  readonly fileName: string;
  readonly expiresAt: number;
}

const TTL_MS = 15 * 60_000;

/** Validated uploads waiting for their moderator's Apply or Cancel; each can be taken once. */
export class PendingUploads {
  private readonly uploads = new BoundedMap<string, PendingUpload>(50);

  add(upload: Omit<PendingUpload, "expiresAt">, now = Date.now()): string {
    const id = randomBytes(8).toString("hex");
    this.uploads.set(id, { ...upload, expiresAt: now + TTL_MS });
    return id;
  }

  /** Removes and returns the upload if it exists, has not expired, and belongs to `userId`. */
  take(id: string, userId: string, now = Date.now()): PendingUpload | undefined {
    const upload = this.uploads.get(id);
    if (!upload || upload.userId !== userId) return undefined;
    this.uploads.delete(id);
    return upload.expiresAt >= now ? upload : undefined;
  }
}
