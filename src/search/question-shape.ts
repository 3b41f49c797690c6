import { tokenize } from "./normalize.js";

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
