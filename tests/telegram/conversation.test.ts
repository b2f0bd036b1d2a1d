// End to end, issue 12: the conversation as people have it — small talk, refusals that help, related facts,
// the 原文 / context button, follow-ups, the answer's form, group texts — through the real bot polling a
// loopback Bot API, in a private chat, a group and inline mode, in Chinese and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../tools/fake-bot-api.js';
import { startHarness, type Harness } from './harness.js';
import { alice, bob, buttonsOf, group, inlineQuery, pressButton, privateChat, say } from './updates.js';

let h: Harness;
beforeAll(async () => {
  // In groups: two questions a minute per user, so the test sees what is counted and what is not.
  h = await startHarness({ bot: { rateLimit: { max: 2, privateMax: 0, chatMax: 0, windowMs: 60_000 } } });
});
afterAll(async () => {
  await h?.stop();
});

const carol = { id: 1003, is_bot: false, first_name: 'Carol', language_code: 'zh-hans' };
const dave = { id: 1004, is_bot: false, first_name: 'Dave', language_code: 'en' };

/** Sends a message and returns the bot's messages to that chat that came of it. */
async function send(chat: { id: number; type: 'private' | 'group' | 'supergroup' }, from: typeof alice, text: string) {
  const before = h.api.botMessages(chat.id).length;
  const update = say(h.api, chat, from, text);
  await h.api.processed(update.update_id);
  return h.api.botMessages(chat.id).slice(before);
}

async function one(chat: Parameters<typeof send>[0], from: typeof alice, text: string): Promise<SentMessage> {
  const replies = await send(chat, from, text);
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

async function press(from: typeof alice, message: SentMessage, data: string): Promise<SentMessage[]> {
  const before = h.api.botMessages(message.chat.id).length;
  const update = pressButton(h.api, from, message, data);
  await h.api.processed(update.update_id);
  expect(h.api.sent('answerCallbackQuery').filter((c) => c.payload.callback_query_id === update.callback_query.id)).toHaveLength(1);
  return h.api.botMessages(message.chat.id).slice(before);
}

function button(message: SentMessage, text: string): string {
  const found = buttonsOf(message).find((b) => b.text === text);
  expect(found, `button ${text} on “${message.plain.slice(0, 40)}”`).toBeDefined();
  return found!.data!;
}

const aliceChat = privateChat(alice);
const bobChat = privateChat(bob);

describe('small talk and self-description', () => {
  it('answers 你好 with a greeting, what the bot covers and questions it answers — never "not found"', async () => {
    const reply = await one(aliceChat, alice, '你好');
    expect(reply.plain).toMatch(/^你好！/);
    expect(reply.plain).toContain('《沈阳市浑南区重塑“高”“新”发展内核全力打造开放创新主阵地》');
    expect(reply.plain).not.toContain('没有找到');
    const examples = reply.plain.split('\n').filter((l) => l.startsWith('• '));
    expect(examples.length).toBeGreaterThan(0);
    for (const line of examples) expect(h.engine.ask(line.slice(2)).kind).toBe('found');
  });

  it('answers hi, thanks and bye in English, and "what is this document about" with its sections', async () => {
    const hi = await one(bobChat, bob, 'hi');
    expect(hi.plain).toMatch(/^Hello!/);
    expect(hi.plain).not.toMatch(/^The document does not say/m);
    expect(hi.plain).not.toMatch(/可以试试/);
    expect((await one(bobChat, bob, 'thanks!')).plain).toMatch(/^You are welcome!/);
    expect((await one(bobChat, bob, 'bye')).plain).toMatch(/^Goodbye!/);
    const about = await one(bobChat, bob, 'What is this document about?');
    expect(about.plain).toContain('They cover');
    expect(about.plain).toContain('“投资兴业的热土”');
    const zh = await one(aliceChat, alice, '这份文件讲什么？');
    expect(zh.plain).toContain('内容包括');
  });

  it('answers 你能做什么 with what it does, and still answers a question that starts with a greeting', async () => {
    expect((await one(aliceChat, alice, '你能做什么？')).plain).toContain('我是文档问答机器人');
    const question = await one(aliceChat, alice, '你好，浑南区有多少家高新技术企业？');
    expect(question.plain).toContain('答案：412家');
  });

  it('in a group, answers a greeting addressed to it with how to ask there (privacy mode)', async () => {
    const reply = await one(group, alice, '@FactTestBot 你好');
    expect(reply.plain).toContain('/ask');
    expect(reply.plain).toContain('@FactTestBot');
    expect(reply.reply_to_message_id).toBeDefined();
  });
});

describe('refusals that help', () => {
  it('offers questions near the one asked, each answered by the document, in Chinese', async () => {
    const reply = await one(aliceChat, alice, '2015年浑南区的区域总面积是多少？');
    // the near answer the engine gives: the measure for another period, cited
    expect(reply.plain).toContain('文档没有给出2015年的区域总面积');
    expect(reply.plain).toContain('可以试试这些问题');
    const suggestions = reply.plain.split('\n').filter((l) => l.startsWith('• '));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.some((s) => s.includes('面积'))).toBe(true);
    for (const s of suggestions) expect(h.engine.ask(s.slice(2)).kind).toBe('found');
  });

  it('offers English questions to an English question it cannot answer', async () => {
    const reply = await one(bobChat, bob, 'What is the GDP of Hunnan?');
    expect(reply.plain).toMatch(/^The document does not say\./);
    const suggestions = reply.plain.split('\n').filter((l) => l.startsWith('• '));
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(s).toMatch(/^• [\x20-\x7e]+$/);
      expect(h.engine.ask(s.slice(2)).kind).toBe('found');
    }
  });

  it('/start offers example buttons the engine answers, in English for an English user', async () => {
    const start = await one(bobChat, bob, '/start');
    const examples = buttonsOf(start);
    expect(examples.length).toBeGreaterThan(0);
    for (const b of examples) {
      expect(b.text).toMatch(/^[\x20-\x7e]+$/);
      expect(h.engine.ask(b.text).kind).toBe('found');
    }
    const [answer] = await press(bob, start, examples[0]!.data!);
    expect(answer!.plain.startsWith(`Q: ${examples[0]!.text}`)).toBe(true);
    expect(answer!.plain).toMatch(/^Answer: /m);
  });

  it('inline: an English query the document cannot answer gets one "Not in the document" result and a way to the private chat', async () => {
    const update = inlineQuery(h.api, bob, 'What is the GDP of Hunnan?');
    await h.api.processed(update.update_id);
    const call = h.api.sent('answerInlineQuery').find((c) => c.payload.inline_query_id === update.inline_query.id)!;
    expect(call.payload.results).toHaveLength(1);
    expect(call.payload.results[0].title).toBe('Not in the document');
    expect(call.payload.results[0].reply_markup.inline_keyboard[0][0].url).toBe('https://t.me/FactTestBot?start=inline');
    expect(call.payload.button).toEqual({ text: 'Ask in a private chat', start_parameter: 'inline' });
  });
});

