// Rendering every kind of reply (computed, English, Traditional) for Telegram and the console: valid HTML,
// the document's text verbatim, the frame in the asker's language; the Traditional frame; callback data.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder, type Responder } from '../../src/app/respond.js';
import {
  decodeCallback,
  encodeCallback,
  moreCallbackData,
  contextCallbackData,
  type CallbackAction,
} from '../../src/telegram/features/keyboard.js';
import { replyLocale, textsFor } from '../../src/present/i18n.js';
import { renderReply } from '../../src/present/render-reply.js';
import { MESSAGE_LIMIT, splitMessage } from '../../src/present/render.js';
import { traditionalTexts } from '../../src/present/traditional.js';
import { readGolden } from '../helpers/golden.js';
import { realEngine } from '../telegram/harness.js';
import { parseTelegramHtml } from '../telegram/telegram-html.js';

let engine: Engine;
let responder: Responder;
beforeAll(async () => {
  engine = await realEngine();
  responder = createResponder(engine);
});

const computeQuestions = readFileSync(new URL('../golden/hunnan-compute.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { q: string }).q);
const QUESTIONS = [
  ...computeQuestions,
  ...readGolden('hunnan-en.jsonl').map((g) => g.q),
  ...readGolden('hunnan-hant.jsonl').map((g) => g.q),
];

describe('renderReply', () => {
  it('renders every golden computed, English and Traditional question as valid HTML in every style and UI language', () => {
    for (const question of QUESTIONS) {
      const { reply, language } = responder.respond(question, { limit: 3 });
      for (const lang of ['zh', 'en'] as const) {
        for (const style of ['full', 'short'] as const) {
          const html = renderReply(reply, { lang, language, style, showQuestion: true });
          const parts = splitMessage(html);
          expect(parts.length, question).toBeGreaterThan(0);
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
            parseTelegramHtml(part);
          }
          const plain = renderReply(reply, { lang, language, style, format: 'plain', showQuestion: true });
          expect(plain).not.toMatch(/<\/?[a-z]+>|&amp;|&lt;/);
        }
      }
    }
  });

  it("quotes each operand's sentence verbatim, in the document's characters, also for Traditional and English askers", () => {
    for (const question of [
      '三大主導產業在建項目一共有多少個？',
      'How many projects are under construction in the three leading industries in total?',
    ]) {
      const { reply, language } = responder.respond(question);
      expect(reply.kind).toBe('computed');
      if (reply.kind !== 'computed') continue;
      const text = parseTelegramHtml(renderReply(reply, { language })).text;
      expect(reply.operands).toHaveLength(3);
      for (const o of reply.operands) expect(text).toContain(`“${o.hit.fact.text}”`);
    }
  });

  it('keeps any question valid HTML in any language, with hostile text around it', () => {
    const words = fc.constantFrom(
      'How many',
      '一共',
      '渾南區',
      '<b>',
      '&',
      '<5%',
      '那计划投资呢？',
      'people',
      '哪个最多',
      '占',
      '比例',
      'total',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 8 }),
        fc.constantFrom('zh' as const, 'en' as const),
        (pieces, lang) => {
          const { reply, language } = responder.respond(pieces.join(' '), { limit: 3 });
          for (const style of ['full', 'short'] as const) {
            for (const part of splitMessage(renderReply(reply, { lang, language, style, showQuestion: true, examples: ['<x>'] })))
              parseTelegramHtml(part);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the reply frame', () => {
  it('is English for an English question or an English UI, Traditional for a Traditional question, Chinese otherwise', () => {
    expect(replyLocale('zh', 'en')).toBe('en');
    expect(replyLocale('en', 'zh-Hans')).toBe('en');
    expect(replyLocale('en', 'zh-Hant')).toBe('en');
    expect(replyLocale('zh', 'zh-Hant')).toBe('zh-Hant');
    expect(replyLocale('zh', 'zh-Hans')).toBe('zh');
    expect(replyLocale('zh')).toBe('zh');
  });

  it('converts the Chinese UI texts to Traditional, never their arguments', () => {
    const t = textsFor('zh-Hant');
    expect(t.moreButton).toBe('更多相關數據');
    expect(t.sourceLabel).toBe('出處');
    expect(t.paragraph(5, 2, null)).toBe('第5段第2句');
    expect(t.paragraph(5, 2, 1)).toBe('第5段第2句第1分句');
    // The question is the user's (or the document's) text: it goes back in unconverted.
    expect(t.notFound('浑南区的失业率')).toBe('文檔中沒有找到“浑南区的失业率”的確切數據。');
    expect(t.help('FactTestBot', '区域总面积有多大？')[0]).toBe('• 私聊：直接發送問題，例如“区域总面积有多大？”');
  });

  it('lets a text branch on an empty argument', () => {
    const table = traditionalTexts({ covers: (what: string) => (what ? `内容包括${what}等。` : '没有内容。') });
    expect(table.covers('')).toBe('沒有內容。');
    expect(table.covers('数据')).toBe('內容包括数据等。');
  });
});

describe('"more" callback data', () => {
  it("carries the answer's language as one letter and round-trips", () => {
    const actions: CallbackAction[] = [
      { kind: 'more', offset: 3, factId: 'hunnan-2019:13.1.1', language: 'en' },
      { kind: 'more', offset: 0, factId: 'hunnan-2019:1.1', language: 'zh-Hant' },
      { kind: 'more-at', offset: 6, factIndex: 41, language: 'en' },
      { kind: 'context', figure: 2, factId: 'hunnan-2019:13.1.1', language: 'en' },
      { kind: 'context-at', figure: 0, factIndex: 41, language: 'zh-Hant' },
      { kind: 'example', index: 1, language: 'en' },
    ];
    for (const action of actions) expect(decodeCallback(encodeCallback(action))).toEqual(action);
    expect(encodeCallback({ kind: 'more', offset: 0, factId: 'x', language: 'zh-Hans' })).toBe('m:0:x');
    expect(encodeCallback({ kind: 'context', figure: 1, factId: 'x' })).toBe('x:1:x');
    expect(decodeCallback('mx:0:x')).toBeNull();
    expect(decodeCallback('ext:1')).toBeNull();
    expect(decodeCallback('x:a:x')).toBeNull();
  });

  it('fits 64 bytes for every fact of the corpus in every language', () => {
    for (const fact of engine.facts) {
      for (const language of ['en', 'zh-Hant', 'zh-Hans'] as const) {
        expect(Buffer.byteLength(moreCallbackData(fact.id, 999, engine.facts, language)!)).toBeLessThanOrEqual(64);
        expect(Buffer.byteLength(contextCallbackData(fact.id, 99, engine.facts, language)!)).toBeLessThanOrEqual(64);
      }
    }
  });
});
