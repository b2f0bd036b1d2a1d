// A fake clock for the code that waits (src/telegram/transport/clock.ts): time stands still until the test
// moves it, so a 429 with retry_after 1 s, a 300 ms timeout or a 2.5 s outage take no real time.
//
//   const clock = fakeClock();
//   const slept = clock.sleep(1000);     // pending until time reaches 1000
//   await clock.advance(1000);           // fires every timer due on the way, in order; slept has resolved
//
// A timer due now (setTimeout(f, 0), sleep(0)) fires by itself on the next turn of the event loop, as a
// real one does. Over real sockets (the bot against the fake Bot API) use drive(): it moves time to the
// next timer only while nothing real is going on (`quiet`), until the work given to it settles.
import type { Clock, TimerHandle } from '../../src/telegram/transport/clock.js';

export type TimerKind = 'sleep' | 'timeout' | 'interval';

export interface FakeTimer extends TimerHandle {
  readonly id: number;
  readonly kind: TimerKind;
  /** The view (clock.view(tag)) it was set on; undefined for the clock itself. */
  readonly tag: string | undefined;
  /** Its delay (the period of an interval). */
  readonly ms: number;
  /** When it fires next. */
  readonly due: number;
}

export interface TimerFilter {
  kind?: TimerKind;
  tag?: string;
}

export interface DriveOptions {
  /**
   * True when nothing real is under way that time moving on could overtake (e.g. every request the bot
   * has open is one the server holds on purpose). Time moves only after it held for a few event-loop turns
   * in a row. Default: always true.
   */
  quiet?: () => boolean;
  /** Fake milliseconds drive() may move time on at most, so a test that never settles fails. Default 10 min. */
  maxMs?: number;
}

export interface FakeClock extends Clock {
  /** Moves time on by `ms`, firing every timer due on the way in order, and lets the work they start run. */
  advance(ms: number): Promise<void>;
  /** Moves time to the next pending timer (matching `filter`) and fires it; undefined when there is none. */
  next(filter?: TimerFilter): Promise<FakeTimer | undefined>;
  /** Timers not fired (or cancelled) yet, soonest first. */
  pending(filter?: TimerFilter): FakeTimer[];
  /** Resolves with the first pending timer `match` accepts, once one is set (fails after `realMs` real ms). */
  waitForTimer(match: (timer: FakeTimer) => boolean, realMs?: number): Promise<FakeTimer>;
  /** The same clock whose timers carry `tag`, to tell whose they are (pending({ tag })). */
  view(tag: string): Clock;
  /** Settles like `work`, moving time on meanwhile whenever `quiet()` allows (see DriveOptions). */
  drive<T>(work: Promise<T>, options?: DriveOptions): Promise<T>;
}

interface Entry extends FakeTimer {
  due: number;
  callback: () => void;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function abortError(): Error {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

/** A clock whose time starts at `start` (ms) and moves only when the test says so. */
export function fakeClock(start = 0): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, Entry>();
  const watchers = new Set<() => void>();
  let dueSoon = false;

  const sorted = (filter: TimerFilter = {}) =>
    [...timers.values()]
      .filter((t) => (filter.kind === undefined || t.kind === filter.kind) && (filter.tag === undefined || t.tag === filter.tag))
      .sort((a, b) => a.due - b.due || a.id - b.id);

  const fire = (timer: Entry) => {
    if (timer.kind === 'interval') timer.due += timer.ms;
    else timers.delete(timer.id);
    timer.callback();
  };

  /** Fires what is due now, on the next turn (as Node fires a timer of 0 ms). */
  const fireDueSoon = () => {
    if (dueSoon) return;
    dueSoon = true;
    setImmediate(() => {
      dueSoon = false;
      for (let t = sorted()[0]; t !== undefined && t.due <= now; t = sorted()[0]) fire(t);
    });
  };

  const add = (kind: TimerKind, tag: string | undefined, callback: () => void, ms: number): Entry => {
    const delay = Math.max(0, Number.isFinite(ms) ? ms : 0);
    const timer: Entry = {
      id: nextId++,
      kind,
      tag,
      ms: kind === 'interval' ? Math.max(1, delay) : delay,
      due: now + (kind === 'interval' ? Math.max(1, delay) : delay),
      callback,
      unref: () => timer,
    };
    timers.set(timer.id, timer);
    if (timer.due <= now) fireDueSoon();
    for (const watch of [...watchers]) watch();
    return timer;
  };
  const cancel = (timer: TimerHandle | undefined) => {
    if (timer !== undefined) timers.delete((timer as Entry).id);
  };

  const viewOf = (tag: string | undefined): Clock => ({
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        const onAbort = () => {
          cancel(timer);
          reject(abortError());
        };
        const timer = add(
          'sleep',
          tag,
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          ms,
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    setTimeout: (callback, ms) => add('timeout', tag, callback, ms),
    clearTimeout: cancel,
    setInterval: (callback, ms) => add('interval', tag, callback, ms),
    clearInterval: cancel,
  });

  const clock: FakeClock = {
    ...viewOf(undefined),
    async advance(ms) {
      const target = now + Math.max(0, ms);
      for (let t = sorted()[0]; t !== undefined && t.due <= target; t = sorted()[0]) {
        now = Math.max(now, t.due);
        fire(t);
        await turn();
      }
      now = target;
      await turn();
    },
    async next(filter) {
      const t = sorted(filter)[0];
      if (t === undefined) return undefined;
      now = Math.max(now, t.due);
      fire(t);
      await turn();
      return t;
    },
    pending: (filter) => sorted(filter),
    waitForTimer(match, realMs = 5000) {
      const found = sorted().find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<FakeTimer>((resolve, reject) => {
        const watch = () => {
          const hit = sorted().find(match);
          if (hit === undefined) return;
          watchers.delete(watch);
          clearTimeout(giveUp);
          resolve(hit);
        };
        const giveUp = setTimeout(() => {
          watchers.delete(watch);
          reject(
            new Error(
              `no such timer within ${realMs} ms; pending: ${JSON.stringify(sorted().map(({ kind, tag, ms, due }) => ({ kind, tag, ms, due })))}`,
            ),
          );
        }, realMs);
        watchers.add(watch);
      });
    },
    view: (tag) => viewOf(tag),
    async drive(work, options = {}) {
      const quiet = options.quiet ?? (() => true);
      const limit = now + (options.maxMs ?? 10 * 60_000);
      let settled = false;
      work.then(
        () => (settled = true),
        () => (settled = true),
      );
      let calm = 0;
      let busy = 0;
      while (!settled) {
        await turn();
        if (settled) break;
        if (!quiet()) {
          // Real work under way (a request on its way, an answer being read): let it go on.
          calm = 0;
          if (++busy > 100) await realSleep(1);
          continue;
        }
        busy = 0;
        // Quiet for a few turns in a row: anything in flight would have shown by now (one process, loopback).
        if (++calm < 3) continue;
        calm = 0;
        const t = sorted()[0];
        if (t === undefined) {
          await realSleep(1);
          continue;
        }
        if (t.due > limit) throw new Error(`drive(): time would pass ${limit} ms and the work has not settled`);
        now = Math.max(now, t.due);
        fire(t);
      }
      return work;
    },
  };
  return clock;
}
