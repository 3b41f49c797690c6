import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import type { Answer } from "../search/answer.js";
import type { Language } from "../search/language.js";
import { FAIR_CHANCE_FROM, MORE_LIKELY_FROM, SURE_THRESHOLD } from "../search/tuning.js";
import { type LikelyBand, messagesFor } from "./messages.js";

function likelyBand(confidence: number): LikelyBand {
  if (confidence >= FAIR_CHANCE_FROM) return "fair";
  return confidence >= MORE_LIKELY_FROM ? "more-likely" : "even";
}

/** What the notes above an answer are written from: an answer, or a button that shows it again. */
export type AnswerStanding = Pick<Answer, "language" | "certainty" | "confidence" | "aboutNow">;

/**
 * What goes above an answer's passages on every surface: for a likely answer, "Probably this:"
 * with the confidence in words (and, where there is one, the 👎 to press); for a question about
 * the present, as of when the knowledge speaks.
 */
export function answerNotes(
  standing: AnswerStanding,
  knowledge: KnowledgeSet,
  voteAtHand: boolean,
): string[] {
  if (standing.certainty === "none") return [];
  const text = messagesFor(standing.language);
  const notes: string[] = [];
  if (standing.certainty === "likely") {
    // Likely only because it asks about today: the match is sure, so "I'm not sure … (96%)" would
    // contradict its own number. The note on today says what is uncertain.
    const onlyAboutNow = standing.aboutNow && standing.confidence >= SURE_THRESHOLD;
    notes.push(
      [
        text.probablyThis,
        ...(onlyAboutNow
          ? []
          : [text.likelyInWords(likelyBand(standing.confidence), Math.round(standing.confidence * 100))]),
        ...(voteAtHand ? [text.likelyVoteHint] : []),
      ].join(" "),
    );
  }
  if (standing.aboutNow) {
    const { document } = knowledge;
    notes.push(
      text.thenNotNow(
        longDate(document.summit.date, standing.language),
        longDate(document.date, standing.language),
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
