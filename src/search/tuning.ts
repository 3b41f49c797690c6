/**
 * Every weight and threshold of the answer engine, with the reason for its value, in one place
 * (as MiniSearch documents its `defaultSearchOptions`). The confidence model's coefficients are
 * not here: they are fitted by `npm run --silent bench -- --calibrate` and live in `confidence.ts`.
 * Changing a value here changes the evaluation figures: run `npx vitest run tests/eval` before
 * and after, and never move a floor to make a change pass.
 */

/**
 * How much a word counts by the field it stands in. Keywords and example questions are written
 * for search by moderators, so a word there is meant to be found; the statement text is prose
 * that carries many incidental words; topic and source names are context shared by many
 * statements, and a source name ("Federal Government") says little about what a statement says.
 */
export const FIELD_WEIGHTS = {
  keywords: 3,
  questions: 2,
  text: 1.8,
  topic: 1.2,
  source: 0.8,
} as const;
export type IndexedFieldName = keyof typeof FIELD_WEIGHTS;

export const MAX_FIELD_WEIGHT = Math.max(...Object.values(FIELD_WEIGHTS));

/**
 * A word a statement uses in several fields is more central to it than one it mentions once: a
 * term weighs its best field's weight, plus this share of it for each further field it is in.
 */
export const FIELD_SPREAD_BONUS = 0.1;

/** A term's weight in a statement: its best field's weight, lifted for each further field. */
export function spreadWeight(bestFieldWeight: number, fields: number): number {
  return bestFieldWeight * (1 + FIELD_SPREAD_BONUS * (fields - 1));
}

/**
 * The fields a fully matched word is expected in: a moderator names what a statement is about
 * in its keywords, its example questions and its text. The best possible score of a question —
 * the scale that turns scores into 0..1 — is every word matched like that; a word also in the
 * topic and source names scores above it and is capped at 1. (This is the `* 1.2` the scale
 * once carried unexplained: 1 + 0.1 × (3 − 1).)
 */
export const FULL_MATCH_FIELDS = 3;

// Resolving a question's words to the vocabulary (score.ts).

/**
 * A vocabulary word that merely starts with the typed word (an inflection or compound of it)
 * counts this much of an exact match: enough to answer "Migrationsabkommen" from "Migration",
 * less than the word itself, so a statement using the exact word still ranks first.
 */
export const PREFIX_SIMILARITY = 0.8;
/** While a word is still being typed (autocomplete), how many completions of it are considered. */
export const PARTIAL_PREFIX_LIMIT = 40;
/** Completions considered for a long word the vocabulary lacks: a few, the likeliest meanings. */
export const LONG_WORD_PREFIX_LIMIT = 8;
/**
 * Compound parts shorter than this are not split off: German words have too many short
 * beginnings and endings ("Ein", "ung") that would match unrelated words.
 */
export const MIN_SPLIT_LENGTH = 5;
/** Two swapped letters are looked up from this length: shorter words swap into other real words. */
export const MIN_SWAP_LENGTH = 4;
/** The least a swapped-letter or doubled-letter spelling counts: below a prefix match. */
export const SWAP_SIMILARITY = 0.75;
/** Words this long and up to fuzzy length are tried with a doubled letter ("wan" → "wann"). */
export const MIN_DOUBLED_LENGTH = 3;

// Choosing the passages and deciding to answer (answer.ts, confidence.ts).

/**
 * The confidence from which the bot answers. Confidence is calibrated to read as the chance that
 * the first passage answers the question, so the bot answers when it is more likely right than
 * wrong.
 */
export const ANSWER_THRESHOLD = 0.5;
/**
 * From here an answer is *sure* and stated plainly; between the answer threshold and this it is
 * *likely* and said so ("Probably this:"). The lowest step of 0.01 from which the answers on the
 * tuning part are right at least 95 % of the time, and stay so at every higher step
 * (`npm run --silent bench -- --evaluation` prints the step the tuning part asks for).
 */
export const SURE_THRESHOLD = 0.83;
/**
 * Where a likely answer's confidence in words changes: under the first it is about even odds,
 * from the second a fair chance. Confidence reads as the chance of being right, so the words say
 * what the number says: 0.5–0.6 is barely better than a coin, 0.75 is three in four.
 */
export const MORE_LIKELY_FROM = 0.6;
export const FAIR_CHANCE_FROM = 0.75;
/**
 * A follow-up ("what about water?") is first read as typed; read together with the question
 * before it only when that reading is answered and the typed one is not, or this much surer. A
 * new question that starts like a follow-up keeps its own answer unless the context clearly helps.
 */
export const FOLLOW_UP_CLEARLY_SURER = 0.15;
/**
 * A question the best statement cannot answer in kind — an out-of-scope subject, a number it does
 * not give, another participant than the one asked — is declined whatever else matches: its confidence is capped below the threshold,
 * and low enough that the closest statements are not offered either.
 */
export const UNANSWERABLE_CAP = 0.2;
/** Passages scoring under this share of the best one are noise, not further answers. */
export const RELATIVE_PASSAGE_FLOOR = 0.3;
/** Below this confidence the nearest misses of a declined question are too far off to offer. */
export const NEAR_MISS_FLOOR = 0.1;
/** How much a fitting example question lifts a statement: chosen on the tuning part (1 of 0.3–2). */
export const EXAMPLE_QUESTION_WEIGHT = 1;
/** Candidates reranked by their example questions: the best few, where the order is decided. */
export const RERANKED_CANDIDATES = 10;

// Questions of a particular shape (broad-question.ts, subject-guard.ts).

/** A question of this many words or fewer may be a bare subject ("summit?", "Erklärung"). */
export const BROAD_MAX_UNITS = 2;
/** It is broad when at least this many statements match it … */
export const BROAD_MIN_EQUALS = 3;
/** … each scoring at least this share of the best: a pick among them would be a coin toss. */
export const BROAD_SPREAD = 0.5;
/**
 * … and every word is common in the knowledge (idf at most this: in about one statement of eight
 * or more, as "summit", "Erklärung", "agreement"), not a word one statement is about ("trade").
 */
export const BROAD_MAX_WEIGHT = 2.1;
/** A topic's name is named when the question holds at least this share of its words. */
export const TOPIC_NAME_SHARE = 0.5;
/** A fuzzy reading this close to a participant's name counts as naming it ("Tadschikstan"). */
export const NAMING_SIMILARITY = 0.75;

/**
 * The confidence of an answer to a question asked word for word as a statement's example
 * question: a moderator taught it, so it is as sure as the engine gets.
 */
export const TAUGHT_CONFIDENCE = 0.95;
