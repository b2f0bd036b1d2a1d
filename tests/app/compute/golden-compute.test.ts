import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { computeAnswer } from '../../../src/app/compute/compute.js';
import { detectComputation, documentPhrases } from '../../../src/question/operation.js';
import { seedEngine } from '../../helpers/engine.js';
import type { Synonym } from '../../../src/question/synonyms.js';
import { computeMatches, ComputeGoldenSchema, readJsonl, seedGlossary } from './pipeline.js';

const golden = readJsonl('hunnan-compute.jsonl', ComputeGoldenSchema);

let engine: Engine;
let glossaryEn: Synonym[];
beforeAll(async () => {
  [engine, glossaryEn] = await Promise.all([seedEngine(), seedGlossary()]);
});

describe('compute golden questions (tests/golden/hunnan-compute.jsonl)', () => {
  it('has at least 20 compare/sum questions, some of them unanswerable', () => {
    expect(golden.length).toBeGreaterThanOrEqual(20);
    expect(golden.filter((g) => g.missing).length).toBeGreaterThanOrEqual(2);
  });

  it('computes the right number for at least 90% of them', () => {
    const misses = golden.filter((g) => {
      const request = detectComputation(g.q, { isDocumentPhrase: documentPhrases(engine.facts), glossaryEn });
      return !request || !computeMatches(g, computeAnswer(request, engine));
    });
    const rate = 1 - misses.length / golden.length;
    expect(rate, `misses: ${misses.map((g) => `${g.id} ${g.q}`).join('; ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it.each(golden.filter((g) => g.missing).map((g) => [g.id, g.q, g.missing!] as const))(
    '%s "%s" gives no result and names what is missing',
    (_id, q, missing) => {
      const request = detectComputation(q, { isDocumentPhrase: documentPhrases(engine.facts), glossaryEn });
      expect(request).not.toBeNull();
      const answer = computeAnswer(request!, engine);
      expect(answer.result).toBeNull();
      expect(answer.missing).toEqual(expect.arrayContaining([...missing]));
    },
  );
});
