import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import { buildSearchIndex, type SearchIndex } from "../search/search-index.js";

/**
 * The live knowledge and its search index, swapped as one: a question reads `current` once and
 * keeps that version to the end, even if a reload swaps in a new one meanwhile.
 */
export class KnowledgeStore {
  private live: SearchIndex;

  constructor(knowledge: KnowledgeSet) {
    this.live = buildSearchIndex(knowledge);
  }

  get current(): SearchIndex {
    return this.live;
  }

  /** Builds the new index to the side, then swaps it in with one assignment. */
  replace(knowledge: KnowledgeSet): SearchIndex {
    const next = buildSearchIndex(knowledge);
    this.live = next;
    return next;
  }
}
