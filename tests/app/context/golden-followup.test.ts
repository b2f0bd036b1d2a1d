import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../../src/app/context/follow-up.js';
import type { Synonym } from '../../../src/question/synonyms.js';
import { FollowUpGoldenSchema, readJsonl, seedGlossary } from '../compute/pipeline.js';

const golden = readJsonl('hunnan-followup.jsonl', FollowUpGoldenSchema);

let glossaryEn: Synonym[];
beforeAll(async () => {
  glossaryEn = await seedGlossary();
});

// Each pair's resolved question and answer (and the `expect` rule) is pinned in tests/golden/pinned.test.ts.
describe('follow-up golden pairs (tests/golden/hunnan-followup.jsonl)', () => {
  it('has at least 20 pairs, in Chinese and English', () => {
    expect(golden.length).toBeGreaterThanOrEqual(20);
    expect(golden.filter((g) => /^[\x20-\x7e]+$/.test(g.then)).length).toBeGreaterThanOrEqual(3);
  });

  it('reads every short follow-up against the first question, and a full question on its own', () => {
    const standalone = golden.filter((g) => !resolveFollowUp(g.first, g.then, { glossaryEn }).usedContext).map((g) => g.id);
    expect(standalone).toEqual(['f17']);
  });
});
