import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { Statement } from "../knowledge/knowledge-set.js";
import type { RankedResult } from "./evaluate.js";

/** What an off-the-shelf search would do with the same statements, for comparison. */
export interface Baseline {
  readonly name: string;
  search(question: string): RankedResult;
}

/** fuse.js as most bots use it: default options over the statement texts. */
export function plainFuseBaseline(statements: readonly Statement[]): Baseline {
  const fuse = new Fuse(statements, { keys: ["de", "en"] });
  return {
    name: "plain fuse.js",
    search: (question) => {
      const results = fuse.search(question, { limit: 3 });
      return { answered: results.length > 0, ids: results.map((result) => result.item.id) };
    },
  };
}

/** MiniSearch with the usual fuzzy and prefix options over the statement texts. */
export function miniSearchBaseline(statements: readonly Statement[]): Baseline {
  const search = new MiniSearch<{ id: string; de: string; en: string }>({ fields: ["de", "en"] });
  search.addAll(statements.map(({ id, de, en }) => ({ id, de, en })));
  return {
    name: "MiniSearch",
    search: (question) => {
      const results = search.search(question, { fuzzy: 0.2, prefix: true }).slice(0, 3);
      return { answered: results.length > 0, ids: results.map((result) => String(result.id)) };
    },
  };
}
