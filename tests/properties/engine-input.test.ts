// Bad input, property-tested: whatever string arrives, the engine answers with a valid Answer in bounded
// time and never throws, and the reply the bot renders is valid Telegram HTML in parts of at most 4096
// characters. The last property runs the real bot (handleUpdate) against the fake Bot API, which rejects
// what Telegram would reject ("can't parse entities", "message is too long").
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { createLogger } from '../../src/host/log.js';
import { createBot } from '../../src/telegram/create-bot.js';
import { MESSAGE_LIMIT, renderAnswer, splitMessage } from '../../src/present/render.js';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';
import { LogCapture, realEngine } from '../telegram/harness.js';
import { parseTelegramHtml } from '../telegram/telegram-html.js';
import { alice, group, privateChat, textMessage } from '../telegram/updates.js';
import { anyQuestion, NASTY_PIECES } from './hostile-text.js';

/** Longest one ask may take, whatever the input (typical: under 5 ms; generous for a loaded 2-core box). */
const ASK_BUDGET_MS = 1000;
const KINDS = new Set(['found', 'not-found', 'invalid']);
const REASONS = new Set(['empty', 'too-long', 'no-words']);

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

/** Checks an Answer against the engine it came from; throws (fails the property) on anything off. */
function expectValidAnswer(answer: Answer, question: string, limit: number): void {
  expect(KINDS.has(answer.kind)).toBe(true);
  expect(typeof answer.question).toBe('string');
  switch (answer.kind) {
    case 'found':
      expect(answer.hits.length).toBeGreaterThanOrEqual(1);
      expect(answer.hits.length).toBeLessThanOrEqual(limit);
      for (const hit of answer.hits) {
        expect(engine.factById(hit.fact.id)).toBe(hit.fact);
        expect(Number.isFinite(hit.score)).toBe(true);
        expect(hit.citation.document).toBe(hit.fact.docId);
        expect(hit.citation.paragraph).toBe(hit.fact.paragraph);
        if (hit.keyFigure !== null) expect(hit.fact.figures).toContainEqual(hit.keyFigure);
      }
      break;
    case 'not-found':
      for (const s of answer.suggestions) expect(typeof s).toBe('string');
      break;
    case 'invalid':
      expect(REASONS.has(answer.reason)).toBe(true);
      if (answer.reason === 'empty') expect(question.trim()).toBe('');
      break;
  }
}

function timedAsk(question: string, limit: number): { answer: Answer; ms: number } {
  const started = performance.now();
  const answer = engine.ask(question, { limit });
  return { answer, ms: performance.now() - started };
}

/** Every rendering the bot and the console use, for one answer. */
function expectValidRenderings(answer: Answer): void {
  for (const lang of ['zh', 'en'] as const) {
    for (const style of ['full', 'short'] as const) {
      for (const showQuestion of [false, true]) {
        const html = renderAnswer(answer, { lang, style, showQuestion, examples: ['<b>例&子</b>'] });
        const parts = splitMessage(html);
        expect(parts.length).toBeGreaterThanOrEqual(1);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          const parsed = parseTelegramHtml(part); // throws like Telegram's "can't parse entities"
          expect(parsed.text.trim()).not.toBe('');
        }
      }
    }
    // The console's plain text renders too (never escaped: a literal "<b>" stays as typed).
    expect(renderAnswer(answer, { lang, format: 'plain' }).trim()).not.toBe('');
  }
}

describe('engine.ask on any string', () => {
  it('returns a valid Answer within the time budget and never throws', () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyQuestion(), fc.integer({ min: 1, max: 5 }), (question, limit) => {
        const { answer, ms } = timedAsk(question, limit);
        slowest = Math.max(slowest, ms);
        expectValidAnswer(answer, question, limit);
        expect(ms).toBeLessThan(ASK_BUDGET_MS);
      }),
      { numRuns: 400 },
    );
    expect(slowest).toBeLessThan(ASK_BUDGET_MS);
  });

  it('handles each listed shape: empty, whitespace, 10 000 chars, emoji, control, zero-width, RTL, lone surrogates, markup, digits', () => {
    const shapes: Array<[string, Answer['kind'][]]> = [
      ['', ['invalid']],
      [' \t\n\u3000 ', ['invalid']],
      ['浑'.repeat(10_000), ['invalid']],
      ['😀🇨🇳👨‍👩‍👧‍👦', ['invalid', 'not-found']],
      ['\u0000\u0001\u001b\u007f', ['invalid', 'not-found']],
      ['\u200b\u200c\u200d\ufeff', ['invalid', 'not-found']],
      ['\u202eمرحبا كم عدد السكان', ['invalid', 'not-found']],
      ['\ud800浑南区\udfff常住人口多少人？', ['found', 'not-found']],
      ['<b>&*_[浑南区常住人口多少人？</b>', ['found', 'not-found']],
      ['1234567890', ['invalid', 'not-found']],
    ];
    for (const [question, kinds] of shapes) {
      const { answer, ms } = timedAsk(question, 3);
      expectValidAnswer(answer, question, 3);
      expect(kinds).toContain(answer.kind);
      expect(ms).toBeLessThan(ASK_BUDGET_MS);
      expectValidRenderings(answer);
    }
  });
});

