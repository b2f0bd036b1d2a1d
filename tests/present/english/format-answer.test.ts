import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import type { Answer } from '../../../src/answer/index.js';
import { formatReplyText, renderSourceLine, plainFormat } from '../../../src/present/index.js';
import { seedEngine } from '../../helpers/engine.js';

let engine: Engine;
/** The plain text every medium prints for an answer to an English question (related facts cut off unless asked). */
function formatAnswerEnglish(answer: Answer, options: { related?: number } = {}): string {
  const trimmed = answer.kind === 'found' && options.related === 0 ? { ...answer, hits: answer.hits.slice(0, 1) } : answer;
  return formatReplyText(trimmed, { language: 'en', subjectsEn: engine.vocabulary.subjectsEn });
}
beforeAll(async () => {
  engine = await seedEngine();
});

describe('an answer to an English question, as plain text', () => {
  it('gives the figure in English, what it measures, the Chinese sentence verbatim and the citation', () => {
    const answer = engine.ask('How many people live in Hunnan?');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    const [headline, quote, source] = formatAnswerEnglish(answer, { related: 0 }).split('\n');
    expect(headline).toBe('Answer: 【690,000 people】 — resident population');
    expect(quote).toContain('常住人口【69万人】');
    expect(source).toBe(renderSourceLine(answer.hits[0]!.citation, 'en', plainFormat));
  });

  it('says as of when, and of what a generic measure is', () => {
    const entities = engine.ask('浑南区有多少户市场主体？');
    expect(formatAnswerEnglish(entities, { related: 0 }).split('\n')[0]).toBe(
      'Answer: 【54,900 market entities】, as of the end of July 2019',
    );
    const investment = engine.ask('智能制造计划投资多少？');
    expect(formatAnswerEnglish(investment, { related: 0 }).split('\n')[0]).toBe(
      'Answer: 【CNY 41.45 billion】 — planned total investment (intelligent manufacturing projects under construction)',
    );
  });

  it('lets the sentence answer a question that asks for a list, not a figure', () => {
    const answer = engine.ask('浑南区的主导产业有哪些？');
    expect(answer).toMatchObject({ kind: 'found', asked: 'list' });
    expect(formatAnswerEnglish(answer, { related: 0 }).split('\n')[0]).toBe('The document says:');
  });

  it('lists related facts only when asked to', () => {
    const answer = engine.ask('浑南区常住人口多少？', { limit: 3 });
    expect(formatAnswerEnglish(answer, { related: 0 })).not.toContain('Related');
    if (answer.kind === 'found' && answer.hits.length > 1) expect(formatAnswerEnglish(answer)).toContain('Related');
  });

  it('says "The document does not say." when it does not', () => {
    const text = formatAnswerEnglish(engine.ask('What is the GDP of Hunnan?'));
    expect(text.split('\n')[0]).toBe('The document does not say.');
  });

  it('words invalid questions in English', () => {
    expect(formatAnswerEnglish(engine.ask('   '))).toBe('Please send a question.');
  });
});
