import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { resolveFollowUp } from '../../../src/app/context/follow-up.js';
import type { Synonym } from '../../../src/question/synonyms.js';
import { containsAll, FollowUpGoldenSchema, readJsonl, reply, replyText, seedGlossary } from '../compute/pipeline.js';
import { seedEngine } from '../../helpers/engine.js';

const golden = readJsonl('hunnan-followup.jsonl', FollowUpGoldenSchema);

let engine: Engine;
let glossaryEn: Synonym[];
beforeAll(async () => {
  [engine, glossaryEn] = await Promise.all([seedEngine(), seedGlossary()]);
});

describe('follow-up golden pairs (tests/golden/hunnan-followup.jsonl)', () => {
  it('has at least 20 pairs, in Chinese and English', () => {
    expect(golden.length).toBeGreaterThanOrEqual(20);
    expect(golden.filter((g) => /^[\x20-\x7e]+$/.test(g.then)).length).toBeGreaterThanOrEqual(3);
  });

  it('answers at least 90% of the follow-ups about the right subject', () => {
    const misses = golden.filter((g) => {
      const { question } = resolveFollowUp(g.first, g.then, { glossaryEn });
      return !containsAll(replyText(reply(engine, glossaryEn, question)), g.expect);
    });
    const rate = 1 - misses.length / golden.length;
    expect(rate, `misses: ${misses.map((g) => `${g.id} ${g.first} → ${g.then}`).join('; ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('reads every short follow-up against the first question, and a full question on its own', () => {
    const standalone = golden.filter((g) => !resolveFollowUp(g.first, g.then, { glossaryEn }).usedContext).map((g) => g.id);
    expect(standalone).toEqual(['f17']);
  });
});
