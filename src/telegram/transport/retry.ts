// Bot API calls that survive a failing network. Every call has a timeout; a call that failed for a
// transient reason is retried with bounded backoff:
//   - 429 Too Many Requests: after Telegram's retry_after, at most `maxRetries` times;
//   - 5xx, a connection error (reset, refused) or a timeout: with jittered exponential backoff
//     (baseDelayMs doubling up to maxDelayMs) for as long as `retryWindowMs` allows;
//   - anything else (400, 403…): never.
// getUpdates (long polling) is retried for as long as the bot polls, with the same backoff, so polling
// survives an outage of any length and picks up where it left off (Telegram keeps the updates).
// Applied in place to every Telegram client the bot uses (see create-bot.ts), over a callApi that keeps the
// deadline it is given (bot-api-client.ts: useTransport).
import type { Telegram } from 'telegraf';
import { configDefaults, type Logger } from '../../host/index.js';
import { RequestTimeoutError, type CallApi, type CallOptions } from './bot-api-client.js';
import { abortError, abortableSleep } from './clock.js';

export { RequestTimeoutError, abortableSleep };

/** Retry and timeout settings; every field is optional (defaults in defaultRetryOptions). */
export interface RetryOptions {
  /** Retries of a call answered 429, each after its retry_after. Default 10. */
  maxRetries?: number;
  /** Longest retry_after honoured; a 429 asking for more is not retried. Default 60 000 ms. */
  maxWaitMs?: number;
  /**
   * How long a call that failed with 5xx, a connection error or a timeout keeps being retried, counted
   * from its first attempt. Default 120 000 ms (outlasts a short outage); 0 never retries these.
   */
  retryWindowMs?: number;
  /** First backoff delay; it doubles with every retry (with jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Longest backoff delay. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Longest wait for one answer from the Bot API. Default 15 000 ms; long polls get their poll timeout on top. */
  timeoutMs?: number;
  /** Long-poll timeout of getUpdates, in seconds (telegraf asks for 50). Default 50. */
  pollTimeoutSeconds?: number;
  /** Waits (backoff, retry_after); rejects when the signal aborts. Default: a timer (abortableSleep). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source, 0 ≤ x < 1. Default Math.random. */
  random?: () => number;
  /** Clock for the retry window, in ms. Default Date.now. */
  now?: () => number;
  logger?: Logger;
}

export type RetryOptionsWithDefaults = Required<Omit<RetryOptions, 'logger'>> & Pick<RetryOptions, 'logger'>;

/** Defaults; the three the configuration sets come from host/config.ts (configDefaults), stated once there. */
export const defaultRetryOptions = {
  maxRetries: configDefaults.TELEGRAM_MAX_RETRIES,
  maxWaitMs: 60_000,
  retryWindowMs: configDefaults.TELEGRAM_RETRY_WINDOW_SECONDS * 1000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: configDefaults.TELEGRAM_TIMEOUT_SECONDS * 1000,
  pollTimeoutSeconds: 50,
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
} as const satisfies RetryOptions;

/** Why a call failed, as far as retrying is concerned. */
export type Failure =
  /** 429: wait this long, then try again. */
  | { kind: 'flood'; waitMs: number }
  /** 5xx, connection error, timeout: try again later. `reason` is for logs. */
  | { kind: 'transient'; reason: string }
  /** Retrying would not help (400, 401, 403, 409, an abort, a bug). */
  | { kind: 'fatal' };

/** Classifies an error thrown by telegraf's callApi. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof RequestTimeoutError) return { kind: 'transient', reason: 'timeout' };
  if (typeof error !== 'object' || error === null) return { kind: 'fatal' };
  const err = error as { name?: unknown; code?: unknown; type?: unknown; parameters?: { retry_after?: unknown } };
  if (typeof err.code === 'number') {
    if (err.code === 429) {
      const seconds = err.parameters?.retry_after;
      return { kind: 'flood', waitMs: typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : 1000 };
    }
    if (err.code >= 500) return { kind: 'transient', reason: `HTTP ${err.code}` };
    return { kind: 'fatal' };
  }
  // node-fetch: connection refused/reset, socket hang up, a proxy's HTML page where JSON was expected.
  if (err.name === 'FetchError')
    return { kind: 'transient', reason: typeof err.code === 'string' ? err.code : String(err.type ?? 'network') };
  return { kind: 'fatal' };
}

/**
 * How a method is retried:
 * poll: getUpdates while polling — forever, until polling stops;
 * sync: getUpdates confirming the offset as polling stops — a couple of quick retries;
 * once: worthless when late or not essential (chat action, inline answers, command menu) — never;
 * send: everything else (messages, callback answers, getMe, setWebhook) — bounded.
 */
type Policy = 'poll' | 'sync' | 'once' | 'send';

