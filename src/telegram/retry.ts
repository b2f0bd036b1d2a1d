// Flood control from Telegram's side: a call answered 429 Too Many Requests is retried after retry_after,
// a bounded number of times. Applied to every Telegram client the bot uses (see create-bot.ts).
import type { Telegram } from 'telegraf';
import type { Logger } from '../log.js';

/** Retry settings; every field is optional. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Longest wait accepted; a 429 asking for more is not retried. Default 60 000 ms. */
  maxWaitMs?: number;
  /** Waits; tests may make it instant. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

export const defaultRetryOptions = {
  maxRetries: 3,
  maxWaitMs: 60_000,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
} as const;

/**
 * Methods never retried: getUpdates has its own back-off in telegraf's poller; a chat action is worthless late;
 * an inline answer must beat Telegram's deadline.
 */
const NOT_RETRIED = new Set(['getUpdates', 'sendChatAction', 'answerInlineQuery']);

/** The wait a 429 asks for, in ms, or null when the error is not a 429. */
export function retryAfterMs(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const err = error as { code?: unknown; parameters?: { retry_after?: unknown } };
  if (err.code !== 429) return null;
  const seconds = err.parameters?.retry_after;
  return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : 1000;
}

const patched = new WeakSet<object>();

/** Wraps a Telegram client's callApi in place (once per client) so 429 answers are retried. */
export function retryOn429(telegram: Telegram, options: RetryOptions = {}): Telegram {
  if (patched.has(telegram)) return telegram;
  patched.add(telegram);
  const maxRetries = options.maxRetries ?? defaultRetryOptions.maxRetries;
  const maxWaitMs = options.maxWaitMs ?? defaultRetryOptions.maxWaitMs;
  const sleep = options.sleep ?? defaultRetryOptions.sleep;
  const original = telegram.callApi.bind(telegram);
  const callApi = async (...args: Parameters<typeof original>) => {
    const [method] = args;
    for (let attempt = 0; ; attempt++) {
      try {
        return await original(...args);
      } catch (error) {
        const wait = retryAfterMs(error);
        if (wait === null || NOT_RETRIED.has(method) || attempt >= maxRetries || wait > maxWaitMs) throw error;
        options.logger?.warn({ method, attempt: attempt + 1, waitMs: wait }, 'Telegram answered 429, retrying');
        await sleep(wait);
      }
    }
  };
  telegram.callApi = callApi as typeof telegram.callApi;
  return telegram;
}
