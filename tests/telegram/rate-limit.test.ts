import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/telegram/features/rate-limit.js';

describe('RateLimiter', () => {
  it('allows max per window, notifies once, then is silent until the window passes', () => {
    let now = 0;
    const limiter = new RateLimiter({ max: 2, windowMs: 1000, trackedUsers: 10 }, () => now);
    expect([1, 2, 3, 4, 5].map(() => limiter.check(1))).toEqual(['ok', 'ok', 'notify', 'silent', 'silent']);
    expect(limiter.check(2)).toBe('ok');
    now = 1000;
    expect(limiter.check(1)).toBe('ok');
  });

  it('remembers at most trackedUsers users, forgetting the least recently seen', () => {
    const limiter = new RateLimiter({ max: 1, windowMs: 60_000, trackedUsers: 3 }, () => 0);
    for (let user = 0; user < 1000; user++) limiter.check(user);
    expect(limiter.size).toBe(3);
    // user 0 was forgotten, so it starts afresh
    expect(limiter.check(0)).toBe('ok');
    expect(limiter.check(999)).toBe('notify');
  });

  it('is off when max is 0', () => {
    const limiter = new RateLimiter({ max: 0, windowMs: 1000, trackedUsers: 1 });
    for (let i = 0; i < 100; i++) expect(limiter.check(1)).toBe('ok');
    expect(limiter.size).toBe(0);
  });
});