describe('the rendered reply', () => {
  it('is balanced, escaped HTML in non-empty parts of at most 4096 characters, in every language and style', () => {
    fc.assert(
      fc.property(anyQuestion(), (question) => {
        expectValidRenderings(engine.ask(question, { limit: 3 }));
      }),
      { numRuns: 150 },
    );
  });

  it('stays valid however long or hostile the fact text is (a synthetic answer)', () => {
    const fact = engine.facts.find((f) => f.figures.length > 0)!;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NASTY_PIECES), { minLength: 1, maxLength: 3000 }), (pieces) => {
        const text = pieces.join('');
        const hostile = { ...fact, text, figures: [], subject: text.slice(0, 40) || null, section: text.slice(-30) || null };
        const citation = {
          document: fact.docId,
          title: text.slice(0, 80) || 't',
          publisher: text.slice(0, 20) || null,
          section: hostile.section,
          paragraph: 1,
          sentence: 1,
          start: 0,
          end: text.length,
        };
        const why = { terms: 0, document: 0, kind: 0, time: 0, coverage: 0, focus: 0, matched: [] };
        const hit = { fact: hostile, citation, keyFigure: null, score: 1, why };
        const answer = { kind: 'found', question: text, asked: null, hits: [hit, hit, hit] } as unknown as Answer;
        expectValidRenderings(answer);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the bot on hostile messages (handleUpdate against the fake Bot API)', () => {
  let api: FakeBotApi;
  const logs = new LogCapture();
  let bot: ReturnType<typeof createBot>;

  beforeAll(async () => {
    api = await new FakeBotApi().start();
    bot = createBot(TEST_TOKEN, {
      engine,
      logger: createLogger({ level: 'info', sink: logs, secrets: [TEST_TOKEN] }),
      options: {
        apiRoot: api.apiRoot,
        botInfo: {
          ...api.bot,
          is_bot: true,
          username: api.bot.username!,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: true,
        },
        rateLimit: { max: 0, privateMax: 0, chatMax: 0 },
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers every private message, /ask in a group and inline query with messages Telegram accepts', async () => {
    let updates = 0;
    await fc.assert(
      fc.asyncProperty(anyQuestion(), fc.constantFrom('private', 'group', 'inline'), async (text, where) => {
        const before = api.calls.length;
        if (where === 'inline') {
          await bot.handleUpdate(
            api.makeUpdate({ inline_query: { id: `iq-p${updates}`, from: alice, query: text.slice(0, 256), offset: '' } }) as never,
          );
        } else {
          const chat = where === 'private' ? privateChat(alice) : group;
          const body = where === 'private' ? text : `/ask ${text}`;
          if (body === '') return; // Telegram never delivers an empty text message
          await bot.handleUpdate(api.makeUpdate({ message: textMessage(api, chat, alice, body) }) as never);
        }
        updates += 1;
        const calls = api.calls.slice(before).filter((c) => c.method !== 'sendChatAction');
        for (const call of calls) expect(call.response?.description ?? 'ok').toBe('ok');
        if (where === 'inline') expect(calls.filter((c) => c.method === 'answerInlineQuery')).toHaveLength(1);
      }),
      { numRuns: 120 },
    );
    expect(updates).toBeGreaterThan(50);
    expect(logs.records.filter((r) => r.level >= 50)).toEqual([]);
    expect(api.calls.filter((c) => c.status !== 200)).toEqual([]);
  });
});
