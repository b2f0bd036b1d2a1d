// Webhook mode on a failing network. The choice (docs/BOT.md, "Reliability and security"): the bot
// delivers its answers itself — a failed send is retried inside the handler — and answers Telegram 200
// once the update is handled, even when the handler failed, so Telegram never redelivers an update the bot
// has taken; a second delivery of the same update is answered 200 without being handled again. Only an
// update the bot did not take (saturated, or stopping) gets 503, which makes Telegram deliver it again.
// On a fake clock: outages, slow answers and the early 200 take no real time.
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookTuning } from '../../src/telegram/run-bot.js';
import { SECRET_HEADER } from '../../src/telegram/transport/webhook-server.js';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { FAST_RETRY, NO_RATE_LIMIT, startHarness, type Harness } from './harness.js';
import { alice, bob, group, privateChat, textMessage } from './updates.js';

const SECRET = 'webhook-faults-secret_42';
const PATH = '/telegram/webhook';
let h: Harness | null = null;
let clock: FakeClock;

async function start(webhook: WebhookTuning = {}, retry: Partial<Record<keyof typeof FAST_RETRY, number>> = {}) {
  clock = fakeClock();
  h = await startHarness({
    transport: { mode: 'webhook', domain: 'bot.example.com', path: PATH, secret: SECRET, host: '127.0.0.1', port: 0 },
    bot: { retry: { ...FAST_RETRY, ...retry }, rateLimit: NO_RATE_LIMIT },
    webhook,
    clock,
  });
  return h;
}
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** POSTs an update as Telegram does; await it through h.drive() so time moves while the bot handles it. */
function post(update: unknown) {
  return h!.track(
    fetch(`http://127.0.0.1:${h!.running.port}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
      body: JSON.stringify(update),
    }),
  );
}

function question(text = '/ask 浑南区常住人口多少人？', from = alice) {
  return h!.api.makeUpdate({ message: textMessage(h!.api, group, from, text) });
}

function repliesTo(messageId: number) {
  return h!.api.botMessages(group.id).filter((m) => m.reply_to_message_id === messageId);
}

describe('webhook mode on a failing network', () => {
  it('retries the answer through an outage and answers Telegram 200 once it went out, exactly once', async () => {
    await start();
    h!.api.outage(['sendMessage', 'sendChatAction'], 600, { code: 502 });
    const update = question();
    const started = clock.now();
    const res = await h!.drive(post(update));
    expect(res.status).toBe(200);
    expect(clock.now() - started).toBeGreaterThanOrEqual(600); // the outage's end
    const replies = repliesTo(update.message.message_id);
    expect(replies).toHaveLength(1); // already out when Telegram got its 200
    expect(replies[0]!.plain).toContain('69万人');
    expect(h!.api.calls.filter((c) => c.method === 'sendMessage' && c.status === 502).length).toBeGreaterThan(0);
  });

  it('answers 200 when the handler failed for good (not redelivered: the bot already retried), and logs the update id', async () => {
    await start({}, { retryWindowMs: 300 });
    h!.api.outage(['sendMessage'], 2000, { kind: 'reset' });
    const update = question();
    const res = await h!.drive(post(update));
    expect(res.status).toBe(200);
    expect(h!.logs.records.find((r) => r.msg === 'update failed')).toMatchObject({ updateId: update.update_id });
    h!.api.endOutages();
    expect(repliesTo(update.message.message_id)).toHaveLength(0);
  });

  it('handles an update delivered twice (Telegram retrying after a lost 200) once, even while the first is in flight', async () => {
    await start({}, { timeoutMs: 3000 });
    const update = question('/ask 浑南区有多少家国家高新技术企业？', bob);
    h!.api.delay('sendMessage', 300);
    const [first, second] = await h!.drive(Promise.all([post(update), clock.sleep(50).then(() => post(update))]));
    const third = await h!.drive(post(update));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(repliesTo(update.message.message_id)).toHaveLength(1);
    expect(h!.logs.records.filter((r) => r.msg === 'update delivered again, already taken')).toHaveLength(2);
  });

  it('answers 200 after ackAfterMs when sending takes long, and still delivers the answer (stop waits for it)', async () => {
    await start({ ackAfterMs: 150 }, { timeoutMs: 3000 });
    h!.api.delay('sendMessage', 600);
    const update = question();
    const started = clock.now();
    const res = await h!.drive(post(update));
    const acked = clock.now() - started;
    expect(res.status).toBe(200);
    expect(acked).toBeGreaterThanOrEqual(150);
    expect(acked).toBeLessThan(600);
    expect(repliesTo(update.message.message_id)).toHaveLength(0); // not yet
    await h!.drive(h!.running.stop());
    expect(clock.now() - started).toBeGreaterThanOrEqual(600);
    expect(repliesTo(update.message.message_id)).toHaveLength(1);
  });

  it('answers 503 (so Telegram redelivers) to an update it cannot take now, then takes it when redelivered', async () => {
    await start({ maxInFlight: 1 }, { timeoutMs: 3000 });
    h!.api.delay('sendMessage', 400);
    const slow = question();
    const busy = question('/ask 浑南区有多少家国家高新技术企业？', bob);
    const slowRes = post(slow);
    await h!.api.waitForRequest('sendMessage');
    const refused = await h!.drive(post(busy));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await h!.drive(slowRes)).status).toBe(200);
    const again = await h!.drive(post(busy));
    expect(again.status).toBe(200);
    expect(repliesTo(busy.message.message_id)).toHaveLength(1);
    expect(repliesTo(slow.message.message_id)).toHaveLength(1);
  });

  it('remembers only a bounded number of update ids', async () => {
    await start({ rememberedUpdates: 3 });
    const chat = privateChat(alice);
    const updates = Array.from({ length: 5 }, () =>
      h!.api.makeUpdate({ message: textMessage(h!.api, chat, alice, '浑南区常住人口多少人？') }),
    );
    for (const u of updates) expect((await h!.drive(post(u))).status).toBe(200);
    expect(h!.api.botMessages(alice.id)).toHaveLength(5);
    // The newest three are remembered; the oldest was forgotten, so a (very late) redelivery is handled again.
    await h!.drive(post(updates[4]));
    expect(h!.api.botMessages(alice.id)).toHaveLength(5);
    await h!.drive(post(updates[0]));
    expect(h!.api.botMessages(alice.id)).toHaveLength(6);
  });

  it('refuses an oversized body with 413 and carries on', async () => {
    await start({ maxBodyBytes: 2048 });
    const big = question(`/ask ${'浑'.repeat(2000)}`);
    expect((await h!.drive(post(big))).status).toBe(413);
    const small = question();
    expect((await h!.drive(post(small))).status).toBe(200);
    expect(repliesTo(big.message.message_id)).toHaveLength(0);
    expect(repliesTo(small.message.message_id)).toHaveLength(1);
  });
});
