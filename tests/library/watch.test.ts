// Live reload: a change in the corpus folder (added, replaced, removed by hand) is picked up without a restart,
// debounced into one reload. The tests wait for the reload queue's own events, never for a fixed time.
import { EventEmitter, once } from 'node:events';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/host/log.js';
import type { ReloadOutcome } from '../../src/library/reload-queue.js';
import { watchCorpus, type CorpusWatcher, type DebounceTimers } from '../../src/library/watch.js';
import { answerOf, openTestLibrary, QINGSHAN_QUESTION, QINGSHAN_TXT, tempCorpus } from './helpers.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Debounce timers a test fires itself; 'scheduled' is emitted at each (re)start. */
class ManualTimers extends EventEmitter implements DebounceTimers {
  private next = 0;
  readonly pending = new Map<number, () => void>();
  scheduled = 0;
  setTimeout(callback: () => void) {
    const id = ++this.next;
    this.pending.set(id, callback);
    this.scheduled += 1;
    this.emit('scheduled');
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  fireAll() {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const cb of callbacks) cb();
  }
  async waitScheduled(count: number) {
    while (this.scheduled < count) await once(this, 'scheduled');
  }
}

async function setUp(debounceMs: number, timers?: DebounceTimers) {
  const corpus = tempCorpus();
  cleanups.push(corpus.cleanup);
  const lib = await openTestLibrary(corpus.dir);
  const watcher: CorpusWatcher = await watchCorpus({
    reloader: lib.reloader,
    logger: createLogger({ level: 'silent' }),
    debounceMs,
    ...(timers ? { timers } : {}),
  });
  cleanups.push(() => watcher.close());
  const next = (event: 'swapped' | 'failed' | 'unchanged') => once(lib.reloader, event).then(([o]) => o as ReloadOutcome);
  return { ...lib, watcher, next };
}

describe('watching the corpus folder', () => {
  it('answers from a file dropped in, without a restart', async () => {
    const lib = await setUp(30);
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)).toBeNull();
    const swapped = lib.next('swapped');
    writeFileSync(join(lib.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    await swapped;
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)).toEqual({ figure: '128家', doc: 'qingshan-2023' });
  });

  it('picks up a file replaced and a file removed by hand', async () => {
    const lib = await setUp(30);
    let swapped = lib.next('swapped');
    writeFileSync(join(lib.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    await swapped;
    // Replaced the way editors and copy tools do it: written under another name, renamed over the old one.
    swapped = lib.next('swapped');
    writeFileSync(join(lib.dir, '.qingshan.tmp'), QINGSHAN_TXT.replace('128家', '131家'));
    renameSync(join(lib.dir, '.qingshan.tmp'), join(lib.dir, 'qingshan-2023.txt'));
    await swapped;
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)?.figure).toBe('131家');
    swapped = lib.next('swapped');
    unlinkSync(join(lib.dir, 'qingshan-2023.txt'));
    await swapped;
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)).toBeNull();
  });

  it('debounces a burst of changes into one reload, on the clock it is given', async () => {
    const timers = new ManualTimers();
    const lib = await setUp(1000, timers);
    writeFileSync(join(lib.dir, 'a.txt'), QINGSHAN_TXT);
    writeFileSync(join(lib.dir, 'b.txt'), QINGSHAN_TXT.replace(/青山县/g, '白水县'));
    writeFileSync(join(lib.dir, 'c.txt'), QINGSHAN_TXT.replace(/青山县/g, '黑石县'));
    // Three files added: three events, each restarting the one timer.
    await timers.waitScheduled(3);
    expect(timers.pending.size).toBe(1);
    expect(lib.builds()).toBe(1);
    const swapped = lib.next('swapped');
    timers.fireAll();
    const outcome = await swapped;
    expect(outcome).toMatchObject({ kind: 'swapped', reason: 'files changed: a.txt, b.txt, c.txt' });
    expect(lib.builds()).toBe(2);
    expect(answerOf(lib.holder, '白水县规模以上工业企业有多少家？')).toEqual({ figure: '128家', doc: 'b' });
    expect(answerOf(lib.holder, '黑石县规模以上工业企业有多少家？')).toEqual({ figure: '128家', doc: 'c' });
  });

  it('ignores hidden files and folders inside the corpus folder', async () => {
    const timers = new ManualTimers();
    const lib = await setUp(1000, timers);
    mkdirSync(join(lib.dir, '.factbot-staging'));
    writeFileSync(join(lib.dir, '.factbot-staging', 'x.txt'), QINGSHAN_TXT);
    writeFileSync(join(lib.dir, '.hidden.txt'), QINGSHAN_TXT);
    // A visible change afterwards is seen, so the hidden ones would have been seen before it.
    writeFileSync(join(lib.dir, 'visible.txt'), QINGSHAN_TXT);
    await timers.waitScheduled(1);
    const swapped = lib.next('swapped');
    timers.fireAll();
    expect(await swapped).toMatchObject({ reason: 'files changed: visible.txt' });
    expect(timers.scheduled).toBe(1);
  });

  it('a broken file dropped in keeps the engine in service', async () => {
    const lib = await setUp(30);
    const served = lib.holder.current();
    const failed = lib.next('failed');
    writeFileSync(join(lib.dir, 'scan.pdf'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    expect(await failed).toMatchObject({ why: expect.stringContaining('scan.pdf: named .pdf but not a PDF (it is a PNG image)') });
    expect(lib.holder.current()).toBe(served);
  });
});
