// Per-user flood control for group chats: a fixed window per user, in a bounded map (least recently seen
// users are forgotten first), so memory stays flat however many users write.

/** Rate-limit settings; see configDefaults in src/config.ts for the defaults. */
export interface RateLimitOptions {
  /** Questions one user may ask per window. 0 turns the limit off. */
  max: number;
  /** Window length in milliseconds (≥ 1). */
  windowMs: number;
  /** Users remembered at most (≥ 1). */
  trackedUsers: number;
}

/** ok: go ahead. notify: over the limit for the first time this window, say so once. silent: stay quiet. */
export type RateDecision = 'ok' | 'notify' | 'silent';

interface Window {
  start: number;
  count: number;
  notified: boolean;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request by `key` and says what to do with it. */
  check(key: string | number): RateDecision {
    if (this.options.max <= 0) return 'ok';
    const id = String(key);
    const now = this.now();
    let window = this.windows.get(id);
    if (window === undefined || now - window.start >= this.options.windowMs) {
      window = { start: now, count: 0, notified: false };
    }
    // Re-insert so the map's order is least recently seen first.
    this.windows.delete(id);
    this.windows.set(id, window);
    while (this.windows.size > this.options.trackedUsers) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
    window.count += 1;
    if (window.count <= this.options.max) return 'ok';
    if (window.notified) return 'silent';
    window.notified = true;
    return 'notify';
  }

  /** How many users are remembered right now. */
  get size(): number {
    return this.windows.size;
  }
}
