/** A Map that forgets its oldest entries beyond a size: memory stays flat however long the bot runs. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxSize: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxSize) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Forgets entries from the oldest set on while `stale` holds: for values that expire in order. */
  deleteOldestWhile(stale: (value: V) => boolean): void {
    for (const [key, value] of this.entries) {
      if (!stale(value)) return;
      this.entries.delete(key);
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
