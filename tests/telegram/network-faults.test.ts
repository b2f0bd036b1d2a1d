// A failing network, in polling mode: the fake Bot API answers 429, 500, 502 (a proxy's HTML), resets the
// connection or never answers, for sendMessage and for getUpdates, one call at a time or for a while.
// The bot retries with bounded backoff, never crashes, and once the API is back every question received
// is answered exactly once. What it claims where exactly-once is impossible is tested too.
// Everything runs on a fake clock: timeouts, backoff, outages and long polls take no real time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../tools/fake-bot-api.js';
import { fakeClock } from '../helpers/fake-clock.js';
import { FAST_RETRY, NO_RATE_LIMIT, startHarness, type Harness } from './harness.js';
import { alice, bob, group, privateChat, say, type Chat } from './updates.js';

const carol = { id: 1003, is_bot: false, first_name: 'Carol', language_code: 'zh' };
const otherGroup: Chat = { id: -1005555555555, type: 'supergroup', title: 'Second group' };

/** Questions with a figure each answer must contain. */
const QUESTIONS: Array<[string, string]> = [
  ['浑南区有多少家国家高新技术企业？', '412家'],
  ['浑南区常住人口多少人？', '69万人'],
  ['浑南区区域总面积多大？', '803平方公里'],
];

/** Still running? (done settles only when polling stops; it has had every turn of the event loop to.) */
function pollingWatch(h: Harness): () => Promise<boolean> {
  let settled = false;
  h.running.done.then(
    () => (settled = true),
    () => (settled = true),
  );
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return !settled;
  };
}

/** The bot's successful replies to one group message. */
function repliesTo(h: Harness, chatId: number, messageId: number) {
  return h.api.botMessages(chatId).filter((m) => m.reply_to_message_id === messageId);
}

