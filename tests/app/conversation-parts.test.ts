// The parts of the conversation (issue 12) on their own: the small-talk reader, suggestions, related facts, the
// 原文 context of a sentence and of a table row, and the console's commands.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { relatedness } from '../../src/app/related.js';
import { createResponder } from '../../src/app/respond.js';
import { readSmallTalk, withoutGreeting } from '../../src/app/small-talk.js';
import { sourceContext } from '../../src/app/source-context.js';
import { createLineReplier } from '../../src/console/chat.js';
import { renderSourceContext } from '../../src/present/render-talk.js';
import { parseTelegramHtml } from '../telegram/telegram-html.js';
import { seedEngine } from '../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('readSmallTalk', () => {
  it.each([
    ['你好', 'greeting'],
    ['您好！', 'greeting'],
    ['hi', 'greeting'],
    ['Hello there 👋', 'greeting'],
    ['谢谢你！', 'thanks'],
    ['Thanks a lot', 'thanks'],
    ['再见', 'goodbye'],
    ['bye bye', 'goodbye'],
    ['你是谁？', 'about-bot'],
    ['你好，你能做什么？', 'about-bot'],
    ['what can you do?', 'about-bot'],
    ['这份文件讲什么？', 'about-document'],
    ['文档主要讲了什么内容', 'about-document'],
    ["What's this document about?", 'about-document'],
    ['这篇关于德清县固定资产投资的文章是哪天发布的？', 'document-source'],
    ['這篇德清投資文章的發布日期是哪天？', 'document-source'],
    ['这条信息的信息来源是哪里？', 'document-source'],
    ['文中德清投资数据是德清县哪个部门提供的？', 'document-source'],
    ['这些数据由哪个单位提供？', 'document-source'],
    ['这篇文章在发改委网站上属于哪个栏目？', 'document-source'],
    ['這篇文章屬於哪個欄目？', 'document-source'],
    ['文中德清县投资数据统计的是哪个时间段？', 'document-source'],
    ['这份公报统计的是哪个时期的数据？', 'document-source'],
    ['When was this report published?', 'document-source'],
  ])('%s → %s', (text, kind) => {
    expect(readSmallTalk(text)?.kind).toBe(kind);
  });

  it.each([
    '你好，浑南区有多少家高新技术企业？',
    '浑南区面积多大？',
    '那计划投资呢？',
    'How many people live in Hunnan?',
    'hi, how many people live in Hunnan?',
    '谢谢，那新能源汽车呢？',
    '三大主导产业是什么？',
    'What is the GDP of Hunnan?',
    '文章中德清县固定资产投资是多少？',
    '2019年公报发布的地区生产总值是多少？',
    '浑南区是哪一年成立的？',
    '德清县哪个部门负责固定资产投资？',
    '浑南区属于哪个城市？',
    '',
  ])('a question is not small talk: %s', (text) => {
    expect(readSmallTalk(text)).toBeNull();
  });

  it('sets a greeting before a question aside, and leaves a question alone', () => {
    expect(withoutGreeting('你好，浑南区有多少家高新技术企业？')).toBe('浑南区有多少家高新技术企业？');
    expect(withoutGreeting('Hello! How many people live in Hunnan?')).toBe('How many people live in Hunnan?');
    expect(withoutGreeting('浑南区面积多大？')).toBe('浑南区面积多大？');
  });
});

describe('suggestions and related facts', () => {
  it('suggests questions sharing the measure asked, each answered with its own figure', () => {
    const responder = createResponder(engine);
    const r = responder.respond('2015年浑南区的区域总面积是多少？');
    expect(r.reply.kind).toBe('not-found');
    if (r.reply.kind !== 'not-found') return;
    expect(r.reply.suggestions[0]).toBe('区域总面积有多大？');
    for (const q of r.reply.suggestions) expect(engine.ask(q).kind).toBe('found');
  });

  it('calls facts related by measure or kind of measure, not by standing nearby', () => {
    const projects = engine.factById('hunnan-2019:5.2.1')!;
    const ev = engine.factById('hunnan-2019:5.2.2')!;
    const growth = engine.factById('hunnan-2019:5.3.1')!;
    expect(relatedness(projects, projects.figures[1]!, ev)).toBe(3); // 计划总投资 beside 计划总投资
    expect(relatedness(projects, projects.figures[0]!, ev)).toBeGreaterThanOrEqual(1); // …项目 beside …项目
    expect(relatedness(projects, projects.figures[0]!, growth)).toBe(0); // 两位数增长, next sentence
  });

  it('relates a shared head noun within a section only, and shows the figure that relates', () => {
    const firms = engine.factById('hunnan-2019:13.1.1')!; // 国家高新技术企业 412家
    const smes = engine.factById('hunnan-2019:13.1.2')!; // 科技型中小企业 86家, same section
    const market = engine.facts.find((f) => f.text.includes('5.49万户'))!; // 市场主体, 新登记企业: another section
    expect(market.section).not.toBe(firms.section);
    expect(relatedness(firms, firms.figures[0]!, smes)).toBeGreaterThanOrEqual(1);
    expect(relatedness(firms, firms.figures[0]!, market)).toBe(0);
    const related = createResponder(engine).respond('浑南区有多少家国家高新技术企业？').reply;
    if (related.kind !== 'found') throw new Error(related.kind);
    const lines = related.hits.slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map((h) => h.fact.id)).not.toContain(market.id);
    for (const h of lines) expect(h.keyFigure?.measure ?? h.keyFigure?.subject ?? '').not.toBe('');
  });
});

