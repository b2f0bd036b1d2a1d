// End to end: webhook mode on 127.0.0.1 — the secret header decides, and answers still go out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../src/telegram/transport/webhook-server.js';
import { startHarness, type Harness } from './harness.js';
import { alice, privateChat, textMessage } from './updates.js';

const SECRET = 'test-secret_0123456789';
const PATH = '/telegram/webhook';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    transport: { mode: 'webhook', domain: 'bot.example.com', path: PATH, secret: SECRET, host: '127.0.0.1', port: 0 },
  });
});
afterAll(async () => {
  await h?.stop();
});

function post(body: unknown, headers: Record<string, string> = {}, path = PATH) {
  return fetch(`http://127.0.0.1:${h.running.port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('webhook mode', () => {
  it('registers the webhook with the secret and the updates it handles', () => {
    expect(h.running.port).toBeGreaterThan(0);
    const [set] = h.api.sent('setWebhook');
    expect(set!.payload.url).toBe(`https://bot.example.com${PATH}`);
    expect(set!.payload.secret_token).toBe(SECRET);
    expect(set!.payload.allowed_updates).toEqual(expect.arrayContaining(['message', 'callback_query', 'inline_query']));
    expect(h.api.calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });

  it('answers an update POSTed with the right secret header', async () => {
    const update = h.api.makeUpdate({ message: textMessage(h.api, privateChat(alice), alice, '浑南区有多少家国家高新技术企业？') });
    const res = await post(update, { [SECRET_HEADER]: SECRET });
    expect(res.status).toBe(200);
    // the answer has gone out by the time the webhook request is answered
    const [reply] = h.api.botMessages(alice.id);
    expect(reply!.plain).toContain('412家');
  });

  it('refuses an update without the header, or with a wrong one, with 403 and does not answer it', async () => {
    const before = h.api.botMessages().length;
    const update = h.api.makeUpdate({ message: textMessage(h.api, privateChat(alice), alice, '浑南区常住人口多少人？') });
    expect((await post(update)).status).toBe(403);
    expect((await post(update, { [SECRET_HEADER]: 'wrong' })).status).toBe(403);
    expect((await post(update, { [SECRET_HEADER]: `${SECRET}x` })).status).toBe(403);
    // An update taken after them is answered by the time its 200 comes back; theirs never are.
    const next = h.api.makeUpdate({ message: textMessage(h.api, privateChat(alice), alice, '浑南区区域总面积多大？') });
    expect((await post(next, { [SECRET_HEADER]: SECRET })).status).toBe(200);
    const sent = h.api.botMessages().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.plain).toContain('803平方公里');
    expect(h.logs.messages(40).filter((m) => m === 'webhook request without the right secret header refused')).toHaveLength(3);
  });

  it('answers 404 on other paths, 400 on a body that is not an update, and 200 on /healthz', async () => {
    expect((await post({ update_id: 1 }, { [SECRET_HEADER]: SECRET }, '/elsewhere')).status).toBe(404);
    expect((await post({ nope: true }, { [SECRET_HEADER]: SECRET })).status).toBe(400);
    const health = await fetch(`http://127.0.0.1:${h.running.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('stops by closing the server, leaving the webhook registered for other replicas', async () => {
    await h.running.stop();
    await expect(post({ update_id: 1 }, { [SECRET_HEADER]: SECRET })).rejects.toThrow();
    expect(h.api.calls.some((c) => c.method === 'deleteWebhook')).toBe(false);
  });
});
