import type { ApplicationCommandOptionChoiceData } from "discord.js";
import { answerQuestion } from "../../search/answer.js";
import type { Language } from "../../search/language.js";
import { truncate } from "../../search/normalize.js";
import type { SearchIndex } from "../../search/search-index.js";

export const MAX_CHOICES = 25;

/** Autocomplete of a statement option: ids that contain what is typed first, then statements whose text matches it. */
export function statementChoices(
  index: SearchIndex,
  typed: string,
  language: Language,
): ApplicationCommandOptionChoiceData<string>[] {
  const lowered = typed.toLowerCase();
  const byId = index.knowledge.statements.filter(
    (statement) => lowered === "" || statement.id.includes(lowered),
  );
  const byText =
    typed.length >= 2
      ? answerQuestion(index, typed, { limit: MAX_CHOICES }).passages.map((passage) =>
          index.knowledge.statementsById.get(passage.id),
        )
      : [];
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const statement of [...byId, ...byText]) {
    if (!statement || seen.has(statement.id)) continue;
    seen.add(statement.id);
    choices.push({ name: truncate(`${statement.id} — ${statement[language]}`, 100), value: statement.id });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}
