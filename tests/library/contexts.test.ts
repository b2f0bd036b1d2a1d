// Follow-up contexts across a swap: a context set before it is re-read by the new engine at its next use, and
// dropped when the new engine no longer answers it.
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createResponder } from '../../src/app/respond.js';
import { createServedContextStore } from '../../src/library/contexts.js';
import { openTestLibrary, QINGSHAN_TXT, tempCorpus } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('follow-up contexts after a swap', () => {
  it('keeps a context the new engine still answers, drops one about a document taken out', async () => {
    const corpus = tempCorpus();
    cleanups.push(corpus.cleanup);
    writeFileSync(join(corpus.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    const lib = await openTestLibrary(corpus.dir);
    const store = createServedContextStore(lib.holder);
    const ask = (question: string, userId: number) =>
      createResponder(lib.holder.current().engine).respond(question, { conversation: { store, chatId: 1, userId } });

    expect(ask('青山县常住人口多少？', 1).reply.kind).toBe('found');
    expect(ask('智能制造在建项目有多少个？', 2).reply.kind).toBe('found');
    unlinkSync(join(corpus.dir, 'qingshan-2023.txt'));
    expect((await lib.reloader.reload('test')).kind).toBe('swapped');

    // User 1's question was about the document removed: the context is gone.
    expect(store.get(1, 1)).toBeNull();
    // User 2's still holds, re-read by the engine now in service, and a follow-up uses it.
    expect(store.get(1, 2)?.frame.original).toBe('智能制造在建项目有多少个？');
    const followUp = ask('那计划投资呢？', 2);
    expect(followUp.usedContext).toBe(true);
    expect(followUp.reply.kind === 'found' && followUp.reply.hits[0]!.keyFigure?.raw).toBe('414.5亿元');
  });
});
