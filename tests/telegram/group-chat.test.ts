// End to end in a supergroup with two users: only what is addressed to the bot gets an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../tools/fake-bot-api.js';
import { startHarness, type Harness } from './harness.js';
import { alice, bob, buttonsOf, group, pressButton, say } from './updates.js';

let h: Harness;
beforeAll(async () => {
  // A limit high enough not to interfere here; flood control has its own describe below.
  h = await startHarness({ bot: { rateLimit: { max: 100, windowMs: 60_000 } } });
});
afterAll(async () => {
  await h?.stop();
});

/** Replies the bot sent to a given message. */
function repliesTo(messageId: number): SentMessage[] {
  return h.api.botMessages(group.id).filter((m) => m.reply_to_message_id === messageId);
}

async function sayInGroup(from: typeof alice, text: string, options: Parameters<typeof say>[4] = {}) {
  const update = say(h.api, group, from, text, options);
  await h.api.processed(update.update_id);
  return { messageId: update.message.message_id as number, replies: repliesTo(update.message.message_id) };
}

describe('group chat', () => {
  let firstAnswer: SentMessage;

  it('answers /ask@BotName as a short reply to the question, with a "more" button', async () => {
    const { replies } = await sayInGroup(alice, '/ask@FactTestBot 浑南区有多少家国家高新技术企业？');
    expect(replies).toHaveLength(1);
    firstAnswer = replies[0]!;
    expect(firstAnswer.plain).toContain('412家');
    expect(firstAnswer.plain).toContain('出处：');
    // short: no related facts in groups
    expect(firstAnswer.plain).not.toContain('相关数据');
    expect(firstAnswer.plain.split('\n').length).toBeLessThanOrEqual(3);
    expect(buttonsOf(firstAnswer).map((b) => b.text)).toEqual(['更多相关数据', '原文']);
  });

  it('answers plain /ask too, and ignores /ask meant for another bot', async () => {
    const mine = await sayInGroup(bob, '/ask 浑南区常住人口多少人？');
    expect(mine.replies).toHaveLength(1);
    expect(mine.replies[0]!.plain).toContain('69万人');
    const other = await sayInGroup(bob, '/ask@OtherHelperBot 浑南区常住人口多少人？');
    expect(other.replies).toHaveLength(0);
  });

  it('answers a message that @mentions it', async () => {
    const { replies } = await sayInGroup(bob, '@FactTestBot 浑南区常住人口多少人？');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.plain).toContain('69万人');
    // Bob's Telegram is in English
    expect(replies[0]!.plain).toContain('Source:');
  });

  it('answers a reply to one of its own messages', async () => {
    const { replies } = await sayInGroup(alice, '浑南区常住人口多少人？', { replyTo: firstAnswer });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.plain).toContain('69万人');
  });

  it('ignores other chatter, replies to other users and mentions of other users', async () => {
    const before = h.api.botMessages(group.id).length;
    const chatter = say(h.api, group, bob, '大家好，浑南区常住人口多少人？');
    const toAlice = say(h.api, group, bob, '我也想知道', { replyTo: chatter.message });
    const mention = say(h.api, group, alice, '@bob 浑南区常住人口多少人？');
    const sticker = h.api.pushUpdate({
      message: {
        message_id: h.api.newMessageId(),
        date: 0,
        chat: group,
        from: bob,
        sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false },
      },
    });
    for (const u of [chatter, toAlice, mention, sticker]) await h.api.processed(u.update_id);
    expect(h.api.botMessages(group.id)).toHaveLength(before);
  });

  it('stays in the forum topic of the question', async () => {
    const { replies } = await sayInGroup(alice, '/ask 浑南区常住人口多少人？', { threadId: 77 });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.message_thread_id).toBe(77);
    const call = h.api.sent('sendMessage').find((c) => c.response.message_id === replies[0]!.message_id)!;
    expect(call.payload.reply_parameters.message_id).toBeTypeOf('number');
    expect(call.payload.message_thread_id).toBe(77);
  });

  it('"更多相关数据" in a group replies under the answer with related facts', async () => {
    const [more] = buttonsOf(firstAnswer);
    const press = pressButton(h.api, bob, firstAnswer, more!.data!);
    await h.api.processed(press.update_id);
    expect(h.api.sent('answerCallbackQuery').filter((c) => c.payload.callback_query_id === press.callback_query.id)).toHaveLength(1);
    const page = repliesTo(firstAnswer.message_id);
    expect(page).toHaveLength(1);
    expect(page[0]!.plain).toMatch(/Data related to|相关的数据/);
  });

  it('answers /ask with nothing to ask with a usage line', async () => {
    const { replies } = await sayInGroup(alice, '/ask@FactTestBot');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.plain).toContain('/ask');
  });
});

describe('group flood control', () => {
  let f: Harness;
  beforeAll(async () => {
    f = await startHarness({ bot: { rateLimit: { max: 2, windowMs: 60_000, trackedUsers: 10 } } });
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('answers a flooder up to the limit, then once with a notice, then stays quiet; others are unaffected', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const u = say(f.api, group, alice, `/ask 浑南区常住人口多少人？`);
      ids.push(u.message.message_id);
      await f.api.processed(u.update_id);
    }
    const sent = f.api.botMessages(group.id);
    const answers = sent.filter((m) => m.plain.includes('69万人'));
    const notices = sent.filter((m) => m.plain.includes('提问太频繁'));
    expect(answers).toHaveLength(2);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.reply_to_message_id).toBe(ids[2]);
    expect(sent).toHaveLength(3);

    const u = say(f.api, group, bob, '/ask 浑南区常住人口多少人？');
    await f.api.processed(u.update_id);
    expect(f.api.botMessages(group.id).filter((m) => m.reply_to_message_id === u.message.message_id)).toHaveLength(1);
  });
});
