// End to end: Telegram saying 429 / 500 / 400, and the bot carrying on. On a fake clock: a retry_after of
// a second passes without waiting for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';
import { fakeClock } from '../helpers/fake-clock.js';
import { startHarness, type Harness } from './harness.js';
import { alice, buttonsOf, pressButton, privateChat, say } from './updates.js';

const chat = privateChat(alice);

describe('flood control and failures', () => {
  let h: Harness;
  const clock = fakeClock();
  beforeAll(async () => {
    // Start with setMyCommands failing: not essential, so the bot must start anyway.
    const api = await new FakeBotApi(TEST_TOKEN, {}, { clock }).start();
    api.inject('setMyCommands', { code: 500 }, 2);
    h = await startHarness({ api, clock, bot: { maxRetries: 2 } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('starts although setMyCommands failed, and logs it', () => {
    expect(h.api.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.status)).toEqual([500, 500]);
    expect(h.logs.records.some((r) => r.level === 40 && r.method === 'setMyCommands')).toBe(true);
  });

  it('retries a sendMessage answered 429 after retry_after and delivers the answer', async () => {
    h.api.inject('sendMessage', { code: 429, retryAfter: 1 });
    const started = clock.now();
    const update = say(h.api, chat, alice, '浑南区有多少家国家高新技术企业？');
    await h.drive(h.api.processed(update.update_id));
    const attempts = h.api.calls.filter((c) => c.method === 'sendMessage').slice(-2);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[1]!.payload.text).toBe(attempts[0]!.payload.text);
    expect(h.logs.records.filter((r) => r.msg === 'Telegram answered 429, retrying').at(-1)).toMatchObject({
      method: 'sendMessage',
      waitMs: 1000,
    });
    expect(clock.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.api.botMessages(chat.id).at(-1)!.plain).toContain('412家');
  });

  it('gives up after the bounded number of retries, logs with the update id and keeps running', async () => {
    h.api.inject('sendMessage', { code: 429, retryAfter: 0 }, 3);
    const update = say(h.api, chat, alice, '浑南区常住人口多少人？');
    await h.drive(h.api.processed(update.update_id));
    const failed = h.logs.records.find((r) => r.msg === 'update failed' && r.updateId === update.update_id);
    expect(failed).toBeDefined();
    expect(failed!.err.code).toBe(429);
    // 1 try + 2 retries, then the boundary's short apology goes out
    const last = h.api.calls.filter((c) => c.method === 'sendMessage').slice(-4);
    expect(last.map((c) => c.status)).toEqual([429, 429, 429, 200]);
    expect(h.api.botMessages(chat.id).at(-1)!.plain).toBe('抱歉，这次回答失败了，请稍后再试。');

    const next = say(h.api, chat, alice, '浑南区常住人口多少人？');
    await h.drive(h.api.processed(next.update_id));
    expect(h.api.botMessages(chat.id).at(-1)!.plain).toContain('69万人');
  });

  it('answers although sendChatAction failed', async () => {
    h.api.inject('sendChatAction', { code: 500 });
    const update = say(h.api, chat, alice, '浑南区常住人口多少人？');
    await h.drive(h.api.processed(update.update_id));
    expect(h.api.calls.filter((c) => c.method === 'sendChatAction').at(-1)!.status).toBe(500);
    expect(h.api.botMessages(chat.id).at(-1)!.plain).toContain('69万人');
  });

  it('answers the callback query even when sending the related facts fails', async () => {
    const answer = h.api.botMessages(chat.id).at(-1)!;
    const [more] = buttonsOf(answer);
    h.api.inject('sendMessage', { code: 400, description: 'Bad Request: chat not found' });
    const press = pressButton(h.api, alice, answer, more!.data!);
    await h.drive(h.api.processed(press.update_id));
    const answers = h.api.calls.filter(
      (c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === press.callback_query.id,
    );
    expect(answers.filter((c) => c.status === 200)).toHaveLength(1);
    expect(h.logs.records.some((r) => r.msg === 'update failed' && r.updateId === press.update_id)).toBe(true);
  });

  it('never writes the token to the log', () => {
    expect(h.logs.lines.length).toBeGreaterThan(0);
    expect(h.logs.lines.join('\n')).not.toContain(h.api.token);
    expect(h.logs.lines.join('\n')).not.toContain(h.api.token.split(':')[1]);
  });
});
