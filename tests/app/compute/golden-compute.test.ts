import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { computeAnswer } from '../../../src/app/compute/compute.js';
import { detectComputation, documentPhrases } from '../../../src/question/operation.js';
import { seedEngine } from '../../helpers/engine.js';
import type { Synonym } from '../../../src/question/synonyms.js';
import { ComputeGoldenSchema, readJsonl, seedGlossary } from './pipeline.js';

const golden = readJsonl('hunnan-compute.jsonl', ComputeGoldenSchema);

let engine: Engine;
let glossaryEn: Synonym[];
beforeAll(async () => {
  [engine, glossaryEn] = await Promise.all([seedEngine(), seedGlossary()]);
});

// Each question's computation (operation, number, operands, and the golden line's check) is pinned in
// tests/golden/pinned.test.ts.
describe('compute golden questions (tests/golden/hunnan-compute.jsonl)', () => {
  it('has at least 20 compare/sum questions, some of them unanswerable', () => {
    expect(golden.length).toBeGreaterThanOrEqual(20);
    expect(golden.filter((g) => g.missing).length).toBeGreaterThanOrEqual(2);
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
