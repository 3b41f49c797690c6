import type { Statement } from "../knowledge/knowledge-set.js";
import { detectLanguage, type Language, type LanguageLexicon } from "./language.js";
import { cleanUserText, tokenize } from "./normalize.js";
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
    for (const question of preferredQuestions(statement, language, typedWords, index.languageLexicon).slice(
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

/** The statement's questions in the user's language first, those sharing typed words first. */
function preferredQuestions(
  statement: Statement,
  language: Language,
  typedWords: ReadonlySet<string>,
  languageLexicon: LanguageLexicon,
): string[] {
  const rank = (question: string): number => {
    const shared = tokenize(question).filter((word) => typedWords.has(word)).length;
    const inLanguage = detectLanguage(question, languageLexicon) === language ? 1 : 0;
    return inLanguage * 10 + shared;
  };
  return [...statement.questions].sort((a, b) => rank(b) - rank(a));
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