const NOT_RETRIED = new Set(['sendChatAction', 'answerInlineQuery', 'setMyCommands']);
const SYNC_RETRIES = 2;

function policyOf(method: string, signal: AbortSignal | undefined): Policy {
  if (method === 'getUpdates') return signal === undefined ? 'sync' : 'poll';
  return NOT_RETRIED.has(method) ? 'once' : 'send';
}

/** Exponential backoff with "equal jitter": between half and all of base·2^n, capped. */
export function backoffMs(retry: number, o: Pick<RetryOptionsWithDefaults, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(retry, 30));
  return Math.round(ceiling / 2 + (o.random() * ceiling) / 2);
}

export function withRetryDefaults(options: RetryOptions = {}): RetryOptionsWithDefaults {
  return {
    maxRetries: options.maxRetries ?? defaultRetryOptions.maxRetries,
    maxWaitMs: options.maxWaitMs ?? defaultRetryOptions.maxWaitMs,
    retryWindowMs: options.retryWindowMs ?? defaultRetryOptions.retryWindowMs,
    baseDelayMs: options.baseDelayMs ?? defaultRetryOptions.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? defaultRetryOptions.maxDelayMs,
    timeoutMs: options.timeoutMs ?? defaultRetryOptions.timeoutMs,
    pollTimeoutSeconds: options.pollTimeoutSeconds ?? defaultRetryOptions.pollTimeoutSeconds,
    sleep: options.sleep ?? defaultRetryOptions.sleep,
    random: options.random ?? defaultRetryOptions.random,
    now: options.now ?? defaultRetryOptions.now,
    logger: options.logger,
  };
}

/**
 * The longest one call can take under these settings: the retry window, plus the last attempt's timeout,
 * plus every 429 wait with its attempt. Used to size the handler timeout, so that a handler is never cut
 * off while one of its retries is still due.
 */
export function worstCaseCallMs(options: RetryOptions = {}): number {
  const o = withRetryDefaults(options);
  return o.retryWindowMs + o.timeoutMs + o.maxRetries * (o.maxWaitMs + o.timeoutMs);
}

const patched = new WeakSet<object>();

/**
 * Wraps a Telegram client's callApi in place (once per client) with timeouts and retries. The callApi it
 * wraps must keep CallOptions.timeoutMs (reject with a RequestTimeoutError): useTransport's does.
 */
export function withRetries(telegram: Telegram, options: RetryOptions = {}): Telegram {
  if (patched.has(telegram)) return telegram;
  patched.add(telegram);
  const o = withRetryDefaults(options);
  const original = telegram.callApi.bind(telegram) as unknown as CallApi;

  const attempt = (method: string, payload: Record<string, unknown>, outer: AbortSignal | undefined, timeoutMs: number) =>
    original(method, payload, outer === undefined ? { timeoutMs } : { signal: outer, timeoutMs });

  const callApi = async (method: string, payload: Record<string, unknown>, callOptions: CallOptions = {}) => {
    const outer = callOptions.signal;
    const policy = policyOf(method, outer);
    let body = payload;
    let timeoutMs = o.timeoutMs;
    if (method === 'getUpdates' && typeof payload.timeout === 'number' && payload.timeout > 0) {
      body = { ...payload, timeout: o.pollTimeoutSeconds };
      timeoutMs += o.pollTimeoutSeconds * 1000;
    }
    const started = o.now();
    let floods = 0;
    let transients = 0;
    for (;;) {
      try {
        return await attempt(method, body, outer, timeoutMs);
      } catch (error) {
        if (outer?.aborted) throw abortError();
        const failure = classifyFailure(error);
        let wait: number | null = null;
        if (failure.kind === 'flood' && policy !== 'once') {
          floods += 1;
          if (policy === 'poll') wait = Math.min(failure.waitMs, o.maxWaitMs);
          else if (floods <= o.maxRetries && failure.waitMs <= o.maxWaitMs) wait = failure.waitMs;
        } else if (failure.kind === 'transient' && policy !== 'once') {
          const delay = backoffMs(transients, o);
          transients += 1;
          if (policy === 'poll') wait = delay;
          else if (policy === 'sync') wait = transients <= SYNC_RETRIES ? Math.min(delay, o.baseDelayMs) : null;
          else if (o.now() - started + delay <= o.retryWindowMs) wait = delay;
        }
        if (wait === null) throw error;
        o.logger?.warn(
          {
            method,
            attempt: floods + transients,
            waitMs: wait,
            reason: failure.kind === 'flood' ? '429' : failure.kind === 'transient' ? failure.reason : 'fatal',
          },
          failure.kind === 'flood' ? 'Telegram answered 429, retrying' : 'Bot API call failed, retrying',
        );
        await o.sleep(wait, outer);
      }
    }
  };
  telegram.callApi = callApi as unknown as Telegram['callApi'];
  return telegram;
}
