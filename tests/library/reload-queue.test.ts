// The reload queue: one build at a time, bursts joined, no build when nothing changed, and a broken file or a
// failed build leaves the engine in service as it was.
import { rmSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, openTestLibrary, QINGSHAN_QUESTION, QINGSHAN_TXT, tempCorpus } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function library() {
  const corpus = tempCorpus();
  cleanups.push(corpus.cleanup);
  return openTestLibrary(corpus.dir);
}

describe('reload queue', () => {
  it('builds nothing when the folder is as the engine in service was built from', async () => {
    const lib = await library();
    const outcome = await lib.reloader.reload('test');
    expect(outcome.kind).toBe('unchanged');
    expect(lib.builds()).toBe(1);
    expect(lib.holder.current().version).toBe(1);
  });

  it('puts a new engine in service for a file added, and the old one answered until then', async () => {
    const lib = await library();
    const before = lib.holder.current();
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)).toBeNull();
    writeFileSync(join(lib.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    const outcome = await lib.reloader.reload('test');
    expect(outcome.kind).toBe('swapped');
    expect(lib.holder.current().version).toBe(2);
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)).toEqual({ figure: '128家', doc: 'qingshan-2023' });
    // A reader that took the engine before the swap still has the old one, whole.
    expect(before.engine.ask(QINGSHAN_QUESTION).kind).toBe('not-found');
    expect(lib.logs.messages()).toContain('corpus reloaded: new engine in service');
  });

  it('joins reloads asked for while another job runs: a burst builds once, after it', async () => {
    const lib = await library();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = lib.reloader.exclusive(() => gate);
    const burst = [lib.reloader.reload('a'), lib.reloader.reload('b'), lib.reloader.reload('c')];
    expect(burst[0]).toBe(burst[1]);
    expect(burst[1]).toBe(burst[2]);
    writeFileSync(join(lib.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    release();
    await running;
    const outcomes = await Promise.all(burst);
    expect(outcomes.map((o) => o.kind)).toEqual(['swapped', 'swapped', 'swapped']);
    expect(outcomes[0]).toMatchObject({ reason: 'a; b; c' });
    expect(lib.builds()).toBe(2);
    // Asked while that reload was building: queued after it, and the folder is unchanged by then.
    expect((await lib.reloader.reload('d')).kind).toBe('unchanged');
    expect(lib.builds()).toBe(2);
  });

  it('a file removed by hand takes its facts out', async () => {
    const lib = await library();
    writeFileSync(join(lib.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    await lib.reloader.reload('add');
    unlinkSync(join(lib.dir, 'qingshan-2023.txt'));
    expect((await lib.reloader.reload('remove')).kind).toBe('swapped');
    expect(answerOf(lib.holder, QINGSHAN_QUESTION)).toBeNull();
  });

  it('a broken file dropped in leaves the engine in service, and says which file and why', async () => {
    const lib = await library();
    const served = lib.holder.current();
    writeFileSync(join(lib.dir, 'report.docx'), 'this is not a zip file at all');
    const outcome = await lib.reloader.reload('test');
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.why).toMatch(/^report\.docx: named \.docx but not a Word \.docx document/);
    expect(lib.holder.current()).toBe(served);
    const error = lib.logs.records.find((r) => r.msg.startsWith('corpus reload failed'));
    expect(error?.msg).toContain('report.docx');
    // Fixed (removed): the next reload goes through.
    unlinkSync(join(lib.dir, 'report.docx'));
    writeFileSync(join(lib.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    expect((await lib.reloader.reload('fixed')).kind).toBe('swapped');
  });

  it('a folder emptied by hand leaves the engine in service', async () => {
    const lib = await library();
    const served = lib.holder.current();
    for (const name of readdirSync(lib.dir)) rmSync(join(lib.dir, name), { recursive: true });
    const outcome = await lib.reloader.reload('test');
    expect(outcome).toMatchObject({ kind: 'failed', why: expect.stringMatching(/no usable document/) });
    expect(lib.holder.current()).toBe(served);
    expect(answerOf(lib.holder, '浑南区有多少家国家高新技术企业？')?.figure).toBe('412家');
  });
});
