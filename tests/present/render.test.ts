// Rendering: escaping, figure marking and splitting (property-tested), and callback data limits.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { decodeCallback, encodeCallback, moreCallbackData, type CallbackAction } from '../../src/telegram/features/keyboard.js';
import { escapeHtml, MESSAGE_LIMIT, markFigures, renderAnswer, splitMessage } from '../../src/present/render.js';
import { htmlFormat } from '../../src/present/format.js';
import { parseTelegramHtml } from '../telegram/telegram-html.js';
import { realEngine } from '../telegram/harness.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

describe('escapeHtml', () => {
  it('turns any text into HTML that reads back as the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(parseTelegramHtml(escapeHtml(text)).text).toBe(text);
      }),
    );
  });
});

describe('renderAnswer', () => {
  it('renders every fact of the corpus as valid HTML whose text is the fact, only the key figure bold', () => {
    for (const fact of engine.facts) {
      const key = fact.figures[0] ?? null;
      const html = markFigures(fact, key, htmlFormat);
      const parsed = parseTelegramHtml(html);
      expect(parsed.text).toBe(fact.text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
      expect(parsed.bold).toEqual(key ? [key.raw] : []);
    }
  });

  it('keeps the full answer valid HTML for arbitrary questions, in both languages and styles', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('zh' as const, 'en' as const),
        fc.constantFrom('full' as const, 'short' as const),
        (question, lang, style) => {
          const answer = engine.ask(question, { limit: 3 });
          for (const part of splitMessage(renderAnswer(answer, { lang, style, showQuestion: true, examples: ['<x>'] }))) {
            parseTelegramHtml(part);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('asks for text when the question was empty, offering an example', () => {
    const answer: Answer = { kind: 'invalid', question: '', reason: 'empty' };
    expect(renderAnswer(answer, { examples: ['区域总面积有多大？'] })).toBe('请发送一个问题。例如：区域总面积有多大？');
    expect(renderAnswer(answer, { lang: 'en' })).toBe('Please send a question.');
  });

  it('renders plain text for the console without tags or entities', () => {
    const answer = engine.ask('浑南区有多少家国家高新技术企业？', { limit: 3 });
    const plain = renderAnswer(answer, { format: 'plain' });
    expect(plain).toContain('答案：【412家】');
    expect(plain).not.toMatch(/<\/?[a-z]+>|&amp;|&lt;/);
  });
});

describe('splitMessage', () => {
  const line = fc.oneof(
    fc.string({ maxLength: 300 }).map((s) => escapeHtml(s.replace(/\n/g, ' '))),
    fc.string({ maxLength: 100 }).map((s) => `<b>${escapeHtml(s.replace(/\n/g, ' '))}</b>`),
  );

  it('splits at line boundaries into valid parts of at most the limit that rejoin into the text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), fc.integer({ min: 310, max: 2000 }), (lines, limit) => {
        const text = lines.join('\n');
        const parts = splitMessage(text, limit);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(limit);
          expect(part.trim()).not.toBe('');
          parseTelegramHtml(part);
        }
        const kept = (s: string) =>
          s
            .split('\n')
            .filter((l) => l.trim() !== '')
            .join('\n');
        expect(kept(parts.join('\n'))).toBe(kept(text));
      }),
    );
  });

  it('cuts a single over-long line without breaking an entity or a surrogate pair', () => {
    const text = escapeHtml('数据&<>😀'.repeat(2000));
    const parts = splitMessage(text, MESSAGE_LIMIT);
    expect(parts.length).toBeGreaterThan(1);
    let joined = '';
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      joined += parseTelegramHtml(part).text;
    }
    expect(joined).toBe('数据&<>😀'.repeat(2000));
  });

  it('leaves a short message alone', () => {
    expect(splitMessage('<b>a</b>\nb')).toEqual(['<b>a</b>\nb']);
    expect(splitMessage('  \n ')).toEqual([]);
  });
});

describe('callback data', () => {
  it('round-trips every action', () => {
    const actions: CallbackAction[] = [
      { kind: 'example', index: 2 },
      { kind: 'more', offset: 3, factId: 'hunnan-2019:13.1.1' },
      { kind: 'more-at', offset: 0, factIndex: 41 },
    ];
    for (const action of actions) expect(decodeCallback(encodeCallback(action))).toEqual(action);
    expect(decodeCallback('浑南区常住人口多少人？')).toBeNull();
    expect(decodeCallback('m:x:id')).toBeNull();
  });

  it('fits 64 bytes for every fact of the corpus, and falls back to an index for long ids', () => {
    for (const fact of engine.facts) {
      const data = moreCallbackData(fact.id, 999, engine.facts)!;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    }
    const longId = `${'很长的文件名'.repeat(5)}:1.1.1`;
    const facts = [{ ...engine.facts[0]!, id: longId }];
    const data = moreCallbackData(longId, 3, facts)!;
    expect(data).toBe('n:3:0');
  });
});
