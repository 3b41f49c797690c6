import { PendingActions } from "./pending-actions.js";

export interface PendingUpload {
  readonly text: string;
  readonly userId: string;
  readonly fileName: string;
  /** The hash of the knowledge file when the upload was checked; see `KnowledgeService.upload`. */
  readonly basedOn: string | undefined;
}

/** Validated uploads waiting for their moderator's Apply or Cancel; each can be taken once. */
export class PendingUploads {
  private readonly uploads = new PendingActions<PendingUpload>();

  add(upload: PendingUpload, now = Date.now()): string {
    return this.uploads.add(upload, upload.userId, now);
  }

  /** Removes and returns the upload if it exists, has not expired, and belongs to `userId`. */
  take(id: string, userId: string, now = Date.now()): PendingUpload | undefined {
    return this.uploads.take(id, userId, now);
  }
}
