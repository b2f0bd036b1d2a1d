import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { createContextStore, resolveInContext, type ContextStore } from '../../../src/app/context/context-store.js';
import type { Synonym } from '../../../src/question/synonyms.js';
import { seedGlossary } from '../compute/pipeline.js';
import { seedEngine } from '../../helpers/engine.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

let engine: Engine;
let glossaryEn: Synonym[];
beforeAll(async () => {
  [engine, glossaryEn] = await Promise.all([seedEngine(), seedGlossary()]);
});

/** resolveInContext over strings: the question read by the engine, the rewrite's text back. */
function resolve(
  store: ContextStore,
  chat: string | number,
  user: string | number,
  q: string,
  options = {},
): { question: string; usedContext: boolean } {
  const r = resolveInContext(store, chat, user, engine.readQuestion(q), (s) => engine.readQuestion(s), options);
  return { question: r.frame.original, usedContext: r.usedContext };
}

const keyFigure = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'found' ? (a.hits[0]!.keyFigure?.raw ?? null) : null;
};

describe('createContextStore', () => {
  it('keeps a question per chat and user', () => {
    const store = createContextStore<string>({ now: fakeClock().now });
    store.set(1, 10, 'A');
    store.set(1, 11, 'B');
    store.set(2, 10, 'C');
    expect([store.get(1, 10), store.get(1, 11), store.get(2, 10), store.get(2, 11)]).toEqual(['A', 'B', 'C', null]);
  });

  it('forgets a question once its time is up', () => {
    const clock = fakeClock();
    const store = createContextStore<string>({ ttlMs: 60_000, now: clock.now });
    store.set('chat', 'user', '智能制造在建项目有多少个？');
    clock.advance(59_999);
    expect(store.get('chat', 'user')).toBe('智能制造在建项目有多少个？');
    clock.advance(1);
    expect(store.get('chat', 'user')).toBeNull();
    expect(store.size()).toBe(0);
  });

  it('restarts the clock when a question is set again', () => {
    const clock = fakeClock();
    const store = createContextStore<string>({ ttlMs: 1000, now: clock.now });
    store.set(1, 1, 'A');
    clock.advance(800);
    store.set(1, 1, 'B');
    clock.advance(800);
    expect(store.get(1, 1)).toBe('B');
  });

  it('holds at most maxEntries, dropping the least recently set', () => {
    const store = createContextStore<string>({ maxEntries: 2, now: fakeClock().now });
    store.set(1, 1, 'A');
    store.set(2, 2, 'B');
    store.set(1, 1, 'A2');
    store.set(3, 3, 'C');
    expect(store.size()).toBe(2);
    expect([store.get(1, 1), store.get(2, 2), store.get(3, 3)]).toEqual(['A2', null, 'C']);
  });

  it('rejects nonsense limits', () => {
    expect(() => createContextStore({ ttlMs: 0 })).toThrow(/ttlMs/);
    expect(() => createContextStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });

  it('a new store (a restart) knows nothing, and a follow-up then stands on its own', () => {
    const store = createContextStore({ now: fakeClock().now });
    expect(resolve(store, 1, 1, '那计划投资呢？')).toEqual({ question: '那计划投资呢？', usedContext: false });
  });
});

describe('resolveInContext with the real engine', () => {
  it('answers a thread of follow-ups about the right subject', () => {
    const store = createContextStore({ now: fakeClock().now });
    const ask = (q: string) => keyFigure(resolve(store, 'group', 'alice', q, { glossaryEn }).question);
    expect(ask('智能制造在建项目有多少个？')).toBe('91个');
    expect(ask('那计划投资呢？')).toBe('414.5亿元');
    expect(ask('新能源汽车呢？')).toBe('77.7亿元');
    expect(ask('浑南区常住人口多少？')).toBe('69万人');
    expect(ask('那面积呢？')).toBe('803平方公里');
  });

  it('reads each user in a group chat against their own previous question', () => {
    const store = createContextStore({ now: fakeClock().now });
    resolve(store, 'group', 'alice', '智能制造在建项目有多少个？');
    resolve(store, 'group', 'bob', '新能源汽车计划投资多少？');
    expect(resolve(store, 'group', 'alice', '生物医药与健康医疗呢？').question).toBe('生物医药与健康医疗在建项目有多少个？');
    expect(keyFigure(resolve(store, 'group', 'bob', '生物医药与健康医疗呢？').question)).toBe('95.7亿元');
  });

  it('does not read a follow-up against an expired question', () => {
    const clock = fakeClock();
    const store = createContextStore({ ttlMs: 5 * 60_000, now: clock.now });
    resolve(store, 1, 1, '智能制造在建项目有多少个？');
    clock.advance(5 * 60_000);
    expect(resolve(store, 1, 1, '新能源汽车呢？').usedContext).toBe(false);
  });
});
