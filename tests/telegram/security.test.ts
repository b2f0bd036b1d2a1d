// Security: the webhook secret (required, constant-time), a webhook path that owes nothing to the token,
// ALLOWED_CHAT_IDS, and rate limits whose memory stays bounded.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/host/config.js';
import { createLogger } from '../../src/host/log.js';
import { BoundedSet } from '../../src/telegram/transport/bounded-set.js';
import { RateLimits } from '../../src/telegram/features/rate-limit.js';
import { secretMatches, startWebhookServer } from '../../src/telegram/transport/webhook-server.js';
import { TEST_TOKEN } from '../../tools/fake-bot-api.js';
import { NO_RATE_LIMIT, startHarness, type Harness } from './harness.js';
import { alice, bob, group, inlineQuery, pressButton, privateChat, say, type Chat } from './updates.js';

const silent = createLogger({ level: 'silent' });

describe('webhook secret', () => {
  it('is required by the configuration in webhook mode', () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com' })).toThrow(
      /WEBHOOK_SECRET is required when BOT_MODE=webhook/,
    );
  });

  it('is required by the webhook server itself, whoever calls it', async () => {
    for (const secret of ['', ' ', 'has space', 'x'.repeat(257)]) {
      await expect(
        startWebhookServer({ path: '/hook', secret, host: '127.0.0.1', port: 0, logger: silent, handleUpdate: async () => undefined }),
      ).rejects.toThrow(/webhook server needs a secret/);
    }
  });

  it('is compared as a whole (hashing first: equal lengths, timingSafeEqual), and only a single header counts', () => {
    const secret = 'Abc_123-xyz';
    expect(secretMatches(secret, secret)).toBe(true);
    for (const wrong of ['', 'abc_123-xyz', `${secret} `, secret.slice(0, -1), `${secret}x`, 'x'.repeat(1000)]) {
      expect(secretMatches(secret, wrong)).toBe(false);
    }
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches(secret, [secret, secret])).toBe(false);
  });
});

describe('webhook path', () => {
  const webhookEnv = { BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com', WEBHOOK_SECRET: 'secret_1' };

  it("defaults to a fixed path that owes nothing to the token (unlike telegraf's default, a hash of it)", () => {
    const other = '987654321:BBOtherTokenForTests-abcdefghijklmn';
    const paths = [TEST_TOKEN, other].map((token) => {
      const config = parseConfig({ ...webhookEnv, TELEGRAM_BOT_TOKEN: token });
      return config.telegram?.transport.mode === 'webhook' ? config.telegram.transport.path : null;
    });
    expect(paths).toEqual(['/telegram/webhook', '/telegram/webhook']);
    for (const token of [TEST_TOKEN, other]) {
      const derived = [
        token,
        token.split(':')[1]!,
        createHash('sha256').update(token).digest('hex'),
        createHash('sha3-256').update(token).digest('hex'),
      ];
      for (const piece of derived) expect(paths[0]).not.toContain(piece.slice(0, 12));
    }
  });
});

describe('ALLOWED_CHAT_IDS in the configuration', () => {
  it('reads comma-separated ids, negative ones included, and treats empty as every chat', () => {
    const read = (value: string) => parseConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, ALLOWED_CHAT_IDS: value }).telegram!.allowedChatIds;
    expect(read('-1001234567890, 42 ,7')).toEqual([-1001234567890, 42, 7]);
    expect(read('')).toBeNull();
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN }).telegram!.allowedChatIds).toBeNull();
  });

  it('names the variable on a bad value', () => {
    for (const bad of ['abc', '1;2', '12,,3', '-', '1.5']) {
      try {
        parseConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, ALLOWED_CHAT_IDS: bad });
        throw new Error(`accepted ${bad}`);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as Error).message).toContain('ALLOWED_CHAT_IDS must be chat ids separated by commas');
      }
    }
  });
});

