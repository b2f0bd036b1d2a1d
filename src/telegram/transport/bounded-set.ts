// A set that remembers at most `capacity` keys, forgetting the oldest first: for "have I seen this update /
// said goodbye to this chat" without memory growing with traffic.

export class BoundedSet<K> {
  private readonly keys = new Set<K>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`BoundedSet capacity must be a whole number ≥ 1, got ${capacity}`);
  }

  has(key: K): boolean {
    return this.keys.has(key);
  }

  /** Adds a key; false when it was already there. */
  add(key: K): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value as K;
      this.keys.delete(oldest);
    }
    return true;
  }

  delete(key: K): boolean {
    return this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
