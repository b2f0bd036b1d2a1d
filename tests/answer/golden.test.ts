import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { seedEngine } from '../helpers/engine.js';
import { readGolden } from '../helpers/golden.js';

const golden = [...readGolden('seed-dev.jsonl'), ...readGolden('hunnan-zh.jsonl')];
const negatives = golden.filter((g) => g.expect === null);

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

// Each question's answer (and the `expect` rule) is pinned in tests/golden/pinned.test.ts.
describe('golden questions', () => {
  it('has the seed set plus at least 60 of our own', () => {
    expect(golden.length).toBeGreaterThanOrEqual(22 + 60);
  });

  it.each(negatives.map((g) => [g.id, g.q] as const))('%s says the document does not answer "%s"', (_id, q) => {
    const answer = engine.ask(q);
    expect(answer.kind).toBe('not-found');
  });

  it('highlights 412家 for the product-card question', () => {
    const answer = engine.ask('浑南区有多少家国家高新技术企业？');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.hits[0]!.keyFigure?.raw).toBe('412家');
    expect(answer.hits[0]!.citation).toMatchObject({
      document: 'hunnan-2019',
      section: '开放创新的主阵地',
      publisher: '中共浑南区委宣传部',
    });
  });
});

describe('bad questions', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['？？？', 'no-words'],
    ['好'.repeat(600), 'too-long'],
  ])('"%s" is invalid (%s)', (q, reason) => {
    expect(engine.ask(q)).toMatchObject({ kind: 'invalid', reason });
  });
});

describe('topics', () => {
  it('lists every section with a sample question the engine answers', () => {
    const topics = engine.topics();
    expect(topics.map((t) => t.section)).toEqual(['概况', '投资兴业的热土', '打造优质营商环境', '开放创新的主阵地']);
    for (const t of topics) expect(engine.ask(t.sampleQuestion).kind, t.sampleQuestion).toBe('found');
  });
});
