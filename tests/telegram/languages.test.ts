// End to end: questions as people ask them (Traditional characters, English, follow-ups, figures added up
// or compared), in a private chat and in a group, through the real bot against the loopback Bot API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser, SentMessage } from '../../tools/fake-bot-api.js';
import { NO_RATE_LIMIT, startHarness, type Harness } from './harness.js';
import { alice, bob, buttonsOf, group, pressButton, privateChat, say, type TextOptions } from './updates.js';

const carol: FakeUser = { id: 1003, is_bot: false, first_name: 'Carol', language_code: 'zh-hant' };
const dave: FakeUser = { id: 1004, is_bot: false, first_name: 'Dave', language_code: 'zh-hans' };

/** The sentence the population answers quote, in the document's own (Simplified) characters. */
const POPULATION_SENTENCE = '浑南区地处辽宁省沈阳市东南部，区域总面积803平方公里，常住人口69万人';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ bot: { rateLimit: NO_RATE_LIMIT } });
});
afterAll(async () => {
  await h?.stop();
});

/** Sends a message and returns what the bot sent in that chat in answer to it. */
async function send(chat: Parameters<typeof say>[1], from: FakeUser, text: string, options: TextOptions = {}): Promise<SentMessage[]> {
  const before = h.api.botMessages(chat.id).length;
  const update = say(h.api, chat, from, text, options);
  await h.api.processed(update.update_id);
  return h.api.botMessages(chat.id).slice(before);
}

async function one(chat: Parameters<typeof say>[1], from: FakeUser, text: string, options: TextOptions = {}): Promise<SentMessage> {
  const replies = await send(chat, from, text, options);
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

/** Presses a button and returns the one message it brought. */
async function press(from: FakeUser, message: SentMessage, data: string): Promise<SentMessage> {
  const before = h.api.botMessages(message.chat.id).length;
  const update = pressButton(h.api, from, message, data);
  await h.api.processed(update.update_id);
  const brought = h.api.botMessages(message.chat.id).slice(before);
  expect(brought).toHaveLength(1);
  return brought[0]!;
}

describe('private chat: Traditional, English, follow-ups, computed', () => {
  const chat = privateChat(alice);

  it("answers a Traditional question: the frame in Traditional characters, the quote in the document's own", async () => {
    const reply = await one(chat, alice, '渾南區常住人口有多少？');
    expect(reply.bold).toContain('69万人');
    expect(reply.plain).toContain(`“${POPULATION_SENTENCE}`);
    expect(reply.plain).toMatch(/^出處：《沈阳市浑南区/m);
    expect(reply.plain).not.toContain('出处');
    // The population sentence has no related fact (nothing else measures people): only 原文, in Traditional.
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['原文']);
    const enterprises = await one(chat, alice, '渾南區有多少家國家高新技術企業？');
    const [more] = buttonsOf(enterprises);
    expect(more!.text).toBe('更多相關數據');
    expect(more!.data).toMatch(/^mt:0:hunnan-2019:/);
    const page = await press(alice, enterprises, more!.data!);
    expect(page.plain).toMatch(/^與“.+”相關的數據/);
  });

  it('answers an English question in English, even for a user whose Telegram is in Chinese', async () => {
    expect(alice.language_code).toBe('zh-hans');
    const reply = await one(chat, alice, 'How many people live in Hunnan?');
    expect(reply.plain.split('\n')[0]).toBe('Answer: 690,000 people — resident population');
    expect(reply.bold).toContain('690,000 people');
    expect(reply.plain).toContain(`“${POPULATION_SENTENCE}`);
    expect(reply.plain).toMatch(/^Source: 《.+》 \(中共浑南区委宣传部\) · paragraph 1, sentence 1$/m);
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['Context']);
    const enterprises = await one(chat, alice, 'How many national high-tech enterprises are there?');
    const [more] = buttonsOf(enterprises);
    expect(more!.text).toBe('More related data');
    expect(more!.data).toMatch(/^me:0:/);
    // The next page is English too: each related figure described, each citation in English.
    const page = await press(alice, enterprises, more!.data!);
    expect(page.plain).toMatch(/^Data related to /);
    expect(page.plain).toMatch(/paragraph \d+, sentence \d+/);
    expect(page.plain).not.toMatch(/第\d+段/);
  });

  it('says "The document does not say." to an English question it cannot answer', async () => {
    const reply = await one(chat, alice, 'What is the GDP of Hunnan?');
    expect(reply.plain.split('\n')[0]).toBe('The document does not say.');
    expect(buttonsOf(reply)).toEqual([]);
  });

  it("reads a follow-up against the same user's previous question, and shows how it read it", async () => {
    const first = await one(chat, alice, '新能源汽车在建项目有多少个？');
    expect(first.bold).toContain('3个');
    const followUp = await one(chat, alice, '那计划投资呢？');
    // Standing alone, 那计划投资呢？ is answered with 智能制造's 414.5亿元: 77.7亿元 needs the context.
    const [understood, answer] = followUp.plain.split('\n');
    expect(understood).toBe('问：新能源汽车计划投资有多少？');
    expect(answer).toBe('答案：77.7亿元');
  });

  it("keeps each private chat's context to itself", async () => {
    const reply = await one(privateChat(bob), bob, '那计划投资呢？');
    expect(reply.plain).not.toMatch(/^Q:/m);
    expect(reply.plain).not.toContain('新能源汽车计划投资');
  });

  it('adds up figures: the result and the arithmetic first, then each operand with its sentence and citation', async () => {
    const reply = await one(chat, alice, '三大主导产业在建项目一共有多少个？');
    const lines = reply.plain.split('\n');
    expect(lines[0]).toBe('▶ 合计：122个');
    expect(lines[1]).toBe('计算: 91 + 3 + 28 = 122');
    for (const [n, label, figure, clause] of [
      [1, '智能制造', '91个', 1],
      [2, '新能源汽车', '3个', 2],
      [3, '生物医药与健康医疗', '28个', 3],
    ] as const) {
      const at = lines.indexOf(`• ${label}：${figure}`);
      expect(at, `operand ${n}`).toBeGreaterThan(1);
      expect(lines[at + 1]).toMatch(new RegExp(`^“.*${figure}.*”$`));
      expect(lines[at + 2]).toMatch(new RegExp(`^出处：《.+》.* · 第5段第2句第${clause}分句$`));
    }
    expect(buttonsOf(reply)).toEqual([]);
  });

  it('adds up in English for an English question', async () => {
    const reply = await one(chat, alice, 'How many projects are under construction in the three leading industries in total?');
    const lines = reply.plain.split('\n');
    expect(lines[0]).toBe('▶ Total: 122 projects');
    expect(lines[1]).toBe('Working: 91 + 3 + 28 = 122');
    expect(lines).toContain('• intelligent manufacturing (智能制造): 91 projects');
    expect(reply.plain).toContain('paragraph 5, sentence 2, clause 3');
  });

  it('compares figures: which of the three industries plans the most investment', async () => {
    const reply = await one(chat, alice, '三大主导产业中哪个计划投资最多？');
    expect(reply.plain.split('\n')[0]).toBe('▶ 最多：智能制造（414.5亿元）');
    expect(reply.plain).toContain('77.7亿元');
    expect(reply.plain).toContain('95.7亿元');
  });
});

