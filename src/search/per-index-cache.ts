import type { SearchIndex } from "./search-index.js";

/**
 * Values worked out once per index and key. Per index, not per record: term ids and glossary
 * readings belong to one index, and a reload may hand the same statement or topic record to the
 * next index, built with another glossary.
 */
export class PerIndexCache<K, V> {
  private readonly byIndex = new WeakMap<SearchIndex, Map<K, V>>();

  get(index: SearchIndex, key: K, compute: () => V): V {
    let values = this.byIndex.get(index);
    if (!values) {
      values = new Map();
      this.byIndex.set(index, values);
    }
    let value = values.get(key);
    if (value === undefined) {
      value = compute();
      values.set(key, value);
    }
    return value;
  }
}
