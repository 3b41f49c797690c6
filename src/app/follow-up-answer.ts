import type { Answer } from "../search/answer.js";
import { namesSomethingOfItsOwn } from "../search/follow-up.js";
import type { SearchIndex } from "../search/search-index.js";
import { FOLLOW_UP_CLEARLY_SURER } from "../search/tuning.js";
import type { AskedIn, FollowUpMemory } from "./follow-up-memory.js";

/** Whose conversation a question belongs to: one person in one channel. */
export interface Conversation {
  readonly memory: FollowUpMemory;
  readonly person: string;
  readonly channel: string;
  readonly asked?: AskedIn;
}

/**
 * Answers a question within its conversation, for the chat and Discord alike. A question that
 * looks like a follow-up ("what about water?") may be a new question: both readings are answered,
 * and the one read together with the question before wins only when the typed one alone is not
 * answered or is clearly less sure — or names nothing of its own ("and where?"). The reading chosen becomes what the next question leans on.
 * The answer's `question` is the reading it answers.
 */
export function answerInConversation(
  index: SearchIndex,
  conversation: Conversation,
  typed: string,
  answerOf: (question: string) => Answer,
): Answer {
  const { memory, person, channel, asked } = conversation;
  const turn = memory.turn(index, person, channel, typed, asked);
  const alone = answerOf(typed);
  if (turn.together === undefined) {
    turn.settle(typed);
    return alone;
  }
  const together = answerOf(turn.together);
  const useTogether = prefersTogether(typed, alone, together);
  turn.settle(useTogether ? turn.together : typed);
  return useTogether ? together : alone;
}

function prefersTogether(typed: string, alone: Answer, together: Answer): boolean {
  // "and where?" alone means nothing, however well some statement happens to match "where".
  if (!namesSomethingOfItsOwn(typed)) return true;
  if (!together.answered) return false;
  return !alone.answered || together.confidence - alone.confidence >= FOLLOW_UP_CLEARLY_SURER;
}
