import { foldText, tokenize } from "./normalize.js";

const QUESTION_WORDS = new Set(
  `wer was wann wo wie warum wieso weshalb welche welcher welches welchen wem wen woher wohin womit wofuer worueber
  gibt gab hat haben ist sind war waren kann koennen stimmt weiss who what when where why how which whom whose is are
  was were do does did can could will would has have any anyone`.split(/\s+/),
);

/**
 * In an ask-channel the bot only speaks up for messages that look like questions: a question mark,
 * or a first word that opens a question. Chatter stays unanswered.
 */
export function looksLikeQuestion(text: string): boolean {
  if (/[?？]\s*$/.test(text.trim())) return true;
  const first = tokenize(text)[0];
  return first !== undefined && QUESTION_WORDS.has(first);
}

/** Questions whose answer is a number: how many, how much, how long, since when. */
const ASKS_FOR_NUMBER =
  /\b(?:how (?:many|much|long)|since when|number of|wie ?viele?|wie lange?|seit wann|anzahl)\b/;

/** Digits, or a number written out: what a statement must hold to answer such a question. */
const GIVES_NUMBER =
  /\d|\b(?:eins?|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|hundert|tausend|millionen?|milliarden?|dutzend|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|millions?|billions?|dozens?)\b/;

/**
 * Whether the question asks for a number the text does not give. "How many workers came?" is
 * not answered by a statement that mentions workers but counts nothing: the file lacks the figure.
 */
export function asksForMissingNumber(question: string, answerText: string): boolean {
  return ASKS_FOR_NUMBER.test(foldText(question)) && !GIVES_NUMBER.test(foldText(answerText));
}