describe('related facts and the 原文 / context button', () => {
  it('offers only related lines: under the intelligent-manufacturing projects, other projects', async () => {
    const reply = await one(aliceChat, alice, '智能制造在建项目有多少个？');
    const related = reply.plain.split('\n相关数据\n')[1] ?? '';
    expect(related).toContain('新能源汽车在建项目3个');
    // never filler from nearby sentences
    expect(related).not.toContain('两位数');
    const more = await press(alice, reply, button(reply, '更多相关数据'));
    expect(more[0]!.plain).toContain('项目');
  });

  it('the area answer has no unrelated lines and no "more" button, only 原文', async () => {
    const reply = await one(aliceChat, alice, '浑南区面积多大？');
    expect(reply.plain).not.toContain('相关数据');
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['原文']);
  });

  it('原文 shows the cited sentence inside its paragraph: an expandable blockquote, the sentence marked', async () => {
    const reply = await one(aliceChat, alice, '浑南区有多少家国家高新技术企业？');
    const [context] = await press(alice, reply, button(reply, '原文'));
    expect(context!.html).toMatch(/<blockquote expandable>.*<u>目前，浑南区国家高新技术企业已达到<b>412家<\/b>.*<\/u>.*<\/blockquote>/s);
    // the rest of the paragraph is there, unmarked
    expect(context!.plain).toContain('浑南区科技型中小企业上半年新认定86家');
    expect(context!.plain).toMatch(/出处：《沈阳市浑南区重塑“高”“新”发展内核全力打造开放创新主阵地》.*第13段第1句第1分句/);
  });

  it('in a group: a short citation, the full one behind Context (in English for an English user)', async () => {
    const reply = await one(group, dave, '/ask How many national high-tech enterprises are there?');
    expect(reply.plain).toMatch(/^Source: 《沈阳市浑南区重塑…》 · 开放创新的主阵地 · para\. 13$/m);
    const [context] = await press(dave, reply, button(reply, 'Context'));
    expect(context!.reply_to_message_id).toBe(reply.message_id);
    expect(context!.plain).toMatch(/^The paragraph/);
    expect(context!.plain).toMatch(/paragraph 13, sentence 1, clause 1/);
  });
});

