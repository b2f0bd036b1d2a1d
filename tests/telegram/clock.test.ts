// The clock the telegram layer waits on (src/telegram/transport/clock.ts), and the fake one the tests pass
// instead (tests/helpers/fake-clock.ts): time stands still until the test moves it.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/telegram/transport/clock.js';
import { fakeClock } from '../helpers/fake-clock.js';

describe('systemClock', () => {
  it('sleeps on a real timer that an abort signal cuts short with an AbortError', async () => {
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    await expect(systemClock.sleep(10, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('measures with performance.now() and hands out unref-able Node timers', () => {
    const before = performance.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(performance.now());
    const timer = systemClock.setTimeout(() => undefined, 60_000);
    expect(timer.unref()).toBe(timer);
    systemClock.clearTimeout(timer);
    const interval = systemClock.setInterval(() => undefined, 60_000).unref();
    systemClock.clearInterval(interval);
  });
});

describe('fakeClock', () => {
  it('fires nothing until time is moved, then every timer due on the way, in order', async () => {
    const clock = fakeClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@200'), 200);
    clock.setTimeout(() => fired.push('a@100'), 100);
    const cancelled = clock.setTimeout(() => fired.push('never'), 150);
    clock.clearTimeout(cancelled);
    void clock.sleep(300).then(() => fired.push('slept@300'));
    await clock.advance(99);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(99);
    await clock.advance(201);
    expect(fired).toEqual(['a@100', 'b@200', 'slept@300']);
    expect(clock.pending()).toEqual([]);
  });

  it('fires timers set by the timers it fires while the time they are due is still on the way', async () => {
    const clock = fakeClock();
    const at: number[] = [];
    const again = async (left: number): Promise<void> => {
      await clock.sleep(100);
      at.push(clock.now());
      if (left > 1) await again(left - 1);
    };
    void again(5);
    await clock.advance(350);
    expect(at).toEqual([100, 200, 300]);
    await clock.advance(1000);
    expect(at).toEqual([100, 200, 300, 400, 500]);
  });

  it('fires a timer due now by itself, as Node fires a 0 ms timer', async () => {
    const clock = fakeClock();
    await clock.sleep(0);
    await new Promise<void>((resolve) => clock.setTimeout(resolve, -5));
    expect(clock.now()).toBe(0);
  });

  it('repeats an interval until cleared', async () => {
    const clock = fakeClock();
    let ticks = 0;
    const interval = clock.setInterval(() => (ticks += 1), 50);
    await clock.advance(175);
    expect(ticks).toBe(3);
    clock.clearInterval(interval);
    await clock.advance(1000);
    expect(ticks).toBe(3);
  });

  it('cuts a sleep short when its signal aborts, and drops its timer', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    expect(clock.pending({ kind: 'sleep' })).toHaveLength(1);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.pending()).toEqual([]);
    await expect(clock.sleep(1, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('tells whose timers are pending by the view they were set on, and waits for one to be set', async () => {
    const clock = fakeClock();
    const api = clock.view('api');
    api.setTimeout(() => undefined, 10);
    clock.setTimeout(() => undefined, 20);
    expect(clock.pending({ tag: 'api' }).map((t) => [t.kind, t.ms])).toEqual([['timeout', 10]]);
    expect(clock.pending()).toHaveLength(2);
    const waiting = clock.waitForTimer((t) => t.kind === 'sleep' && t.ms === 500);
    void api.sleep(500);
    expect((await waiting).tag).toBe('api');
    expect((await clock.next({ kind: 'sleep' }))?.due).toBe(500);
    expect(clock.now()).toBe(500);
  });

  it('drives: moves time to the next timer only while quiet, until the work settles', async () => {
    const clock = fakeClock();
    let busy = true;
    const work = clock.sleep(5000).then(() => clock.now());
    let result: number | undefined;
    const driven = clock.drive(work, { quiet: () => !busy }).then((value) => (result = value));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(clock.now()).toBe(0); // not quiet: time stands still
    busy = false;
    await driven;
    expect(result).toBe(5000);
    await expect(clock.drive(clock.sleep(60 * 60_000), { maxMs: 60_000 })).rejects.toThrow(/would pass/);
  });
});
