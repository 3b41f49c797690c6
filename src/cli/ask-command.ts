import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Answer } from "../search/answer.js";
import type { Language } from "../search/language.js";
import { buildSearchIndex, type SearchIndex } from "../search/search-index.js";
import { type CliCommand, type CliIO, ExitCode, UsageError, writeLine } from "./io.js";
import { type KnowledgeLocation, knowledgeOption, loadKnowledgeOrReport } from "./knowledge-location.js";
import { settingsOrReport } from "./settings-or-report.js";
import { askInTerminal, isTooLong, renderReply, type TerminalReply } from "./terminal-question.js";

export const askCommand: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      lang: { type: "string" },
      knowledge: { type: "string" },
    },
  });
  const language = parseLanguageOption(values.lang);
  // Waiting silently for a terminal to type into is what a newcomer mistakes for a hang.
  if (positionals.length === 0 && io.stdin.isTTY)
    throw new UsageError("ask needs a QUESTION, or questions piped in, one per line");
  const settings = settingsOrReport(io);
  if (!settings) return ExitCode.usage;
  const index = await loadIndexOrReport(io, knowledgeOption(io, values.knowledge));
  if (!index) return ExitCode.checkFailed;

  const reply = (line: string): void => {
    const answer = askInTerminal(index, line, { language, maxLength: settings.MAX_QUESTION_LENGTH });
    writeLine(io.stdout, values.json ? JSON.stringify(toJson(answer, index)) : renderReply(answer, index));
  };
  if (positionals.length > 0) {
    reply(positionals.join(" "));
    return ExitCode.ok;
  }
  // One answer per input line, written as soon as the line arrives, so a pipe can converse.
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let asked = 0;
  for await (const line of lines) {
    asked++;
    reply(line);
    if (!values.json) writeLine(io.stdout);
  }
  if (asked === 0) throw new UsageError("ask got no QUESTION and standard input was empty");
  return ExitCode.ok;
};

export function parseLanguageOption(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (value === "de" || value === "en") return value;
  throw new UsageError(`--lang must be de or en, not "${value}"`);
}

/** The knowledge file, indexed; undefined after reporting its errors. */
export async function loadIndexOrReport(
  io: CliIO,
  location: KnowledgeLocation,
): Promise<SearchIndex | undefined> {
  const knowledge = await loadKnowledgeOrReport(location, io);
  return knowledge && buildSearchIndex(knowledge);
}

/**
 * The `ask --json` line: the same fields on every line, whatever the outcome, so that a tool can
 * read any line the same way; `message` is the decline's text, null when the question was searched.
 */
export function toJson(reply: TerminalReply, index: SearchIndex) {
  if (isTooLong(reply)) {
    return {
      question: reply.question,
      language: reply.language,
      answered: false,
      confidence: 0,
      certainty: "none" as const,
      passages: [],
      detectedLanguage: reply.detectedLanguage,
      outcome: reply.outcome,
      // Declined unread: nothing was answered, so no note about today either.
      aboutNow: false,
      knowledgeVersion: index.knowledge.document.version,
      message: reply.message,
    };
  }
  return { ...answerJson(reply), message: null };
}

function answerJson(answer: Answer) {
  return {
    question: answer.question,
    language: answer.language,
    answered: answer.answered,
    confidence: answer.confidence,
    certainty: answer.certainty,
    passages: answer.passages.map((passage) => ({
      id: passage.id,
      score: passage.score,
      text: passage.text,
      de: passage.de,
      en: passage.en,
      source: passage.source,
      ...(passage.sourceUrl ? { url: passage.sourceUrl } : {}),
      topic: passage.topic,
      quote: passage.quote,
      matched: passage.matched,
    })),
    detectedLanguage: answer.detectedLanguage,
    outcome: answer.outcome,
    aboutNow: answer.aboutNow,
    knowledgeVersion: answer.knowledgeVersion,
  };
}
