import { performance } from "node:perf_hooks";
import type { QuestionSource } from "../ops/metrics.js";
import { type Answer, type AnswerOptions, answerQuestion } from "../search/answer.js";
import type { BotContext } from "./context.js";

/**
 * Every question the bot answers goes through here: one knowledge version read once, the answer
 * timed and counted, and one log line per question with its request id. The question's text is
 * logged only at debug level: what people ask is theirs.
 */
export function askEngine(
  context: BotContext,
  question: string,
  options: AnswerOptions,
  source: QuestionSource,
  requestId: string,
): Answer {
  const started = performance.now();
  const answer = answerQuestion(context.knowledge.index, question, options);
  const seconds = (performance.now() - started) / 1000;
  context.metrics.recordQuestion(answer.answered ? "answered" : "abstained", source, seconds);
  context.logger.info(
    {
      requestId,
      source,
      outcome: answer.outcome,
      confidence: answer.confidence,
      language: answer.language,
      passages: answer.passages.map((passage) => passage.id),
      ms: Math.round(seconds * 1e5) / 100,
    },
    "question answered",
  );
  context.logger.debug({ requestId, question }, "question text");
  return answer;
}
