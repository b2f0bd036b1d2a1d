// The retry layer on its own, over a scripted callApi and a virtual clock: what is retried, how long, and
// when it gives up.
import type { Telegram } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/host/config.js';
import {
  RequestTimeoutError,
  backoffMs,
  classifyFailure,
  withRetries,
  worstCaseCallMs,
  type RetryOptions,
} from '../../src/telegram/transport/retry.js';

class TelegramLikeError extends Error {
  constructor(
    readonly code: number,
    readonly parameters?: { retry_after: number },
  ) {
    super(`${code}: error`);
  }
}
function fetchError(code: string): Error {
  const err = new Error(`request to http://x/bot123:SECRET/sendMessage failed, reason: ${code}`) as Error & { code: string; type: string };
  err.name = 'FetchError';
  err.code = code;
  err.type = 'system';
  return err;
}

type Step = Error | 'ok' | 'hang';

/**
 * A Telegram client whose callApi plays `steps` in order, on a virtual clock advanced by sleep. Like the
 * real transport it keeps the deadline it is given: a 'hang' fails with a RequestTimeoutError once timeoutMs
 * has passed on the virtual clock (at once: nothing else is waiting).
 */
function scripted(steps: Step[], options: RetryOptions = {}) {
  let clock = 0;
  const sleeps: number[] = [];
  const calls: Array<{ method: string; payload: Record<string, unknown>; timeoutMs: number | undefined }> = [];
  const client = {
    callApi: async (method: string, payload: Record<string, unknown>, opts: { signal?: AbortSignal; timeoutMs?: number } = {}) => {
      calls.push({ method, payload, timeoutMs: opts.timeoutMs });
      const step = steps.shift() ?? 'ok';
      if (step === 'ok') return true;
      if (step === 'hang') {
        if (opts.timeoutMs !== undefined) {
          clock += opts.timeoutMs;
          throw new RequestTimeoutError(method, opts.timeoutMs);
        }
        return new Promise((_, reject) => {
          opts.signal?.addEventListener('abort', () => {
            const err = new Error('The user aborted a request.');
            err.name = 'AbortError';
            reject(err);
          });
        });
      }
      throw step;
    },
  };
  withRetries(client as unknown as Telegram, {
    baseDelayMs: 100,
    maxDelayMs: 1000,
    retryWindowMs: 5000,
    random: () => 1,
    now: () => clock,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      sleeps.push(ms);
      clock += ms;
    },
    ...options,
  });
  const call = (method: string, payload: Record<string, unknown> = {}, signal?: AbortSignal) =>
    (client.callApi as (m: string, p: unknown, o?: unknown) => Promise<unknown>)(method, payload, { signal });
  return { call, sleeps, calls };
}

describe('classifyFailure', () => {
  it('tells floods, transient failures and the rest apart', () => {
    expect(classifyFailure(new TelegramLikeError(429, { retry_after: 7 }))).toEqual({ kind: 'flood', waitMs: 7000 });
    expect(classifyFailure(new TelegramLikeError(500))).toEqual({ kind: 'transient', reason: 'HTTP 500' });
    expect(classifyFailure(new TelegramLikeError(502))).toEqual({ kind: 'transient', reason: 'HTTP 502' });
    expect(classifyFailure(fetchError('ECONNRESET'))).toEqual({ kind: 'transient', reason: 'ECONNRESET' });
    expect(classifyFailure(new RequestTimeoutError('sendMessage', 10))).toEqual({ kind: 'transient', reason: 'timeout' });
    for (const fatal of [new TelegramLikeError(400), new TelegramLikeError(403), new TelegramLikeError(409), new Error('bug'), 'x', null]) {
      expect(classifyFailure(fatal)).toEqual({ kind: 'fatal' });
    }
  });
});

describe('backoffMs', () => {
  it('doubles from the base, stays between half and all of it, and never exceeds the cap', () => {
    const o = { baseDelayMs: 500, maxDelayMs: 30_000 };
    expect([0, 1, 2, 3].map((n) => backoffMs(n, { ...o, random: () => 1 }))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, { ...o, random: () => 0 }))).toEqual([250, 500, 1000, 2000]);
    for (let n = 0; n < 100; n++) expect(backoffMs(n, { ...o, random: Math.random })).toBeLessThanOrEqual(30_000);
  });
});

