import { performance } from "node:perf_hooks";
import { answerInConversation, type Conversation } from "../app/follow-up-answer.js";
import { FeedbackUnavailableError } from "../feedback/feedback-service.js";
import type { QuestionSource } from "../ops/metrics.js";
import { type Answer, type AnswerOptions, answerQuestion } from "../search/answer.js";
import { cleanUserText } from "../search/normalize.js";
import type { BotContext } from "./context.js";

/** Who asked where: for cooldowns and for the knowledge gaps (the user only ever stored hashed). */
export interface AskedBy {
  readonly requestId: string;
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
}

/** Shown in SHOWN_PASSAGES; kept for votes. */
const VOTED_PASSAGES = 3;

/**
 * Every question the bot answers goes through here: one knowledge version read once, the answer
 * timed and counted, one log line per question with its request id, and a question the bot could
 * not answer stored for the moderators' knowledge gaps. The question's text is logged only at
 * debug level: what people ask is theirs.
 */
export function answerAndRecord(
  context: BotContext,
  question: string,
  options: AnswerOptions,
  source: QuestionSource,
  asked: AskedBy,
  conversation?: Conversation,
): Answer {
  const started = performance.now();
  const index = context.knowledge.index;
  const answerOf = (reading: string) => answerQuestion(index, reading, options);
  const answer = conversation
    ? answerInConversation(index, conversation, question, answerOf)
    : answerOf(question);
  // What is stored is what the person typed: a follow-up's reading includes their earlier
  // question, which may have been answered, and answered questions are not stored.
  const typed = cleanUserText(question);
  const seconds = (performance.now() - started) / 1000;
  context.metrics.recordQuestion(answer.answered ? "answered" : "abstained", source, seconds);
  context.logger.info(
    {
      requestId: asked.requestId,
      source,
      outcome: answer.outcome,
      confidence: answer.confidence,
      certainty: answer.certainty,
      language: answer.language,
      passages: answer.passages.map((passage) => passage.id),
      ms: Math.round(seconds * 1e5) / 100,
    },
    "question answered",
  );
  context.logger.debug({ requestId: asked.requestId, question: answer.question }, "question text");
  if (answer.answered) {
    context.recentAnswers.set(asked.requestId, {
      question: typed,
      language: answer.language,
      statementIds: answer.passages.slice(0, VOTED_PASSAGES).map((passage) => passage.id),
      knowledgeVersion: answer.knowledgeVersion,
    });
  } else if (answer.outcome === "low-confidence" || answer.outcome === "no-match") {
    recordUnanswered(context, typed, answer, asked);
  }
  return answer;
}

function recordUnanswered(context: BotContext, typed: string, answer: Answer, asked: AskedBy): void {
  const best = answer.passages[0];
  try {
    context.feedback.write((store) =>
      store.recordUnanswered({
        question: typed,
        language: answer.language,
        userId: asked.userId,
        guildId: asked.guildId,
        channelId: asked.channelId,
        bestCandidate: best ? { id: best.id, score: best.score } : null,
        knowledgeVersion: answer.knowledgeVersion,
      }),
    );
  } catch (error) {
    // Feedback is for improving the bot later; failing to store it must not cost the answer.
    // Switched off, it was said once already (log, /healthz, metric).
    if (error instanceof FeedbackUnavailableError) return;
    context.metrics.recordError("feedback");
    context.logger.warn({ err: error, requestId: asked.requestId }, "could not store an unanswered question");
  }
}