describe('polling through a failing network', () => {
  let h: Harness;
  let stillPolling: () => Promise<boolean>;
  const clock = fakeClock();
  beforeAll(async () => {
    h = await startHarness({ clock, bot: { retry: FAST_RETRY, rateLimit: NO_RATE_LIMIT } });
    stillPolling = pollingWatch(h);
    await h.api.waitForRequest('getUpdates');
  });
  afterAll(async () => {
    await h?.stop();
  });

  const sendFaults: Array<[string, Fault]> = [
    ['429 with retry_after', { code: 429, retryAfter: 0 }],
    ['500', { code: 500 }],
    ['502 from a proxy (HTML)', { code: 502 }],
    ['a connection reset', { kind: 'reset' }],
    ['no answer at all (timeout)', { kind: 'hang' }],
  ];

  it.each(sendFaults)('retries a sendMessage that met %s, and answers exactly once', async (_name, fault) => {
    h.api.inject('sendMessage', fault, 2);
    const started = clock.now();
    const update = say(h.api, group, alice, `/ask ${QUESTIONS[0]![0]}`);
    await h.drive(h.api.processed(update.update_id));
    const replies = repliesTo(h, group.id, update.message.message_id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.plain).toContain(QUESTIONS[0]![1]);
    if ('kind' in fault && fault.kind === 'hang') expect(clock.now() - started).toBeGreaterThanOrEqual(2 * FAST_RETRY.timeoutMs);
    expect(h.logs.records.filter((r) => r.msg === 'update failed')).toEqual([]);
  });

  it('keeps polling through getUpdates failing for a while (500, 502, reset, timeout, then an outage), losing nothing', async () => {
    for (const fault of [{ code: 500 }, { code: 502 }, { kind: 'reset' }, { kind: 'hang' }] as Fault[]) h.api.inject('getUpdates', fault);
    h.api.outage(['getUpdates'], 2500, { code: 503 }); // outlasts the four faults above
    const asked: Array<{ chat: Chat; messageId: number; figure: string; updateId: number }> = [];
    for (const [i, from] of [alice, bob, carol, alice, bob, carol].entries()) {
      const chat = i % 2 ? group : otherGroup;
      const [question, figure] = QUESTIONS[i % QUESTIONS.length]!;
      const update = say(h.api, chat, from, `/ask ${question}`);
      asked.push({ chat, messageId: update.message.message_id, figure, updateId: update.update_id });
    }
    await h.drive(h.api.processed(asked.at(-1)!.updateId, 10_000));
    for (const q of asked) {
      const replies = repliesTo(h, q.chat.id, q.messageId);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.plain).toContain(q.figure);
    }
    const failedPolls = h.api.calls.filter((c) => c.method === 'getUpdates' && c.status !== 200).map((c) => c.status);
    expect(failedPolls.slice(0, 4)).toEqual([500, 502, 0, 0]); // 500, proxy 502, reset, no answer
    expect(failedPolls.length).toBeGreaterThan(4); // then the outage's 503s
    expect(await stillPolling()).toBe(true);
  });

  it('answers every question exactly once after the whole API was down for a while', async () => {
    const logsBefore = h.logs.lines.length;
    const callsBefore = h.api.calls.length;
    const asked: Array<{ chat: Chat; messageId: number; figure: string; updateId: number }> = [];
    for (const [i, from] of [alice, bob, carol, bob, alice, carol, alice, bob].entries()) {
      const chat = i % 3 ? group : otherGroup;
      const [question, figure] = QUESTIONS[i % QUESTIONS.length]!;
      const update = say(h.api, chat, from, `/ask ${question}`);
      asked.push({ chat, messageId: update.message.message_id, figure, updateId: update.update_id });
      // Whatever the bot is doing at this moment (polling, typing, sending), the API goes down.
      if (i === 2) h.api.outage(null, 1200, { kind: 'reset' });
      if (i === 5) h.api.outage(null, 600, { code: 502 });
    }
    await h.drive(h.api.processed(asked.at(-1)!.updateId, 10_000));
    for (const q of asked) {
      const replies = repliesTo(h, q.chat.id, q.messageId);
      expect(replies, `answers to message ${q.messageId}`).toHaveLength(1);
      expect(replies[0]!.plain).toContain(q.figure);
    }
    expect(h.logs.records.filter((r) => r.msg === 'update failed')).toEqual([]);
    // The outage did hit: calls failed and were retried.
    expect(h.api.calls.slice(callsBefore).filter((c) => c.status !== 200).length).toBeGreaterThan(0);
    expect(h.logs.records.slice(logsBefore).some((r) => r.msg === 'Bot API call failed, retrying')).toBe(true);
    expect(await stillPolling()).toBe(true);
  });

  it('at least once, not exactly once, when a failure hides a delivery: a 500 or a timeout after the message went out means a second copy', async () => {
    for (const fault of [
      { code: 500, deliver: true },
      { kind: 'hang', deliver: true },
    ] as Fault[]) {
      h.api.inject('sendMessage', fault);
      const update = say(h.api, group, bob, `/ask ${QUESTIONS[1]![0]}`);
      await h.drive(h.api.processed(update.update_id));
      const replies = repliesTo(h, group.id, update.message.message_id);
      // The documented trade-off: never lost, possibly duplicated (Telegram offers no idempotency key).
      expect(replies).toHaveLength(2);
      expect(replies[1]!.html).toBe(replies[0]!.html);
    }
  });

  it('never retries a message Telegram rejected (400): logs it with the update id and apologises once', async () => {
    h.api.inject('sendMessage', { code: 400, description: 'Bad Request: chat not found' });
    const update = say(h.api, privateChat(alice), alice, QUESTIONS[2]![0]);
    await h.drive(h.api.processed(update.update_id));
    const sends = h.api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === alice.id).slice(-2);
    expect(sends.map((c) => c.status)).toEqual([400, 200]);
    expect(sends[1]!.response.plain).toContain('抱歉');
    expect(h.logs.records.find((r) => r.msg === 'update failed')!.updateId).toBe(update.update_id);
  });
});

describe('an outage longer than the retry window', () => {
  let h: Harness;
  let stillPolling: () => Promise<boolean>;
  const clock = fakeClock();
  beforeAll(async () => {
    h = await startHarness({ clock, bot: { retry: { ...FAST_RETRY, retryWindowMs: 400 }, rateLimit: NO_RATE_LIMIT } });
    stillPolling = pollingWatch(h);
    await h.api.waitForRequest('getUpdates');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('gives the answer up after the window (logged with the update id), keeps polling, and answers what comes next', async () => {
    h.api.outage(['sendMessage'], 1000, { code: 500 });
    const lost = say(h.api, group, alice, `/ask ${QUESTIONS[0]![0]}`);
    await h.drive(h.api.processed(lost.update_id, 5000));
    const failure = h.logs.records.find((r) => r.msg === 'update failed');
    expect(failure).toMatchObject({ updateId: lost.update_id, err: { code: 500 } });
    // No apology either: it would fail the same way.
    expect(h.api.botMessages(group.id)).toHaveLength(0);

    await h.drive(clock.sleep(700)); // the outage ends
    const next = say(h.api, group, bob, `/ask ${QUESTIONS[1]![0]}`);
    await h.drive(h.api.processed(next.update_id));
    expect(repliesTo(h, group.id, next.message.message_id)).toHaveLength(1);
    // The given-up answer stays given up: the update was acknowledged, it is not answered late.
    expect(repliesTo(h, group.id, lost.message.message_id)).toHaveLength(0);
    expect(await stillPolling()).toBe(true);
  });
});
