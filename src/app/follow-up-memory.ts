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

/** One question in a conversation: how it may be read, and what the next one will lean on. */
export interface Turn {
  /** The question read together with the one before it, when it leans on it and that is fresh. */
  readonly together: string | undefined;
  /** Remembers the reading the answer went with as this person's last question. */
  settle(read: string): void;
}

/**
 * Each person's last question per channel, in memory only and never stored, for a few minutes:
 * enough to read "and Uzbekistan?" together with the question before it. What is older than the
 * window is deleted, not only ignored: the README promises five minutes.
 */
export class FollowUpMemory {
  private readonly last = new BoundedMap<string, Asked>(REMEMBERED_CONVERSATIONS);

  constructor(
    private readonly windowMs = FOLLOW_UP_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many conversations are remembered. */
  get size(): number {
    return this.last.size;
  }

  /**
   * A question as it comes in. An edited question is a correction, not a follow-up: it is read
   * against what came before it, and an edit of an older message is read alone and changes nothing.
   */
  turn(index: SearchIndex, person: string, channel: string, question: string, asked: AskedIn = {}): Turn {
    this.forgetExpired();
    const key = `${person}\u0000${channel}`;
    const last = this.last.get(key);
    const editsLast = asked.edited === true && last !== undefined && last.messageId === asked.messageId;
    if (asked.edited === true && !editsLast) return { together: undefined, settle: () => {} };
    const context = editsLast ? last.before : last;
    const fresh = context !== undefined && this.now() - context.at <= this.windowMs;
    const together =
      fresh && leansOnPrevious(question) ? readTogether(index, context.question, question) : undefined;
    const before = context && { question: context.question, at: context.at, messageId: context.messageId };
    return {
      together,
      settle: (read) =>
        this.last.set(key, { question: read, at: this.now(), messageId: asked.messageId, before }),
    };
  }

  /** The question read together with the one before whenever it leans on it, and remembered so. */
  read(index: SearchIndex, person: string, channel: string, question: string, asked: AskedIn = {}): string {
    const turn = this.turn(index, person, channel, question, asked);
    const read = turn.together ?? question;
    turn.settle(read);
    return read;
  }

  /** Entries are set in time order, so the expired ones are the oldest. */
  private forgetExpired(): void {
    const now = this.now();
    this.last.deleteOldestWhile((asked) => now - asked.at > this.windowMs);
  }
}
