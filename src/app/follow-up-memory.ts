import { BoundedMap } from "../discord/bounded-map.js";
import { leansOnPrevious, readTogether } from "../search/follow-up.js";
import type { SearchIndex } from "../search/search-index.js";

/** How long a question stays the context of the next one: a conversation, not a history. */
export const FOLLOW_UP_WINDOW_MS = 5 * 60_000;
const REMEMBERED_CONVERSATIONS = 5_000;

/**
 * Each person's last question per channel, in memory only and never stored, for a few minutes:
 * enough to read "and Uzbekistan?" together with the question before it.
 */
export class FollowUpMemory {
  private readonly last = new BoundedMap<string, { readonly question: string; readonly at: number }>(
    REMEMBERED_CONVERSATIONS,
  );

  constructor(
    private readonly windowMs = FOLLOW_UP_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The question as the engine should read it — together with this person's last question in
   * this channel when it leans on it — remembered as their last question.
   */
  read(index: SearchIndex, person: string, channel: string, question: string): string {
    const key = `${person}\u0000${channel}`;
    const previous = this.last.get(key);
    const fresh = previous !== undefined && this.now() - previous.at <= this.windowMs;
    const read =
      fresh && leansOnPrevious(question) ? readTogether(index, previous.question, question) : question;
    this.last.set(key, { question: read, at: this.now() });
    return read;
  }
}
