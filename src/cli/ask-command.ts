import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DEFAULT_KNOWLEDGE_PATH, loadKnowledgeFile } from "../knowledge/load.js";
import { type Answer, answerQuestion } from "../search/answer.js";
import type { Language } from "../search/language.js";
import { buildSearchIndex, type SearchIndex } from "../search/search-index.js";
import { type CliCommand, type CliIO, ExitCode, UsageError, writeLine } from "./io.js";
import { reportIssues } from "./knowledge-command.js";
import { renderAnswer } from "./terminal-render.js";

const USAGE = "usage: summit-bot ask [--json] [--lang de|en] [--knowledge PATH] [QUESTION]";

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
  const index = await loadIndexOrReport(
    values.knowledge ?? io.env.KNOWLEDGE_PATH ?? DEFAULT_KNOWLEDGE_PATH,
    io,
  );
  if (!index) return ExitCode.checkFailed;

  const reply = (line: string): void => {
    const answer = answerQuestion(index, line, language ? { language } : {});
    writeLine(
      io.stdout,
      values.json ? JSON.stringify(toJson(answer)) : renderAnswer(answer, index.knowledge),
    );
  };
  if (positionals.length > 0) {
    reply(positionals.join(" "));
    return ExitCode.ok;
  }
  // One answer per input line, written as soon as the line arrives, so a pipe can converse.
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    reply(line);
    if (!values.json) writeLine(io.stdout);
  }
  return ExitCode.ok;
};

export function parseLanguageOption(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (value === "de" || value === "en") return value;
  throw new UsageError(`--lang must be de or en, not "${value}"\n${USAGE}`);
}

export async function loadIndexOrReport(path: string, io: CliIO): Promise<SearchIndex | undefined> {
  const loaded = await loadKnowledgeFile(path);
  if (!loaded.ok) {
    reportIssues(loaded.issues, io);
    return undefined;
  }
  return buildSearchIndex(loaded.value);
}

/** The `ask --json` line: the documented fields first, more for tools that want them. */
export function toJson(answer: Answer) {
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
