import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import { buildSearchIndex, buildSearchIndexAsync, type SearchIndex } from "../search/search-index.js";

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

  /**
   * Builds the new index to the side, in slices so that questions keep being answered from the
   * current one meanwhile, then swaps it in with one assignment.
   */
  async replace(knowledge: KnowledgeSet): Promise<SearchIndex> {
    const next = await buildSearchIndexAsync(knowledge, this.live);
    this.live = next;
    return next;
  }
}
