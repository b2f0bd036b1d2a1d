/**
 * Questions in Traditional characters and in English about the seed document
 * (tests/golden/hunnan-hant.jsonl, tests/golden/hunnan-en.jsonl): the same facts as their
 * Simplified forms, and "not in the document" for what it does not cover. Each question's answer (and
 * the `expect` rule) is pinned in tests/golden/pinned.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { normalizeQuestion } from '../../src/text/normalize.js';
import { seedEngine } from '../helpers/engine.js';
import { readGolden } from '../helpers/golden.js';

const sets = [
  { name: 'Traditional Chinese', file: 'hunnan-hant.jsonl', golden: readGolden('hunnan-hant.jsonl') },
  { name: 'English', file: 'hunnan-en.jsonl', golden: readGolden('hunnan-en.jsonl') },
];

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe.each(sets)('$name golden questions ($file)', ({ golden }) => {
  const negatives = golden.filter((g) => g.expect === null);

  it('has at least 40 questions, at least 5 of them unanswerable', () => {
    expect(golden.length).toBeGreaterThanOrEqual(40);
    expect(negatives.length).toBeGreaterThanOrEqual(5);
  });

  it.each(negatives.map((g) => [g.id, g.q] as const))('%s says the document does not answer "%s"', (_id, q) => {
    expect(engine.ask(q).kind).toBe('not-found');
  });

  it('holds no computation: each question needs one figure', () => {
    const computed = golden.filter((g) => engine.readQuestion(g.q).operation !== null).map((g) => g.id);
    expect(computed).toEqual([]);
  });
});

describe('the Traditional set', () => {
  it('is written in Traditional characters (OpenCC changes every question)', () => {
    const simplifiedAlready = readGolden('hunnan-hant.jsonl').filter((g) => !normalizeQuestion(g.q).traditional);
    expect(simplifiedAlready.map((g) => g.id)).toEqual([]);
  });

  it('finds the same fact as the Simplified form of each question', () => {
    const differ = readGolden('hunnan-hant.jsonl').filter((g) => {
      const a = engine.ask(g.q);
      const b = engine.ask(normalizeQuestion(g.q).text);
      const top = (x: typeof a) => (x.kind === 'found' ? x.hits[0]!.fact.id : x.kind);
      return top(a) !== top(b);
    });
    expect(differ.map((g) => g.id)).toEqual([]);
  });
});
