// A lean transport for Bot API calls with a JSON body: node:http(s) over one keep-alive agent per bot,
// instead of telegraf's node-fetch client, which costs about twice the CPU per call (see docs/BOT.md,
// "Load"). The contract is telegraf's callApi: it resolves with `result`; it rejects with telegraf's own
// TelegramError for an API error (an HTTP status ≥ 500 becomes the error code, as telegraf does), with an
// error named "FetchError" for a network failure, and with one named "AbortError" when the signal aborts.
// One addition: `timeoutMs`, a deadline after which the call is dropped with a RequestTimeoutError (a timer
// per call rather than an AbortController: the abort machinery cost a tenth of the bot's CPU under load).
// Error messages never hold the token. Calls that upload files go to telegraf's client unchanged.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TelegramError, type Telegram } from 'telegraf';
import { abortError, systemClock, type Clock, type TimerHandle } from './clock.js';

export interface CallOptions {
  /** Aborts the call (with an AbortError). */
  signal?: AbortSignal | undefined;
  /** Drops the call after this long without an answer (with a RequestTimeoutError). */
  timeoutMs?: number | undefined;
}

/** A Bot API call: telegraf's callApi, plus a deadline. */
export type CallApi = (method: string, payload: Record<string, unknown>, options?: CallOptions) => Promise<unknown>;

/** Thrown when the Bot API did not answer within the timeout (the request may still have taken effect). */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`Bot API call ${method} got no answer within ${timeoutMs} ms`);
  }
}

/** Sockets kept open to the Bot API at most (Telegram's own limit on parallel webhooks is 100). */
const MAX_SOCKETS = 100;

/** A network failure, shaped like node-fetch's FetchError so telegraf and retry.ts recognise it. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly type: string;
  readonly code: string | undefined;
  constructor(message: string, type: string, code?: string) {
    super(message);
    this.type = type;
    this.code = code;
  }
}

/** Drops null and undefined fields, as telegraf does. */
function replacer(_key: string, value: unknown): unknown {
  return value === null ? undefined : value;
}

/** True when a payload holds a file to upload (the same test as telegraf's; those go as multipart form data). */
function uploadsFile(payload: Record<string, unknown>): boolean {
  const isFile = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as { source?: unknown; url?: unknown };
    return Boolean(v.source) || Boolean(v.url);
  };
  return Object.entries(payload).some(([key, value]) => {
    if (key === 'link_preview_options') return false;
    if (Array.isArray(value)) return value.some((item) => isFile((item as { media?: unknown } | null)?.media));
    return isFile(value) || isFile((value as { media?: unknown } | null)?.media);
  });
}

/** Transport settings; every field is optional. */
export interface TransportOptions {
  /** Timers of the call deadlines (CallOptions.timeoutMs). Default systemClock (setTimeout). */
  clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
}

/** Creates a callApi for one bot: same token, same API root, one pool of keep-alive connections. */
export function createBotApiTransport(token: string, apiRoot: string, options: TransportOptions = {}): CallApi {
  const clock = options.clock ?? systemClock;
  const root = new URL(apiRoot);
  const secure = root.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, keepAliveMsecs: 10_000, maxSockets: MAX_SOCKETS, scheduling: 'lifo' })
    : new HttpAgent({ keepAlive: true, keepAliveMsecs: 10_000, maxSockets: MAX_SOCKETS, scheduling: 'lifo' });
  const request = secure ? httpsRequest : httpRequest;
  const base = root.pathname.replace(/\/+$/, '');
  /** Where a call goes, for error messages: never the token. */
  const shown = (method: string) => `${root.origin}${base}/bot[REDACTED]/${method}`;

  return (method, payload, callOptions = {}) =>
    new Promise((resolve, reject) => {
      const { signal, timeoutMs } = callOptions;
      if (signal?.aborted) return reject(abortError());
      const body = JSON.stringify(payload, replacer) ?? '{}';
      let settled = false;
      let timer: TimerHandle | undefined;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(timer);
        reject(signal?.aborted ? abortError() : err);
      };
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err: NodeJS.ErrnoException) =>
          fail(new FetchError(`response from ${shown(method)} failed, reason: ${err.message}`, 'system', err.code)),
        );
        res.on('end', () => {
          if (settled) return;
          clock.clearTimeout(timer);
          const status = res.statusCode ?? 0;
          if (status >= 500) {
            settled = true;
            return reject(new TelegramError({ error_code: status, description: res.statusMessage ?? 'Server Error' }, { method, payload }));
          }
          let data: { ok?: unknown; result?: unknown; error_code?: number; description?: string };
          try {
            data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof data;
          } catch (err) {
            return fail(new FetchError(`invalid json response body at ${shown(method)} reason: ${(err as Error).message}`, 'invalid-json'));
          }
          settled = true;
          if (data.ok === true) resolve(data.result);
          else reject(new TelegramError(data as ConstructorParameters<typeof TelegramError>[0], { method, payload }));
        });
      };
      const req = request(
        {
          host: root.hostname,
          port: root.port === '' ? undefined : Number(root.port),
          path: `${base}/bot${token}/${method}`,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          ...(signal !== undefined ? { signal } : {}),
        },
        onResponse,
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.name === 'AbortError') return fail(abortError());
        fail(new FetchError(`request to ${shown(method)} failed, reason: ${err.message}`, 'system', err.code));
      });
      if (timeoutMs !== undefined) {
        timer = clock.setTimeout(() => {
          fail(new RequestTimeoutError(method, timeoutMs));
          req.destroy();
        }, timeoutMs);
      }
      req.end(body);
    });
}

/** telegraf's own callApi (file uploads) with the deadline the lean transport keeps natively. */
function withDeadline(callApi: CallApi, clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>): CallApi {
  return async (method, payload, options = {}) => {
    const { signal: outer, timeoutMs } = options;
    if (timeoutMs === undefined) return callApi(method, payload, options);
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      return await callApi(method, payload, { signal: controller.signal });
    } catch (error) {
      if (timedOut && !outer?.aborted) throw new RequestTimeoutError(method, timeoutMs);
      throw error;
    } finally {
      clock.clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  };
}

/**
 * Routes a Telegram client's JSON calls through `transport` (file uploads stay with telegraf's client, given
 * the same deadline, timed by `options.clock`). Its callApi then honours CallOptions.timeoutMs, which
 * retry.ts relies on.
 */
export function useTransport(telegram: Telegram, transport: CallApi, options: TransportOptions = {}): Telegram {
  const original = withDeadline(telegram.callApi.bind(telegram) as unknown as CallApi, options.clock ?? systemClock);
  const callApi: CallApi = (method, payload, options) =>
    uploadsFile(payload) ? original(method, payload, options) : transport(method, payload, options);
  telegram.callApi = callApi as unknown as Telegram['callApi'];
  return telegram;
}
