// Time, for the code that waits or measures: Bot API timeouts, retry waits, the webhook's early 200, the
// latency log. Each of them takes a Clock in its options, defaulting to systemClock (Node's own timers), so
// a test can pass a fake one and move time on itself instead of waiting (tests/helpers/fake-clock.ts).

/** What a clock's timers return: Node's Timeout is one; unref() keeps it from holding the process open. */
export interface TimerHandle {
  unref(): TimerHandle;
}

export interface Clock {
  /**
   * Milliseconds on a monotonic scale with an arbitrary origin, for durations only (never a date).
   * systemClock: performance.now().
   */
  now(): number;
  /** Resolves after `ms`; rejects with an AbortError when `signal` aborts first. systemClock: a timer. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once after `ms`. systemClock: setTimeout. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer of setTimeout (undefined: nothing). systemClock: clearTimeout. */
  clearTimeout(timer: TimerHandle | undefined): void;
  /** Calls `callback` every `ms`. systemClock: setInterval. */
  setInterval(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer of setInterval (undefined: nothing). systemClock: clearInterval. */
  clearInterval(timer: TimerHandle | undefined): void;
}

export function abortError(): Error {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

/** A timer that an abort signal can cut short (with an AbortError). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Node's timers, and performance.now() for durations. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: abortableSleep,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout | undefined),
};
