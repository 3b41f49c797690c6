import { BoundedMap } from "../discord/bounded-map.js";
import { leansOnPrevious, readTogether } from "../search/follow-up.js";
import type { SearchIndex } from "../search/search-index.js";

/** How long a question stays the context of the next one: a conversation, not a history. */
export const FOLLOW_UP_WINDOW_MS = 5 * 60_000;
const REMEMBERED_CONVERSATIONS = 5_000;

interface Asked {
  readonly question: string;
  readonly at: number;
  /** The message it came in, so that an edit of it is read against the question before it. */
  readonly messageId: string | undefined;
  readonly before: Omit<Asked, "before"> | undefined;
}

/** Which message a question came in, and whether it is an edit of an earlier one. */
export interface AskedIn {
  readonly messageId?: string;
  readonly edited?: boolean;
}

/**
 * Each person's last question per channel, in memory only and never stored, for a few minutes:
 * enough to read "and Uzbekistan?" together with the question before it.
 */
export class FollowUpMemory {
  private readonly last = new BoundedMap<string, Asked>(REMEMBERED_CONVERSATIONS);

  constructor(
    private readonly windowMs = FOLLOW_UP_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The question as the engine should read it — together with this person's last question in
   * this channel when it leans on it — remembered as their last question. An edited question is
   * a correction, not a follow-up: it is read against what came before it, and an edit of an
   * older message is read alone and changes nothing.
   */
  read(index: SearchIndex, person: string, channel: string, question: string, asked: AskedIn = {}): string {
    const key = `${person}\u0000${channel}`;
    const last = this.last.get(key);
    const editsLast = asked.edited === true && last !== undefined && last.messageId === asked.messageId;
    if (asked.edited === true && !editsLast) return question;
    const context = editsLast ? last.before : last;
    const fresh = context !== undefined && this.now() - context.at <= this.windowMs;
    const read =
      fresh && leansOnPrevious(question) ? readTogether(index, context.question, question) : question;
    const before = context && { question: context.question, at: context.at, messageId: context.messageId };
    this.last.set(key, { question: read, at: this.now(), messageId: asked.messageId, before });
    return read;
  }
}
