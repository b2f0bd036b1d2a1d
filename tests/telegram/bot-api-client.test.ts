// The lean Bot API transport keeps telegraf's contract: results, TelegramError for API errors (status ≥ 500
// as the code), FetchError for network failures, AbortError on abort — and no token in any message.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegram, TelegramError } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestTimeoutError, createBotApiTransport, useTransport } from '../../src/telegram/transport/bot-api-client.js';
import { classifyFailure } from '../../src/telegram/transport/retry.js';
import { fakeClock } from '../helpers/fake-clock.js';

const TOKEN = '123456789:AAtransportTestToken_abcdefghijklmno';
let server: Server;
let root: string;
const seen: Array<{ url: string; body: string }> = [];
let arrivals: Array<() => void> = [];
/** Resolves when the next request has reached the server. */
const arrival = () => new Promise<void>((resolve) => arrivals.push(resolve));

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', body });
      for (const arrived of arrivals) arrived();
      arrivals = [];
      const method = (req.url ?? '').split('/').pop();
      if (method === 'ok')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: JSON.parse(body) }));
      if (method === 'bad') return res.writeHead(400).end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: nope' }));
      if (method === 'proxy') return res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' }).end('<h1>502</h1>');
      if (method === 'garbage') return res.writeHead(200).end('<html>not json</html>');
      if (method === 'reset') req.socket.destroy();
      // 'slow': never answers
      return undefined;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, any>;
  }
  throw new Error('expected a failure');
}

describe('createBotApiTransport', () => {
  const call = () => createBotApiTransport(TOKEN, root);

  it('POSTs JSON to /bot<token>/<method> and resolves with the result, dropping null fields', async () => {
    await expect(call()('ok', { chat_id: 1, text: '数据', reply_markup: null })).resolves.toEqual({ chat_id: 1, text: '数据' });
    expect(seen.at(-1)!.url).toBe(`/bot${TOKEN}/ok`);
  });

  it('rejects with TelegramError for API errors, status ≥ 500 included', async () => {
    const bad = await failure(call()('bad', {}));
    expect(bad).toBeInstanceOf(TelegramError);
    expect([bad.code, bad.description]).toEqual([400, 'Bad Request: nope']);
    const proxy = await failure(call()('proxy', {}));
    expect(proxy).toBeInstanceOf(TelegramError);
    expect(proxy.code).toBe(502);
    expect(classifyFailure(proxy)).toEqual({ kind: 'transient', reason: 'HTTP 502' });
  });

  it('rejects with a FetchError (transient) for a reset, a refused connection or a body that is not JSON, never naming the token', async () => {
    const reset = await failure(call()('reset', {}));
    const garbage = await failure(call()('garbage', {}));
    const refused = await failure(createBotApiTransport(TOKEN, 'http://127.0.0.1:1')('getMe', {}));
    for (const err of [reset, garbage, refused]) {
      expect(err.name).toBe('FetchError');
      expect(classifyFailure(err).kind).toBe('transient');
      expect(err.message).toContain('bot[REDACTED]');
      expect(err.message).not.toContain(TOKEN.split(':')[1]);
    }
    expect(refused.code).toBe('ECONNREFUSED');
  });

  it('drops a call that gets no answer within timeoutMs with a RequestTimeoutError (transient), and frees its socket', async () => {
    const clock = fakeClock();
    const transport = createBotApiTransport(TOKEN, root, { clock });
    const arrived = arrival();
    let settled = false;
    const pending = failure(transport('slow', {}, { timeoutMs: 40 })).finally(() => (settled = true));
    await arrived;
    await clock.advance(39);
    expect(settled).toBe(false); // still waiting, just before its deadline
    await clock.advance(1);
    const late = await pending;
    expect(late).toBeInstanceOf(RequestTimeoutError);
    expect(classifyFailure(late)).toEqual({ kind: 'transient', reason: 'timeout' });
    expect(late.message).not.toContain(TOKEN.split(':')[1]);
    // the next call on the same transport goes through, and a deadline that is not reached changes nothing
    await expect(transport('ok', { n: 1 }, { timeoutMs: 5000 })).resolves.toEqual({ n: 1 });
  });

  it('rejects with an AbortError when the signal aborts', async () => {
    const controller = new AbortController();
    const arrived = arrival();
    const pending = call()('slow', {}, { signal: controller.signal });
    await arrived; // aborted while the server holds it
    controller.abort();
    expect((await failure(pending)).name).toBe('AbortError');
  });
});

describe('useTransport', () => {
  it('sends JSON calls through the transport and file uploads through telegraf', async () => {
    const telegram = new Telegram(TOKEN, { apiRoot: root });
    const routed: string[] = [];
    telegram.callApi = (async (method: string) => {
      routed.push(`telegraf:${method}`);
      return true;
    }) as unknown as Telegram['callApi'];
    useTransport(telegram, async (method) => {
      routed.push(`lean:${method}`);
      return true;
    });
    await telegram.sendMessage(1, 'hi', { link_preview_options: { url: 'https://example.com' } });
    await telegram.sendPhoto(1, { source: Buffer.from('x') });
    await telegram.sendDocument(1, { url: 'https://example.com/a.pdf', filename: 'a.pdf' });
    expect(routed).toEqual(['lean:sendMessage', 'telegraf:sendPhoto', 'telegraf:sendDocument']);
  });

  it('gives file uploads through telegraf the same deadline', async () => {
    const telegram = new Telegram(TOKEN, { apiRoot: root });
    telegram.callApi = ((_method: string, _payload: unknown, { signal }: { signal?: AbortSignal } = {}) =>
      new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
      )) as unknown as Telegram['callApi'];
    const clock = fakeClock();
    useTransport(telegram, async () => true, { clock });
    const upload = (telegram.callApi as unknown as (m: string, p: unknown, o: unknown) => Promise<unknown>)(
      'sendPhoto',
      { chat_id: 1, photo: { source: Buffer.from('x') } },
      { timeoutMs: 30 },
    );
    const timedOut = expect(upload).rejects.toBeInstanceOf(RequestTimeoutError);
    await clock.advance(30);
    await timedOut;
  });
});
