import { tokenize } from "./normalize.js";
import { postingCount } from "./postings.js";
import type { SearchIndex } from "./search-index.js";
import { stem } from "./stem.js";

export interface ScopeOverlap {
  /** The out-of-scope entry as written. */
  readonly entry: string;
  /** Its word, stemmed, that statements use too. */
  readonly term: string;
  /** How many statements use it. */
  readonly statements: number;
}

/**
 * Out-of-scope entries that share a stem with words the statements use: such an entry declines a
 * question only when the best statement lacks the word, and may hide a meaning the knowledge needs
 * ("Grünen" stems as "grüne", as in green energy). A moderator should look at each.
 */
export function scopeOverlaps(index: SearchIndex): ScopeOverlap[] {
  const overlaps: ScopeOverlap[] = [];
  for (const entry of index.knowledge.document.outOfScope) {
    // A phrase is matched as a whole; only a single word stands for itself.
    const words = tokenize(entry);
    if (words.length !== 1) continue;
    const term = stem(words[0] as string);
    const termId = index.termIds.get(term);
    const statements = termId === undefined ? 0 : postingCount(index.postings, termId);
    if (statements > 0) overlaps.push({ entry, term, statements });
  }
  return overlaps;
}