describe('withRetries', () => {
  it('retries a send through 5xx, resets and timeouts with growing delays, and returns its result', async () => {
    const { call, sleeps, calls } = scripted(
      [new TelegramLikeError(500), fetchError('ECONNRESET'), 'hang', new TelegramLikeError(502), 'ok'],
      { timeoutMs: 5 },
    );
    await expect(call('sendMessage', { text: 'hi' })).resolves.toBe(true);
    expect(calls).toHaveLength(5);
    expect(sleeps).toEqual([100, 200, 400, 800]);
  });

  it('gives up once the retry window is spent, with the last error', async () => {
    const steps = Array.from({ length: 50 }, () => new TelegramLikeError(503));
    const { call, sleeps } = scripted(steps, { retryWindowMs: 2000 });
    await expect(call('sendMessage')).rejects.toMatchObject({ code: 503 });
    // 100 + 200 + 400 + 800 = 1500; the next 1000 would pass 2000
    expect(sleeps).toEqual([100, 200, 400, 800]);
  });

  it('honours retry_after on 429 at most maxRetries times, and not a wait longer than maxWaitMs', async () => {
    const floods = () => Array.from({ length: 5 }, () => new TelegramLikeError(429, { retry_after: 2 }));
    const first = scripted(floods(), { maxRetries: 3 });
    await expect(first.call('sendMessage')).rejects.toMatchObject({ code: 429 });
    expect(first.sleeps).toEqual([2000, 2000, 2000]);
    const second = scripted([new TelegramLikeError(429, { retry_after: 3600 })], { maxWaitMs: 60_000 });
    await expect(second.call('sendMessage')).rejects.toMatchObject({ code: 429 });
    expect(second.sleeps).toEqual([]);
  });

  it('never retries what a retry cannot cure, nor calls that are worthless late', async () => {
    const bad = scripted([new TelegramLikeError(400), 'ok']);
    await expect(bad.call('sendMessage')).rejects.toMatchObject({ code: 400 });
    expect(bad.calls).toHaveLength(1);
    for (const method of ['sendChatAction', 'answerInlineQuery', 'setMyCommands']) {
      const late = scripted([new TelegramLikeError(500), 'ok']);
      await expect(late.call(method)).rejects.toMatchObject({ code: 500 });
      expect(late.calls).toHaveLength(1);
    }
  });

  it('gives every attempt the timeout (a long poll gets its poll timeout on top) and fails with the timeout', async () => {
    const { call, calls } = scripted(['hang'], { timeoutMs: 30, retryWindowMs: 0 });
    await expect(call('sendMessage')).rejects.toBeInstanceOf(RequestTimeoutError);
    const polls = scripted(['ok'], { timeoutMs: 30, pollTimeoutSeconds: 2 });
    await polls.call('getUpdates', { timeout: 50 }, new AbortController().signal);
    expect([calls[0]!.timeoutMs, polls.calls[0]!.timeoutMs]).toEqual([30, 2030]);
  });

  it('keeps long polling through any number of failures, until polling stops', async () => {
    const failures = Array.from({ length: 40 }, (_, i) => (i % 2 ? fetchError('ECONNREFUSED') : new TelegramLikeError(502)));
    const { call, sleeps, calls } = scripted([...failures, 'ok'], { retryWindowMs: 10 });
    const polling = new AbortController();
    await expect(call('getUpdates', { timeout: 50, offset: 3 }, polling.signal)).resolves.toBe(true);
    expect(calls).toHaveLength(41);
    expect(Math.max(...sleeps)).toBe(1000); // capped
    // the long-poll timeout is the configured one
    expect(calls[0]!.payload).toEqual({ timeout: 50, offset: 3 });

    const stopped = scripted(
      Array.from({ length: 10 }, () => new TelegramLikeError(500)),
      { pollTimeoutSeconds: 1 },
    );
    polling.abort();
    await expect(stopped.call('getUpdates', { timeout: 50 }, polling.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(stopped.calls[0]!.payload).toEqual({ timeout: 1 });
  });

  it('confirms the offset on stop with a couple of quick retries only', async () => {
    const { call, calls } = scripted(Array.from({ length: 10 }, () => new TelegramLikeError(500)));
    await expect(call('getUpdates', { offset: 9, limit: 1 })).rejects.toMatchObject({ code: 500 });
    expect(calls).toHaveLength(3);
  });

  it('bounds the longest call, so the handler timeout can outlast it', () => {
    expect(worstCaseCallMs({ retryWindowMs: 120_000, timeoutMs: 15_000, maxRetries: 3, maxWaitMs: 60_000 })).toBe(
      120_000 + 15_000 + 3 * 75_000,
    );
  });
});

describe('timeouts and retries in the configuration', () => {
  const token = '123456789:AAFakeTokenForTests-abcdefghijklmnopq';

  it('reads TELEGRAM_TIMEOUT_SECONDS and TELEGRAM_RETRY_WINDOW_SECONDS in ms, with their defaults', () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: token }).telegram).toMatchObject({
      timeoutMs: 15_000,
      retryWindowMs: 120_000,
      maxRetries: 10,
    });
    expect(
      parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_TIMEOUT_SECONDS: '2', TELEGRAM_RETRY_WINDOW_SECONDS: '0' }).telegram,
    ).toMatchObject({
      timeoutMs: 2000,
      retryWindowMs: 0,
    });
  });

  it('rejects a timeout of 0 or a window over an hour, naming the variable', () => {
    expect(() => parseConfig({ TELEGRAM_TIMEOUT_SECONDS: '0' })).toThrow(/TELEGRAM_TIMEOUT_SECONDS must be a whole number from 1 to 600/);
    expect(() => parseConfig({ TELEGRAM_RETRY_WINDOW_SECONDS: '3601' })).toThrow(
      /TELEGRAM_RETRY_WINDOW_SECONDS must be a whole number from 0 to 3600/,
    );
  });

  it('reads the private and per-chat rate limits', () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: token, RATE_LIMIT_PRIVATE_MAX: '7', RATE_LIMIT_CHAT_MAX: '0' });
    expect(config.telegram!.rateLimit).toMatchObject({ max: 5, privateMax: 7, chatMax: 0, windowMs: 60_000 });
  });
});
