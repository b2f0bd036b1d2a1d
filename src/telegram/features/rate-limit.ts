// Flood control: fixed windows per key (a user, a chat) in bounded maps (least recently seen keys are
// forgotten first), so memory stays flat however many users and chats write. Three limits bound the work
// one user can cause: per user in groups, per user in private chats (and inline queries), per group chat.

/** Rate-limit settings; see configDefaults in src/config.ts for the defaults. */
export interface RateLimitOptions {
  /** Questions one user may ask in groups per window. 0 turns this limit off. */
  max: number;
  /** Requests (questions, buttons, inline queries) one user may make in private per window. 0: off. */
  privateMax: number;
  /** Questions one group chat may ask per window, all users together. 0: off. */
  chatMax: number;
  /** Window length in milliseconds (≥ 1). */
  windowMs: number;
  /** Keys (users, chats) each limiter remembers at most (≥ 1). */
  trackedUsers: number;
}

/** Settings of one limiter. */
export interface LimiterOptions {
  max: number;
  windowMs: number;
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
  private readonly windows = new Map<number, Window>();

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request by `id` (a user or chat id) and says what to do with it. */
  check(id: number): RateDecision {
    if (this.options.max <= 0) return 'ok';
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

/** Which limit stopped a request. */
export type LimitedBy = 'user' | 'chat';

export type RateVerdict = { decision: 'ok' } | { decision: 'notify' | 'silent'; by: LimitedBy };

/** The three limits together; each keeps at most `trackedUsers` keys. */
export class RateLimits {
  readonly groupUsers: RateLimiter;
  readonly privateUsers: RateLimiter;
  readonly chats: RateLimiter;

  constructor(
    readonly options: RateLimitOptions,
    now: () => number = Date.now,
  ) {
    const { windowMs, trackedUsers } = options;
    this.groupUsers = new RateLimiter({ max: options.max, windowMs, trackedUsers }, now);
    this.privateUsers = new RateLimiter({ max: options.privateMax, windowMs, trackedUsers }, now);
    this.chats = new RateLimiter({ max: options.chatMax, windowMs, trackedUsers }, now);
  }

  /** A request by a user in a group: the user's own limit first, so a flooder never spends the chat's. */
  checkGroup(userId: number, chatId: number): RateVerdict {
    const user = this.groupUsers.check(userId);
    if (user !== 'ok') return { decision: user, by: 'user' };
    const chat = this.chats.check(chatId);
    return chat === 'ok' ? { decision: 'ok' } : { decision: chat, by: 'chat' };
  }

  /** A request by a user in a private chat, or an inline query. */
  checkPrivate(userId: number): RateVerdict {
    const user = this.privateUsers.check(userId);
    return user === 'ok' ? { decision: 'ok' } : { decision: user, by: 'user' };
  }

  /** Keys remembered across the three limiters (bounded by 3 × trackedUsers). */
  get size(): number {
    return this.groupUsers.size + this.privateUsers.size + this.chats.size;
  }
}
