import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import type { Answer } from "../search/answer.js";
import type { Language } from "../search/language.js";
import { type LikelyBand, messagesFor } from "./messages.js";

/** Where the words for a likely answer's confidence change: from even odds to a fair chance. */
function likelyBand(confidence: number): LikelyBand {
  if (confidence >= 0.75) return "fair";
  return confidence >= 0.6 ? "more-likely" : "even";
}

/**
 * What goes above an answer's passages on every surface: for a likely answer, "Probably this:"
 * with the confidence in words (and, where there is one, the 👎 to press); for a question about
 * the present, as of when the knowledge speaks.
 */
export function answerNotes(answer: Answer, knowledge: KnowledgeSet, voteAtHand: boolean): string[] {
  if (!answer.answered) return [];
  const text = messagesFor(answer.language);
  const notes: string[] = [];
  if (answer.certainty === "likely") {
    notes.push(
      [
        text.probablyThis,
        text.likelyInWords(likelyBand(answer.confidence), Math.round(answer.confidence * 100)),
        ...(voteAtHand ? [text.likelyVoteHint] : []),
      ].join(" "),
    );
  }
  if (answer.aboutNow) {
    const { document } = knowledge;
    notes.push(
      text.thenNotNow(
        longDate(document.summit.date, answer.language),
        longDate(document.date, answer.language),
      ),
    );
  }
  return notes;
}

/** "2023-09-29" as people write it: "29 September 2023", "29. September 2023". */
export function longDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month) return isoDate;
  return new Intl.DateTimeFormat(language === "de" ? "de-DE" : "en-GB", {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    ...(day ? { day: "numeric" } : {}),
  }).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}
