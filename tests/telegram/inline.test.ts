// End to end: inline mode ("@FactTestBot 问题" in any chat).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTelegramHtml } from './telegram-html.js';
import { startHarness, type Harness } from './harness.js';
import { alice, bob, inlineQuery } from './updates.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function query(text: string, from = alice) {
  const update = inlineQuery(h.api, from, text);
  await h.api.processed(update.update_id);
  const calls = h.api.calls.filter((c) => c.method === 'answerInlineQuery' && c.payload.inline_query_id === update.inline_query.id);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.status).toBe(200);
  return calls[0]!.payload;
}

describe('inline mode', () => {
  it('returns up to five facts: title = figure and what it measures, description = sentence, message = cited answer', async () => {
    const payload = await query('浑南区有多少家国家高新技术企业？');
    const results = payload.results as Array<Record<string, any>>;
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    const [first] = results;
    expect(first!.title).toMatch(/^412家 · \S/);
    expect(first!.description).toContain('412家');
    const message = parseTelegramHtml(first!.input_message_content.message_text);
    expect(first!.input_message_content.parse_mode).toBe('HTML');
    expect(message.text).toContain('问：浑南区有多少家国家高新技术企业？');
    expect(message.text).toContain('412家');
    expect(message.text).toMatch(/出处：《.+》.*第\d+段第\d+句/);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });

  it("offers the example questions' answers before anything is typed", async () => {
    const payload = await query('');
    const examples = h.engine
      .topics()
      .slice(0, 3)
      .map((t) => t.sampleQuestion);
    expect(payload.results.length).toBeGreaterThan(0);
    const texts = payload.results.map((r: any) => parseTelegramHtml(r.input_message_content.message_text).text);
    expect(texts.some((t: string) => examples.some((q) => t.includes(q)))).toBe(true);
  });

  it('answers a question the document cannot answer with one "not in the document" result and a way to the private chat', async () => {
    expect(h.engine.ask('今天天气怎么样').kind).toBe('not-found');
    const payload = await query('今天天气怎么样');
    expect(payload.results).toHaveLength(1);
    const [result] = payload.results;
    expect(result.title).toBe('不在文档中');
    const message = parseTelegramHtml(result.input_message_content.message_text).text;
    expect(message).toContain('文档中没有找到');
    expect(message).toContain('可以试试这些问题');
    expect(result.reply_markup.inline_keyboard[0][0].url).toBe('https://t.me/FactTestBot?start=inline');
    expect(payload.button).toEqual({ text: '私聊提问', start_parameter: 'inline' });
  });

  it('labels the message in English for English users, escaping the question', async () => {
    const payload = await query('浑南区常住人口多少人？ <i>&', bob);
    const message = parseTelegramHtml(payload.results[0].input_message_content.message_text);
    expect(message.text).toContain('Source:');
    expect(message.text).toContain('Q: 浑南区常住人口多少人？ <i>&');
  });

  it('returns one result for a question that adds figures up: the computed answer, every operand cited', async () => {
    const payload = await query('三大主导产业在建项目一共有多少个？');
    expect(payload.results).toHaveLength(1);
    const [result] = payload.results;
    expect(result.title).toBe('合计：122个');
    expect(result.description).toBe('计算: 91 + 3 + 28 = 122');
    const message = parseTelegramHtml(result.input_message_content.message_text).text;
    expect(message).toContain('问：三大主导产业在建项目一共有多少个？');
    for (const clause of [1, 2, 3]) expect(message).toContain(`第5段第2句第${clause}分句`);
    expect(message).toContain('在建智能制造产业项目91个');
  });

  it('gives English titles, descriptions and messages to an English query', async () => {
    const payload = await query('How many people live in Hunnan?');
    const [first] = payload.results;
    expect(first.title).toBe('690,000 people — resident population');
    expect(first.description).toMatch(/^paragraph 1, sentence 1: “浑南区地处/);
    const message = parseTelegramHtml(first.input_message_content.message_text).text;
    expect(message.split('\n').slice(0, 2)).toEqual(['Q: How many people live in Hunnan?', 'Answer: 690,000 people — resident population']);
    expect(message).toMatch(/Source: .*paragraph 1, sentence 1/);
  });

  it('answers an English question that adds figures up with one English result', async () => {
    const payload = await query('How many projects are under construction in the three leading industries in total?');
    expect(payload.results).toHaveLength(1);
    expect(payload.results[0].title).toBe('Total: 122 projects');
    expect(payload.results[0].description).toBe('Working: 91 + 3 + 28 = 122');
  });
});
