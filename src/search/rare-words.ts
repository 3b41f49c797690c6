import { detectLanguage } from "./language.js";
import { tokenize } from "./normalize.js";
import { postingCount } from "./postings.js";
import type { SearchIndex } from "./search-index.js";
import { stem } from "./stem.js";
import { isNoise } from "./stopwords.js";

/** At most this many words: an out-of-scope entry is a word or a short phrase. */
const MAX_WORDS = 2;
const MIN_LENGTH = 3;

/**
 * The words of a question that say what it asks about and the knowledge does not: the ones no
 * statement uses, or else the single one fewest statements use. A moderator declaring the
 * question out of scope starts from these ("Which hotel did they stay in?" → "hotel"). In the
 * question's order and spelling; lower case unless the question is German, whose nouns keep
 * their capital (an entry like "Wahlen" then also catches "Bundestagswahlen").
 */
export function rarestWords(index: SearchIndex, question: string): string {
  const german = detectLanguage(question, index.languageLexicon) === "de";
  const words = (question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).flatMap((word) => {
    const folded = tokenize(word);
    if (folded.length !== 1 || word.length < MIN_LENGTH || isNoise(folded[0] as string)) return [];
    const termId = index.termIds.get(stem(folded[0] as string));
    // A glossary name is known to the knowledge even where no statement spells it that way.
    const known = termId !== undefined && index.liveTerm[termId] === 1;
    const statements = known ? postingCount(index.postings, termId) : 0;
    return [{ word: german ? word : word.toLowerCase(), known, statements }];
  });
  const unknown = words.filter((entry) => !entry.known);
  if (unknown.length > 0)
    return [...new Set(unknown.map((entry) => entry.word))].slice(0, MAX_WORDS).join(" ");
  const rarest = words.reduce<(typeof words)[number] | undefined>(
    (best, entry) => (best === undefined || entry.statements < best.statements ? entry : best),
    undefined,
  );
  return rarest?.word ?? "";
}
