import { stripChatNoise } from "./chat-noise.js";
import { tokenize } from "./normalize.js";
import { isQuestionWord } from "./question-shape.js";
import type { SearchIndex } from "./search-index.js";
import { isNoise, isSearchedFunctionWord } from "./stopwords.js";
import { namesParticipant } from "./subject-guard.js";

/** "and Uzbekistan?", "what about 2024?", "und bei Kasachstan?": the rest asks as the last one did. */
const LEAD_IN =
  /^(?:(?:and|und|but|aber|or|oder) (?:(?:what|how) about|was ist mit|wie (?:ist|sieht) es mit|bei|mit|fuer|for|with|in)|(?:and|und|but|aber|or|oder)|(?:what|how) about|was ist mit|wie (?:ist|sieht) es (?:mit|bei)|wie steht es mit|und bei|same for|dasselbe fuer|genauso fuer)\b/;
/** "wer noch?", "who else?", "sonst noch was?": the last question again, wanting more. */
const MORE_OF_THE_SAME =
  /^(?:(?:und )?(?:wer|was|wo|wann|welche) (?:noch|sonst|denn noch)|(?:and )?(?:who|what|where|which) else|(?:und )?sonst (?:noch )?(?:was|wer|jemand|etwas)|noch (?:was|mehr|jemand|etwas)|(?:anything|anyone|anybody) else|(?:and )?more)$/;
/** A follow-up is short: a longer question stands on its own. */
const MAX_FOLLOW_UP_WORDS = 5;

/** Whether the question leans on the one before it rather than asking something whole. */
export function leansOnPrevious(question: string): boolean {
  const words = tokenize(stripChatNoise(question));
  if (words.length === 0 || words.length > MAX_FOLLOW_UP_WORDS) return false;
  const folded = words.join(" ");
  return MORE_OF_THE_SAME.test(folded) || LEAD_IN.test(folded);
}

/** The follow-up without its lead-in: "and Uzbekistan?" adds Uzbekistan, not "and"; "wer noch?" is all meaning. */
function restOf(followUp: string): string {
  const folded = tokenize(stripChatNoise(followUp)).join(" ");
  return MORE_OF_THE_SAME.test(folded) ? folded : folded.replace(LEAD_IN, "").trim();
}

/**
 * Whether a follow-up names something of its own ("what about water?") and so may be a new
 * question, rather than only a question word or "more" ("and where?", "who else?") that means
 * nothing without the question before it.
 */
export function namesSomethingOfItsOwn(followUp: string): boolean {
  if (MORE_OF_THE_SAME.test(tokenize(stripChatNoise(followUp)).join(" "))) return false;
  return restOf(followUp)
    .split(" ")
    .some((word) => word !== "" && !isNoise(word) && !isSearchedFunctionWord(word) && !isQuestionWord(word));
}

/**
 * The follow-up read together with the question before it. When the follow-up names a
 * participant ("and Uzbekistan?"), it takes the place of those the last question named: the same
 * question, asked of another.
 */
export function readTogether(index: SearchIndex, previous: string, followUp: string): string {
  const rest = restOf(followUp);
  const namesAnother = followUp.split(/\s+/).some((word) => namesParticipant(index, word));
  const kept = namesAnother
    ? previous
        .split(/\s+/)
        .filter((word) => !namesParticipant(index, word))
        .join(" ")
    : previous;
  return `${kept} ${rest}`.replace(/\s+/g, " ").trim();
}
