import type { Statement } from "../knowledge/knowledge-set.js";
import { type DetectedLanguage, detectLanguage, type Language } from "./language.js";
import { cleanUserText, tokenize, truncate } from "./normalize.js";
import { PerIndexCache } from "./per-index-cache.js";
import { resolveUnits, scoreStatements } from "./score.js";
import type { SearchIndex } from "./search-index.js";

export interface Suggestion {
  /** What the user sees; at most 100 characters. */
  readonly name: string;
  /** What is submitted as the question; at most 100 characters. */
  readonly value: string;
  readonly statementId: string;
}

/** Discord caps autocomplete at 25 choices of 100 characters each. */
export const MAX_SUGGESTIONS = 25;
export const MAX_CHOICE_LENGTH = 100;
const STATEMENTS_CONSIDERED = 15;
const PER_STATEMENT = 2;

/**
 * Autocomplete: example questions of the statements that best match what is typed so far, the
 * last word matched as a prefix. With nothing typed, one question per statement, by topic order.
 */
export function suggestQuestions(index: SearchIndex, partialInput: string, language: Language): Suggestion[] {
  const input = cleanUserText(partialInput).slice(0, 200);
  const statements = index.knowledge.statements;
  const typedWords = new Set(tokenize(input));
  const units = index.analyzer.queryUnits(input, true);
  const ranked =
    units.length === 0
      ? statements.slice(0, MAX_SUGGESTIONS).map((_, statementIndex) => statementIndex)
      : scoreStatements(index, resolveUnits(index, units), STATEMENTS_CONSIDERED).map(
          (scored) => scored.statementIndex,
        );

  const perStatement = units.length === 0 ? 1 : PER_STATEMENT;
  const suggestions: Suggestion[] = [];
  const seen = new Set<string>();
  for (const statementIndex of ranked) {
    const statement = statements[statementIndex] as Statement;
    for (const question of preferredQuestions(index, statement, language, typedWords).slice(
      0,
      perStatement,
    )) {
      const value = truncate(question, MAX_CHOICE_LENGTH);
      if (seen.has(value)) continue;
      seen.add(value);
      suggestions.push({ name: value, value, statementId: statement.id });
      if (suggestions.length === MAX_SUGGESTIONS) return suggestions;
    }
  }
  return suggestions;
}

interface AnalysedQuestion {
  readonly text: string;
  readonly words: ReadonlySet<string>;
  readonly language: DetectedLanguage;
}

/**
 * Each statement's questions, analysed once per index: autocomplete runs on every keystroke. Per
 * index, not per statement record: a reload may hand the same record to an index whose language
 * word list differs.
 */
const analysedQuestions = new PerIndexCache<Statement, readonly AnalysedQuestion[]>();

function questionsOf(index: SearchIndex, statement: Statement): readonly AnalysedQuestion[] {
  return analysedQuestions.get(index, statement, () =>
    statement.questions.map((text) => ({
      text,
      words: new Set(tokenize(text)),
      language: detectLanguage(text, index.languageLexicon),
    })),
  );
}

/** The statement's questions in the user's language first, those sharing typed words first. */
function preferredQuestions(
  index: SearchIndex,
  statement: Statement,
  language: Language,
  typedWords: ReadonlySet<string>,
): string[] {
  return questionsOf(index, statement)
    .map((question) => {
      let shared = 0;
      for (const word of typedWords) if (question.words.has(word)) shared += 1;
      return { text: question.text, rank: (question.language === language ? 10 : 0) + shared };
    })
    .sort((a, b) => b.rank - a.rank)
    .map((question) => question.text);
}
