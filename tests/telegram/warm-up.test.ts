// The start-up warm-up: questions from the corpus itself, bounded in time and passes, sending nothing.
import { describe, expect, it } from 'vitest';
import { warmUp, warmUpQuestions } from '../../src/telegram/features/warm-up.js';
import { seedEngine } from '../helpers/engine.js';

describe('warm-up', () => {
  it('asks questions made from the corpus: section samples, figure subjects, fact openings, each once', async () => {
    const e = await seedEngine();
    const questions = warmUpQuestions(e);
    expect(new Set(questions).size).toBe(questions.length);
    for (const topic of e.topics()) expect(questions).toContain(topic.sampleQuestion);
    expect(questions).toContain('常住人口有多少？');
    expect(questions.length).toBeGreaterThan(e.facts.length);
  });

  it('stops after its passes, or when its time budget is spent', async () => {
    const e = await seedEngine();
    const n = warmUpQuestions(e).length;
    // Time stands still: only the passes end it (whatever the machine's speed).
    expect(warmUp(e, { rounds: 2, budgetMs: 60_000, now: () => 0 }).answered).toBe(2 * n);
    let clock = 0;
    const timed = warmUp(e, { rounds: 100, budgetMs: 50, now: () => (clock += 10) });
    expect(timed.answered).toBeLessThan(10);
    expect(timed.ms).toBeGreaterThanOrEqual(50);
    expect(warmUp(e, { budgetMs: 0 }).answered).toBe(0);
  });
});