describe('原文 / context', () => {
  it('gives the paragraph verbatim with the fact inside it, marked in HTML', () => {
    const ctx = sourceContext(engine, 'hunnan-2019:13.1.1', 0)!;
    expect(ctx.paragraph.slice(ctx.start, ctx.end)).toBe(engine.factById('hunnan-2019:13.1.1')!.text);
    const html = renderSourceContext(ctx, 'zh');
    const parsed = parseTelegramHtml(html);
    expect(parsed.bold).toContain('412家');
    expect(html).toContain('<blockquote expandable>');
    expect(parsed.text).toContain(ctx.paragraph.replace(/\s*[\r\n]+\s*/g, ' '));
  });

  it('shows a table row under its header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-context-'));
    try {
      cpSync(new URL('../fixtures/documents/qiandongnan-2016-tongjigongbao.txt', import.meta.url).pathname, join(dir, 'q.txt'));
      const { engine: tables } = await buildEngineFromDir(dir);
      const row = tables.facts.find((f) => f.row && f.row.header.length > 1 && f.figures.length > 0)!;
      expect(row).toBeDefined();
      const ctx = sourceContext(tables, row.id, 0)!;
      expect(ctx.row).not.toBeNull();
      const text = parseTelegramHtml(renderSourceContext(ctx, 'zh')).text;
      const lines = text.split('\n');
      expect(lines[0]).toMatch(/^表格/);
      expect(lines[1]).toBe(
        row
          .row!.header.map((c) => c.trim())
          .join(' | ')
          .trim(),
      );
      expect(lines[2]).toBe(
        row
          .row!.cells.map((c) => c.trim())
          .join(' | ')
          .trim(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('console commands', () => {
  let reply: (line: string) => string;
  beforeAll(() => {
    reply = createLineReplier(engine);
  });
  afterAll(() => undefined);

  it('takes /start, /help and small talk as the bot does', () => {
    expect(reply('/start')).toContain('《沈阳市浑南区重塑“高”“新”发展内核全力打造开放创新主阵地》');
    expect(reply('/help')).toMatch(/^怎么提问/);
    expect(reply('你好')).toMatch(/^你好！/);
    expect(reply('hi')).toMatch(/^Hello!/);
    expect(reply('/nonsense')).toContain('/help');
  });

  it('/context shows the last answer in its paragraph', () => {
    expect(reply('浑南区有多少家国家高新技术企业？')).toContain('【412家】');
    const context = reply('/context');
    expect(context).toMatch(/^原文段落/);
    expect(context).toContain('【目前，浑南区国家高新技术企业已达到412家');
    expect(context).toContain('浑南区科技型中小企业上半年新认定86家');
  });
});

describe('many users asking many questions', () => {
  it('answers every one of 3,000 generated questions in running conversations without failing, as valid HTML', async () => {
    const { loadQuestions } = await import('../../tools/bench/load-questions.js');
    const { createContextStore } = await import('../../src/app/context/context-store.js');
    const { renderReply } = await import('../../src/present/render-reply.js');
    const responder = createResponder(engine);
    const store = createContextStore({ now: () => 0 });
    const questions = loadQuestions(engine, 3000);
    questions.forEach((q, i) => {
      const turn = responder.converse(q, { limit: 1, conversation: { store, chatId: i % 7, userId: i % 50 } });
      if (turn.kind === 'answer') {
        const html = renderReply(turn.response.reply, { style: 'short', reading: turn.response.reading, showQuestion: true });
        parseTelegramHtml(html);
      }
    });
    expect(questions.length).toBe(3000);
  });
});