describe('follow-ups that hold', () => {
  it('answers 上半年新认定了多少？ and 是去年的几倍？ from the sentence just cited, and says so', async () => {
    const chat = privateChat(carol);
    expect((await one(chat, carol, '浑南区有多少家国家高新技术企业？')).plain).toContain('答案：412家');
    const first = await one(chat, carol, '上半年新认定了多少？');
    expect(first.plain).toMatch(/^问：上半年新认定了多少？（按上一条答案的原句回答）/);
    expect(first.plain).toContain('答案：74家');
    expect(new Set(first.bold)).toEqual(new Set(['问：', '74家']));
    const second = await one(chat, carol, '是去年的几倍？');
    expect(second.plain).toContain('答案：3.4倍');
  });

  it('智能制造 → 面积呢 → 新能源汽车呢 never answers 803平方公里 for new energy vehicles', async () => {
    const chat = privateChat(carol);
    await one(chat, carol, '智能制造在建项目有多少个？');
    await one(chat, carol, '面积呢？');
    const reply = await one(chat, carol, '新能源汽车呢？');
    expect(reply.plain).not.toContain('803平方公里');
    expect(reply.plain).toMatch(/^问：新能源汽车在建项目有多少个？/);
    expect(reply.plain).toContain('答案：3个');
  });

  it('in a group, an English follow-up leans on the same user\u2019s question', async () => {
    const frank = { id: 1006, is_bot: false, first_name: 'Frank', language_code: 'en' };
    await one(group, frank, '/ask How many people live in Hunnan?');
    const reply = await one(group, frank, '/ask and the area?');
    expect(reply.plain).toContain('803');
  });
});

describe('form', () => {
  it('only the answer\u2019s own figure is bold', async () => {
    const reply = await one(aliceChat, alice, '浑南区常住人口多少人？');
    // the headline and the figure in the sentence; 803平方公里 and 13个 of the same sentence stay plain
    expect(new Set(reply.bold)).toEqual(new Set(['69万人']));
    expect(reply.plain).toContain('区域总面积803平方公里');
  });

  it('answers a list question with the sentence, no figure headline', async () => {
    const reply = await one(aliceChat, alice, '三大主导产业是什么？');
    expect(reply.plain).not.toMatch(/^答案：/m);
    expect(reply.plain).toMatch(/^“.*智能制造、新能源汽车、生物医药与健康医疗三大主导产业/);
  });

  it('group /start says how to ask in a group', async () => {
    const reply = await one(group, bob, '/start');
    expect(reply.plain).toContain('/ask');
    expect(reply.plain).toContain('@FactTestBot');
    expect(reply.plain).not.toContain('直接发送你的问题');
  });

  it('in a group, /topics, /source, /help and button presses are not counted as questions', async () => {
    const erin = { id: 1005, is_bot: false, first_name: 'Erin', language_code: 'zh-hans' };
    for (const command of ['/topics', '/source', '/help', '/topics']) expect(await send(group, erin, command)).toHaveLength(1);
    const answer = await one(group, erin, '/ask 浑南区有多少家国家高新技术企业？');
    expect(answer.plain).toContain('412家');
    for (let i = 0; i < 3; i++) expect(await press(erin, answer, button(answer, '原文'))).toHaveLength(1);
    // the second question of the minute is still answered; the third is over the limit of two
    expect((await one(group, erin, '/ask 浑南区常住人口多少人？')).plain).toContain('69万人');
    expect((await one(group, erin, '/ask 浑南区面积多大？')).plain).toContain('提问太频繁');
  });
});
