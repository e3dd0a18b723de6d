/**
 * A size-bounded map that forgets its least recently used entry first. The chat adapters use it for seen event and
 * message ids (retry dedupe), answers waiting to be shared and threads the bot answered, so memory stays flat however
 * long the bot runs.
 *
 * @example
 * const seen = new BoundedLru<string, true>(2);
 * seen.set('Ev1', true);
 * seen.set('Ev2', true);
 * seen.set('Ev3', true); // forgets Ev1
 * seen.has('Ev1'); // => false
 */
export class BoundedLru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`lru: capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Returns the value and marks it as recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    // Map keeps insertion order, so re-inserting moves the key to the "most recent" end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return this;
  }

  /**
   * Records `key` and reports whether it had been seen before: the whole check-and-mark in one step, so two
   * concurrent deliveries of one event cannot both pass.
   */
  markSeen(key: K, value: V): boolean {
    const seen = this.entries.has(key);
    this.set(key, value);
    return seen;
  }

  clear(): void {
    this.entries.clear();
  }
}