describe('ALLOWED_CHAT_IDS in the bot', () => {
  let h: Harness;
  const stranger: Chat = { id: -1009999999999, type: 'supergroup', title: 'Strangers' };
  beforeAll(async () => {
    h = await startHarness({ bot: { allowedChatIds: [group.id, alice.id], rateLimit: { ...NO_RATE_LIMIT, privateMax: 2 } } });
    await h.api.waitForRequest('getUpdates');
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function deliver(update: { update_id: number }) {
    await h.api.processed(update.update_id);
  }

  it('answers in the listed group and the listed private chat', async () => {
    const inGroup = say(h.api, group, bob, '/ask 浑南区常住人口多少人？');
    const inPrivate = say(h.api, privateChat(alice), alice, '浑南区常住人口多少人？');
    await deliver(inPrivate);
    expect(h.api.botMessages(group.id).filter((m) => m.reply_to_message_id === inGroup.message.message_id)).toHaveLength(1);
    expect(h.api.botMessages(alice.id).at(-1)!.plain).toContain('69万人');
  });

  it('in a group that is not listed, says one polite line, leaves, and answers nothing', async () => {
    const first = say(h.api, stranger, alice, '/ask 浑南区常住人口多少人？');
    await deliver(first);
    const second = say(h.api, stranger, bob, '@FactTestBot 浑南区常住人口多少人？'); // before the leave took effect
    await deliver(second);
    const said = h.api.botMessages(stranger.id);
    expect(said.map((m) => m.plain)).toEqual(['抱歉，我只在指定的聊天中回答问题，现在退出本群。再见！']);
    expect(h.api.sent('leaveChat').map((c) => c.payload.chat_id)).toEqual([stranger.id, stranger.id]);
  });

  it('leaves a group it is added to at once, and ignores the notice that it has left', async () => {
    const other: Chat = { id: -1008888888888, type: 'group', title: 'Added' };
    const member = (status: string) => ({ status, user: h.api.bot });
    const added = h.api.pushUpdate({
      my_chat_member: { chat: other, from: bob, date: 0, old_chat_member: member('left'), new_chat_member: member('member') },
    });
    await deliver(added);
    const left = h.api.pushUpdate({
      my_chat_member: { chat: other, from: h.api.bot, date: 0, old_chat_member: member('member'), new_chat_member: member('left') },
    });
    await deliver(left);
    expect(h.api.botMessages(other.id)).toHaveLength(1);
    expect(h.api.sent('leaveChat').filter((c) => c.payload.chat_id === other.id)).toHaveLength(1);
  });

  it('in a private chat that is not listed, says it once per message up to the rate limit, then nothing', async () => {
    for (let i = 0; i < 5; i++) await deliver(say(h.api, privateChat(bob), bob, '浑南区常住人口多少人？'));
    const said = h.api.botMessages(bob.id).map((m) => m.plain);
    expect(said).toEqual([
      'Sorry, I only answer in the chats I was set up for.',
      'Sorry, I only answer in the chats I was set up for.',
      'Too many questions: at most 2 per 60 seconds per person. Please wait a little.',
    ]);
    expect(h.api.sent('leaveChat').filter((c) => c.payload.chat_id === bob.id)).toHaveLength(0);
  });

  it('answers inline queries only for listed users, and a button in an unlisted chat with the notice', async () => {
    const mine = inlineQuery(h.api, alice, '浑南区常住人口多少人？');
    const theirs = inlineQuery(h.api, bob, '浑南区常住人口多少人？');
    await deliver(theirs);
    const answered = h.api.sent('answerInlineQuery').map((c) => c.payload.inline_query_id);
    expect(answered).toContain(mine.inline_query.id);
    expect(answered).not.toContain(theirs.inline_query.id);

    const fake = { message_id: 1, date: 0, chat: { id: bob.id, type: 'private' }, text: 'x', plain: 'x', bold: [], html: 'x' };
    const press = pressButton(h.api, bob, fake, 'ex:0');
    await deliver(press);
    const answer = h.api.sent('answerCallbackQuery').find((c) => c.payload.callback_query_id === press.callback_query.id);
    expect(answer!.payload.text).toBe('Sorry, I only answer in the chats I was set up for.');
  });
});

describe('rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: { rateLimit: { max: 3, chatMax: 4, privateMax: 3, windowMs: 60_000, trackedUsers: 100 } } });
    await h.api.waitForRequest('getUpdates');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('bound a whole group: past chatMax questions (by anyone) one notice, then silence', async () => {
    const users = [alice, bob, { ...alice, id: 2001 }, { ...bob, id: 2002 }, { ...alice, id: 2003 }, { ...bob, id: 2004 }];
    let last = 0;
    for (const user of users) last = say(h.api, group, user, '/ask 浑南区常住人口多少人？').update_id;
    await h.api.processed(last);
    const said = h.api.botMessages(group.id).map((m) => m.plain);
    expect(said.filter((t) => t.includes('69万人'))).toHaveLength(4);
    expect(said.filter((t) => t.includes('本群提问太频繁了') || t.includes('Too many questions in this group'))).toHaveLength(1);
    expect(said).toHaveLength(5);
  });

  it('bound one user in private chats too (questions and buttons alike)', async () => {
    const chat = privateChat({ ...alice, id: 3001 });
    const user = { ...alice, id: 3001 };
    let last = 0;
    for (let i = 0; i < 6; i++) last = say(h.api, chat, user, '浑南区常住人口多少人？').update_id;
    await h.api.processed(last);
    const said = h.api.botMessages(chat.id).map((m) => m.plain);
    expect(said.filter((t) => t.includes('69万人'))).toHaveLength(3);
    expect(said.filter((t) => t.includes('提问太频繁了'))).toHaveLength(1);
  });

  it('bound inline queries per user (no engine work, no answer past the limit)', async () => {
    const user = { ...bob, id: 4001 };
    const queries = Array.from({ length: 5 }, () => inlineQuery(h.api, user, '浑南区常住人口多少人？'));
    await h.api.processed(queries.at(-1)!.update_id);
    const ids = new Set(queries.map((q) => q.inline_query.id));
    expect(h.api.sent('answerInlineQuery').filter((c) => ids.has(c.payload.inline_query_id))).toHaveLength(3);
  });

  it('keep bounded state however many users and chats write', () => {
    let now = 0;
    const limits = new RateLimits({ max: 2, privateMax: 2, chatMax: 2, windowMs: 1000, trackedUsers: 500 }, () => now);
    for (let i = 0; i < 100_000; i++) {
      limits.checkGroup(i, -i);
      limits.checkPrivate(i + 1_000_000);
      now += 1;
    }
    expect(limits.groupUsers.size).toBe(500);
    expect(limits.privateUsers.size).toBe(500);
    expect(limits.chats.size).toBe(500);
    expect(limits.size).toBeLessThanOrEqual(1500);
    const set = new BoundedSet<number>(50);
    for (let i = 0; i < 10_000; i++) set.add(i);
    expect(set.size).toBe(50);
    expect(set.has(9_999) && !set.has(0)).toBe(true);
  });
});
