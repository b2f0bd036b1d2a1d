// Updates the bot does not expect: each is handled or ignored without an error, and the bot carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { alice, bob, group, inlineQuery, privateChat, say, textMessage } from './updates.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.api.waitForRequest('getUpdates'); // past deleteWebhook: every later call answers an update
});
afterAll(async () => {
  await h?.stop();
});

const otherBot = { id: 5550001, is_bot: true, first_name: 'Other', username: 'OtherHelperBot' };
const channel = { id: -1009876543210, type: 'channel', title: 'News' };

/** Pushes an update, waits until the bot has handled it, and returns what the bot called for it. */
async function deliver(update: Record<string, unknown>) {
  const before = h.api.calls.length;
  const logsBefore = h.logs.lines.length;
  const pushed = h.api.pushUpdate(update);
  await h.api.processed(pushed.update_id);
  const calls = h.api.calls.slice(before).filter((c) => c.method !== 'getUpdates');
  const problems = h.logs.records.slice(logsBefore).filter((r) => r.level >= 50);
  return { pushed, calls, problems };
}

describe('updates the bot does not expect', () => {
  it('ignores an edited message (no second answer, no error)', async () => {
    const original = textMessage(h.api, privateChat(alice), alice, '浑南区常住人口多少人？');
    const { calls, problems } = await deliver({ edited_message: { ...original, edit_date: Math.floor(Date.now() / 1000) } });
    expect(calls).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('ignores channel posts and edited channel posts', async () => {
    const post = {
      message_id: h.api.newMessageId(),
      date: 0,
      chat: channel,
      sender_chat: channel,
      text: '/ask 浑南区常住人口多少人？',
      entities: [{ type: 'bot_command', offset: 0, length: 4 }],
    };
    for (const update of [{ channel_post: post }, { edited_channel_post: { ...post, edit_date: 1 } }]) {
      const { calls, problems } = await deliver(update);
      expect(calls).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  it('ignores messages from other bots, in private and in groups', async () => {
    for (const chat of [privateChat(otherBot as never), group]) {
      const { calls, problems } = await deliver({
        message: textMessage(h.api, chat as never, otherBot, '/ask@FactTestBot 浑南区常住人口多少人？'),
      });
      expect(calls).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  it('answers an anonymous group admin (a bot sender with sender_chat) like a user', async () => {
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    const message = { ...textMessage(h.api, group, anonymous, '/ask 浑南区常住人口多少人？'), sender_chat: group };
    const { calls, problems } = await deliver({ message });
    expect(problems).toEqual([]);
    expect(calls.filter((c) => c.method === 'sendMessage' && c.status === 200).map((c) => c.response.plain)).toEqual([
      expect.stringContaining('69万人'),
    ]);
  });

  it('ignores service messages: members joining and leaving, a pinned message, a new title, a migration', async () => {
    const service = (fields: Record<string, unknown>) => ({ message_id: h.api.newMessageId(), date: 0, chat: group, from: bob, ...fields });
    const updates = [
      { message: service({ new_chat_members: [alice, { ...h.api.bot }] }) },
      { message: service({ left_chat_member: alice }) },
      { message: service({ pinned_message: { message_id: 1, date: 0, chat: group, text: 'x' } }) },
      { message: service({ new_chat_title: '新群名' }) },
      { message: service({ group_chat_created: true }) },
      { message: { ...service({ migrate_to_chat_id: -1001111 }), chat: { id: -4242, type: 'group', title: 'Old' } } },
      { message: { ...service({ new_chat_members: [bob] }), chat: privateChat(alice), from: alice } },
    ];
    for (const update of updates) {
      const { calls, problems } = await deliver(update);
      expect(calls).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  it('ignores other update kinds (my_chat_member without ALLOWED_CHAT_IDS, chosen inline results, polls, reactions)', async () => {
    const updates = [
      {
        my_chat_member: {
          chat: group,
          from: bob,
          date: 0,
          old_chat_member: { status: 'left', user: h.api.bot },
          new_chat_member: { status: 'member', user: h.api.bot },
        },
      },
      { chosen_inline_result: { result_id: '0', from: alice, query: '浑南区' } },
      {
        poll: {
          id: 'p1',
          question: 'q',
          options: [],
          total_voter_count: 0,
          is_closed: false,
          is_anonymous: true,
          type: 'regular',
          allows_multiple_answers: false,
        },
      },
      { message_reaction: { chat: group, message_id: 1, date: 0, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] } },
      { chat_join_request: { chat: group, from: alice, user_chat_id: alice.id, date: 0 } },
    ];
    for (const update of updates) {
      const { calls, problems } = await deliver(update);
      expect(calls).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  it('answers a callback with unknown data, or none, once and with nothing else', async () => {
    const message = { message_id: h.api.newMessageId(), date: 0, chat: privateChat(alice), from: h.api.bot, text: 'x' };
    const queries = [
      { id: 'cb-unknown', from: alice, chat_instance: '1', message, data: 'no-such-action' },
      { id: 'cb-garbage', from: alice, chat_instance: '1', message, data: 'm:999999999:' },
      { id: 'cb-game', from: alice, chat_instance: '1', message, game_short_name: 'game' },
      { id: 'cb-inline', from: alice, chat_instance: '1', inline_message_id: 'AAA', data: 'ex:0' },
    ];
    for (const callback_query of queries) {
      const { calls, problems } = await deliver({ callback_query });
      expect(problems).toEqual([]);
      expect(calls.map((c) => [c.method, c.status])).toEqual([['answerCallbackQuery', 200]]);
    }
  });

  it('answers a stale "more" button (a fact that no longer exists, an index out of range) with a short notice', async () => {
    const message = { message_id: h.api.newMessageId(), date: 0, chat: privateChat(alice), from: h.api.bot, text: 'x' };
    for (const data of ['m:0:old-document:9.9.9', 'n:3:99999', 'ex:42']) {
      const { calls, problems } = await deliver({ callback_query: { id: `cb-${data}`, from: alice, chat_instance: '1', message, data } });
      expect(problems).toEqual([]);
      const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
      expect(answers).toHaveLength(1);
      expect(answers[0]!.status).toBe(200);
      expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
    }
  });

  it('answers an inline query of 300 characters with valid results', async () => {
    const query = '浑南区常住人口多少人？'.repeat(30);
    expect(query.length).toBe(330);
    const pushed = inlineQuery(h.api, alice, query.slice(0, 300));
    await h.api.processed(pushed.update_id);
    const answers = h.api.calls.filter((c) => c.method === 'answerInlineQuery' && c.payload.inline_query_id === pushed.inline_query.id);
    expect(answers.map((c) => c.status)).toEqual([200]);
    for (const result of answers[0]!.payload.results) expect(result.title.length).toBeLessThanOrEqual(100);
  });

  it('logged no error for any of these, and still answers a normal question', async () => {
    expect(h.logs.records.filter((r) => r.level >= 50)).toEqual([]);
    const update = say(h.api, privateChat(bob), bob, '浑南区有多少家国家高新技术企业？');
    await h.api.processed(update.update_id);
    expect(h.api.botMessages(bob.id).at(-1)!.plain).toContain('412家');
  });
});