describe('group: Traditional, English, follow-ups, computed', () => {
  /** Replies the bot sent to a given message. */
  async function ask(from: FakeUser, text: string, options: TextOptions = {}): Promise<SentMessage> {
    const update = say(h.api, group, from, text, options);
    await h.api.processed(update.update_id);
    const replies = h.api.botMessages(group.id).filter((m) => m.reply_to_message_id === update.message.message_id);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  }

  it('adds up in short form: result, arithmetic, one line per operand with a short citation, no button', async () => {
    const reply = await ask(alice, '/ask 三大主导产业在建项目一共有多少个？');
    expect(reply.plain.split('\n')).toEqual([
      '▶ 合计：122个',
      '计算: 91 + 3 + 28 = 122',
      '• 智能制造：91个 — 投资兴业的热土 · 第5段第2句第1分句',
      '• 新能源汽车：3个 — 投资兴业的热土 · 第5段第2句第2分句',
      '• 生物医药与健康医疗：28个 — 投资兴业的热土 · 第5段第2句第3分句',
    ]);
    expect(buttonsOf(reply)).toEqual([]);
  });

  it('answers an English /ask in English, short', async () => {
    const reply = await ask(alice, '/ask@FactTestBot How many people live in Hunnan?');
    const lines = reply.plain.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('Answer: 690,000 people — resident population');
    expect(lines[1]).toContain(POPULATION_SENTENCE);
    // In a group the short citation; the full one is behind the Context button.
    expect(lines[2]).toMatch(/^Source: 《沈阳市浑南区重塑…》 · para\. 1$/);
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['Context']);
  });

  it("answers a Traditional question with the document's figure and sentence", async () => {
    const reply = await ask(carol, '@FactTestBot 渾南區常住人口有多少？');
    expect(reply.plain).toContain('答案：69万人');
    expect(reply.plain).toContain(POPULATION_SENTENCE);
    expect(reply.plain).toContain('出處：');
  });

  it("reads each user's follow-up (a reply to the bot) against that user's own question", async () => {
    const aliceFirst = await ask(alice, '/ask 智能制造在建项目有多少个？');
    expect(aliceFirst.bold).toContain('91个');
    const bobFirst = await ask(bob, '/ask 新能源汽车在建项目有多少个？');
    expect(bobFirst.bold).toContain('3个');

    // Alice follows up after Bob asked: still about her 智能制造.
    const aliceFollowUp = await ask(alice, '那计划投资呢？', { replyTo: aliceFirst });
    expect(aliceFollowUp.plain.split('\n')[0]).toBe('问：智能制造计划投资有多少？');
    expect(aliceFollowUp.plain).toContain('答案：414.5亿元');

    // Bob follows up after Alice: still about his 新能源汽车 (his Telegram is in English: English frame).
    const bobFollowUp = await ask(bob, '那计划投资呢？', { replyTo: bobFirst });
    expect(bobFollowUp.plain.split('\n')[0]).toBe('Q: 新能源汽车计划投资有多少？');
    expect(bobFollowUp.plain).toContain('Answer: 77.7亿元');

    // Dave, who asked nothing, gets no one else's context, even replying to Alice's answer.
    const daveReply = await ask(dave, '新能源汽车呢？', { replyTo: aliceFirst });
    expect(daveReply.plain).not.toMatch(/^问：/m);
    expect(daveReply.plain).not.toContain('计划投资');
  });
});
