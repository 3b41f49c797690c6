import { foldText, tokenize } from "./normalize.js";

const QUESTION_WORDS = new Set(
  `wer was wann wo wie warum wieso weshalb welche welcher welches welchen wem wen woher wohin womit wofuer worueber
  gibt gab hat haben ist sind war waren kann koennen stimmt weiss who what when where why how which whom whose is are
  was were do does did can could will would has have any anyone whats whos wheres hows whens whys`.split(
    /\s+/,
  ),
);

/** Whether a folded word opens a question ("who", "wann", "is"): it asks something of a subject. */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORDS.has(word);
}

/**
 * In an ask-channel the bot only speaks up for messages that look like questions: a question mark,
 * or a first word that opens a question. Chatter stays unanswered.
 */
export function looksLikeQuestion(text: string): boolean {
  if (/[?？]\s*$/.test(text.trim())) return true;
  const first = tokenize(text)[0];
  return first !== undefined && isQuestionWord(first);
}

/** Questions whose answer is a count or an amount: how many, how much. */
const ASKS_FOR_COUNT = /\b(?:how (?:many|much)|number of|wie ?viele?|anzahl)\b/;
/** Questions whose answer is a time span: how long, since when. */
const ASKS_FOR_SPAN = /\b(?:how long|since when|wie lange?|seit wann)\b/;

/** Digits, or a number written out: what a statement must hold to answer such a question. */
const GIVES_NUMBER =
  /\d|\b(?:eins?|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|hundert|tausend|millionen?|milliarden?|dutzend|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|millions?|billions?|dozens?)\b/;

const MONTHS =
  "januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december";
/** Years and dates: numbers, but no count of anything. */
const DATES = new RegExp(
  `\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}\\.? (?:${MONTHS})\\b|\\b(?:${MONTHS}) \\d{1,2}\\b|\\b\\d{4}-\\d\\d-\\d\\d\\b`,
  "g",
);

/**
 * Whether the question asks for a number the text does not give. "How many workers came?" is
 * not answered by a statement that mentions workers but counts nothing (a year is no count): the
 * file lacks the figure.
 */
export function asksForMissingNumber(question: string, answerText: string): boolean {
  // Words only, so that markup between them ("how **many**") does not hide the shape.
  const asked = tokenize(question).join(" ");
  if (ASKS_FOR_COUNT.test(asked)) return !GIVES_NUMBER.test(foldText(answerText).replace(DATES, " "));
  if (ASKS_FOR_SPAN.test(asked)) return !GIVES_NUMBER.test(foldText(answerText));
  return false;
}
