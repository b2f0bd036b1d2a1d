// End to end: the real bot over the real engine, polling a fake Bot API on 127.0.0.1, in a private chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponder } from '../../src/app/respond.js';
import { startHarness, type Harness } from './harness.js';
import { alice, bob, buttonsOf, pressButton, privateChat, say } from './updates.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const aliceChat = privateChat(alice);
const bobChat = privateChat(bob);

/** Sends a private message and returns the bot's replies to it. */
async function ask(text: string, chat = aliceChat, from = alice) {
  const before = h.api.botMessages(chat.id).length;
  const update = say(h.api, chat, from, text);
  await h.api.processed(update.update_id);
  return h.api.botMessages(chat.id).slice(before);
}

describe('private chat', () => {
  it('registers the command menu in Chinese and English at start', () => {
    const menus = h.api.sent('setMyCommands');
    expect(menus).toHaveLength(2);
    expect(menus[0]!.payload.language_code).toBeUndefined();
    expect(menus[1]!.payload.language_code).toBe('en');
    const names = menus[0]!.payload.commands.map((c: { command: string }) => c.command);
    expect(names).toEqual(expect.arrayContaining(['ask', 'help', 'topics', 'source', 'start']));
    expect(menus[0]!.payload.commands[0].description).toMatch(/[\u4e00-\u9fff]/);
    expect(menus[1]!.payload.commands[0].description).not.toMatch(/^[\u4e00-\u9fff]/);
  });

  it('answers a question with the cited figure, marked bold', async () => {
    const [reply, ...rest] = await ask('浑南区有多少家国家高新技术企业？');
    expect(rest).toHaveLength(0);
    expect(reply!.plain).toContain('412家');
    expect(reply!.bold).toContain('412家');
    expect(reply!.plain).toMatch(/出处：《沈阳市浑南区/);
    expect(reply!.plain).toMatch(/第\d+段第\d+句/);
    // private answers are not sent as replies
    expect(reply!.reply_to_message_id).toBeUndefined();
    // a "more" button carrying a fact id, not the question
    const [more] = buttonsOf(reply!);
    expect(more!.text).toBe('更多相关数据');
    expect(more!.data).toMatch(/^m:0:hunnan-2019:/);
    expect(more!.data).not.toContain('国家高新技术企业');
    // "typing…" went out before the answer
    const methods = h.api.calls.map((c) => c.method);
    expect(methods.lastIndexOf('sendChatAction')).toBeLessThan(methods.lastIndexOf('sendMessage'));
  });

  it('answers a question holding "<b>", "<5%" and "&" with valid HTML', async () => {
    const replies = await ask('浑南区有多少家国家高新技术企业？<b> <5% &');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.plain).toContain('412家');
    const failed = h.api.calls.filter((c) => c.method === 'sendMessage' && c.status !== 200);
    expect(failed).toEqual([]);
  });

  it('echoes a question it cannot answer escaped, so the text arrives exactly as typed', async () => {
    const question = '<b>什么</b> <5% & 测试';
    expect(h.engine.ask(question).kind).toBe('not-found');
    const [reply] = await ask(question);
    expect(reply!.html).toContain('&lt;b&gt;什么&lt;/b&gt; &lt;5% &amp; 测试');
    expect(reply!.plain).toContain(`“${question}”`);
    expect(reply!.plain).toContain('可以试试这些问题');
  });

  it('/start greets in one paragraph and offers three example questions as buttons that ask them', async () => {
    const [greeting, ...rest] = await ask('/start');
    expect(rest).toHaveLength(0);
    expect(greeting!.plain.split('\n')).toHaveLength(1);
    expect(greeting!.plain).toContain('《沈阳市浑南区重塑“高”“新”发展内核全力打造开放创新主阵地》');
    const buttons = buttonsOf(greeting!);
    expect(buttons).toHaveLength(3);
    // Each example is one the engine answers, with a figure (tried before it is offered).
    for (const b of buttons) {
      const a = h.engine.ask(b.text!, { limit: 1 });
      expect(a.kind === 'found' && a.hits[0]!.keyFigure !== null).toBe(true);
    }
    for (const b of buttons) expect(Buffer.byteLength(b.data!)).toBeLessThanOrEqual(64);

    const press = pressButton(h.api, alice, greeting!, buttons[0]!.data!);
    await h.api.processed(press.update_id);
    const answered = h.api.sent('answerCallbackQuery').filter((c) => c.payload.callback_query_id === press.callback_query.id);
    expect(answered).toHaveLength(1);
    const reply = h.api.botMessages(aliceChat.id).at(-1)!;
    expect(reply.plain.startsWith(`问：${buttons[0]!.text}`)).toBe(true);
    const expected = h.engine.ask(buttons[0]!.text, { limit: 1 });
    expect(expected.kind).toBe('found');
    if (expected.kind === 'found') expect(reply.plain).toContain(expected.hits[0]!.keyFigure!.raw);
  });

  it('"更多相关数据" shows the engine\'s related facts and answers the callback', async () => {
    const [answer] = await ask('浑南区有多少家国家高新技术企业？');
    const [more] = buttonsOf(answer!);
    const press = pressButton(h.api, alice, answer!, more!.data!);
    await h.api.processed(press.update_id);
    expect(h.api.sent('answerCallbackQuery').filter((c) => c.payload.callback_query_id === press.callback_query.id)).toHaveLength(1);
    const page = h.api.botMessages(aliceChat.id).at(-1)!;
    const factId = more!.data!.split(':').slice(2).join(':');
    const related = createResponder(h.engine).related(factId, 3);
    expect(related.length).toBeGreaterThan(0);
    for (const hit of related) expect(page.plain).toContain(hit.fact.text.trim().slice(0, 20));
    // the next page, if any, is another id-only button
    for (const b of buttonsOf(page)) expect(b.data).toMatch(/^m:3:hunnan-2019:/);
  });

  it('answers a callback it does not understand, without sending anything', async () => {
    const [answer] = await ask('浑南区常住人口多少人？');
    const before = h.api.botMessages().length;
    const press = pressButton(h.api, alice, answer!, 'garbage');
    await h.api.processed(press.update_id);
    expect(h.api.sent('answerCallbackQuery').filter((c) => c.payload.callback_query_id === press.callback_query.id)).toHaveLength(1);
    expect(h.api.botMessages()).toHaveLength(before);
  });

  it("/help explains private, group and inline use with the bot's username", async () => {
    const [help] = await ask('/help');
    expect(help!.plain).toContain('私聊');
    expect(help!.plain).toContain('/ask');
    expect(help!.plain).toContain('@FactTestBot');
  });

  it('/ask works in private chats too', async () => {
    const [reply] = await ask('/ask 浑南区常住人口多少人？');
    expect(reply!.plain).toContain('69万人');
    const [usage] = await ask('/ask');
    expect(usage!.plain).toContain('/ask');
  });

  it('/topics lists every section with a sample question', async () => {
    const [topics] = await ask('/topics');
    for (const topic of h.engine.topics()) {
      expect(topics!.plain).toContain(topic.section);
      expect(topics!.plain).toContain(topic.sampleQuestion);
    }
  });

  it('/source names the document, its publisher and period', async () => {
    const [source] = await ask('/source');
    expect(source!.plain).toContain('中共浑南区委宣传部');
    expect(source!.plain).toContain('2018年至2019年7月');
  });

  it('speaks English UI to users whose language is en', async () => {
    const [reply] = await ask('浑南区常住人口多少人？', bobChat, bob);
    expect(reply!.plain).toContain('69万人');
    expect(reply!.plain).toContain('Source:');
    expect(buttonsOf(reply!).map((b) => b.text)).toEqual(['Context']);
    const [help] = await ask('/help', bobChat, bob);
    expect(help!.plain).toContain('How to ask');
  });

  it('answers a sticker with a one-line hint to send text', async () => {
    const update = h.api.pushUpdate({
      message: {
        message_id: h.api.newMessageId(),
        date: 0,
        chat: aliceChat,
        from: alice,
        sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false },
      },
    });
    const before = h.api.botMessages(aliceChat.id).length;
    await h.api.processed(update.update_id);
    const [hint] = h.api.botMessages(aliceChat.id).slice(before);
    expect(hint!.plain.split('\n')).toHaveLength(1);
    expect(hint!.plain).toContain('请用文字发送问题');
  });

  it('hints at /help for an unknown command', async () => {
    const [reply] = await ask('/frobnicate');
    expect(reply!.plain).toContain('/help');
  });

  it('logged no failures along the way', () => {
    expect(h.logs.records.filter((r) => r.level >= 50)).toEqual([]);
    expect(h.logs.lines.join('\n')).not.toContain(h.api.token);
  });
});
