// The webhook endpoint: a plain node:http server that only lets through POSTs to the path that carry the
// secret header (compared in constant time), hands each update to the bot, and answers 200 once it is
// handled (or after ackAfterMs, the handler carrying on). The bot delivers its answers itself, retrying
// failed sends (retry.ts), so a failed handler is still answered 200: Telegram never redelivers an update
// the bot has taken. An update delivered twice (Telegram's retry after a lost or late 200) is handled once.
// When the bot is saturated (maxInFlight) or stopping, it answers 503, before taking the update, so
// Telegram delivers it again later, or to another replica.
// Handler latency (from taking an update to its handler settling, the answer sent) is kept in a histogram:
// logged once a minute while updates come in ("webhook stats") and in total when the server stops.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from './listen.js';
import type { Update } from 'telegraf/types';
import { SECRET_PATTERN, type Logger } from '../../host/index.js';
import { BoundedSet } from './bounded-set.js';
import { systemClock, type Clock, type TimerHandle } from './clock.js';
import type { PageHandler } from './document-pages.js';
import { DEFAULT_STATS_INTERVAL_MS, recordLatency, type LatencySummary } from './latency-stats.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Webhook server settings. */
export interface WebhookServerOptions {
  /** Path Telegram POSTs to, e.g. "/telegram/webhook". */
  path: string;
  /** Value of the X-Telegram-Bot-Api-Secret-Token header that must come with every update. */
  secret: string;
  /** Listen address. */
  host: string;
  /** Listen port; 0 picks a free one. */
  port: number;
  handleUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  /** Largest body accepted. Default 1 MiB (updates are a few KB). */
  maxBodyBytes?: number;
  /**
   * Longest a webhook request waits for its update to be handled before it is answered 200 anyway (the
   * handler runs on). Default 10 000 ms, under Telegram's own patience, so it never redelivers a slow update.
   */
  ackAfterMs?: number;
  /** Updates handled at once at most (including those already answered 200); more get 503. Default 1000. */
  maxInFlight?: number;
  /** Update ids remembered to drop a second delivery of the same update. Default 10 000. */
  rememberedUpdates?: number;
  /** How often handler latency is logged while updates come in; 0 logs it only at stop. Default 60 000 ms. */
  statsIntervalMs?: number;
  /**
   * Times the ackAfterMs wait and the stats interval, and measures handler latency (clock.now). Default
   * systemClock: Node's timers and performance.now().
   */
  clock?: Clock;
  /** The document pages citations link to (document-pages.ts), served beside the webhook. Default none. */
  pages?: PageHandler;
}

export const defaultWebhookServerOptions = {
  maxBodyBytes: 1024 * 1024,
  ackAfterMs: 10_000,
  maxInFlight: 1000,
  rememberedUpdates: 10_000,
  statsIntervalMs: DEFAULT_STATS_INTERVAL_MS,
  clock: systemClock,
} as const;

export interface WebhookServer {
  /** The port actually listened on. */
  readonly port: number;
  /** Updates being handled right now. */
  readonly inFlight: number;
  /** Handler latency of every update taken since the server started. */
  latency(): LatencySummary;
  /** Stops accepting requests and resolves once every update in flight has been answered. */
  close(): Promise<void>;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison (hashing first makes the lengths equal, so the length does not leak either). */
export function secretMatches(expected: string | Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(typeof expected === 'string' ? digest(expected) : expected, digest(given));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && typeof (value as { update_id?: unknown }).update_id === 'number';
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  if (!SECRET_PATTERN.test(options.secret)) {
    // The config refuses this already; a webhook without a secret would take updates from anyone.
    throw new Error('webhook server needs a secret: 1 to 256 characters of A-Z, a-z, 0-9, "_" and "-"');
  }
  const limit = options.maxBodyBytes ?? defaultWebhookServerOptions.maxBodyBytes;
  const ackAfterMs = options.ackAfterMs ?? defaultWebhookServerOptions.ackAfterMs;
  const maxInFlight = options.maxInFlight ?? defaultWebhookServerOptions.maxInFlight;
  const seen = new BoundedSet<number>(options.rememberedUpdates ?? defaultWebhookServerOptions.rememberedUpdates);
  const { logger } = options;
  const clock = options.clock ?? defaultWebhookServerOptions.clock;
  const expectedDigest = digest(options.secret);
  let closing = false;
  const handling = new Set<Promise<void>>();
  const latency = recordLatency(
    logger,
    'webhook',
    options.statsIntervalMs ?? defaultWebhookServerOptions.statsIntervalMs,
    () => handling.size,
    clock,
  );

  const respond = (res: ServerResponse, status: number, body = '') => {
    if (res.headersSent || res.destroyed) return;
    if (closing) res.setHeader('Connection', 'close');
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
  };

  /** Runs the bot on an update; never rejects (the bot's error boundary has logged what went wrong). */
  const handle = (update: Update): Promise<void> => {
    const started = clock.now();
    const run = options.handleUpdate(update).catch((err: unknown) => {
      logger.error({ err, updateId: update.update_id }, 'webhook update failed');
    });
    const tracked = run.finally(() => {
      handling.delete(tracked);
      latency.record(clock.now() - started);
    });
    handling.add(tracked);
    return tracked;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && path === '/healthz') return respond(res, closing ? 503 : 200, closing ? 'stopping' : 'ok');
      if (path !== options.path) return options.pages?.(req, res) === true ? undefined : respond(res, 404);
      if (req.method !== 'POST') return respond(res, 405);
      if (!secretMatches(expectedDigest, req.headers[SECRET_HEADER])) {
        logger.warn({ remote: req.socket.remoteAddress }, 'webhook request without the right secret header refused');
        return respond(res, 403);
      }
      let update: unknown;
      try {
        update = JSON.parse(await readBody(req, limit));
      } catch (err) {
        return respond(res, err instanceof BodyTooLarge ? 413 : 400);
      }
      if (!isUpdate(update)) return respond(res, 400);
      if (seen.has(update.update_id)) {
        logger.info({ updateId: update.update_id }, 'update delivered again, already taken');
        return respond(res, 200);
      }
      if (closing || handling.size >= maxInFlight) {
        // Not taken: Telegram keeps it and delivers it again (to this replica later, or another one).
        res.setHeader('Retry-After', '1');
        return respond(res, 503, closing ? 'stopping' : 'busy');
      }
      seen.add(update.update_id);
      const done = handle(update);
      let timer: TimerHandle | undefined;
      const acked = await Promise.race([
        done.then(() => false),
        new Promise<boolean>((resolve) => (timer = clock.setTimeout(() => resolve(true), ackAfterMs))),
      ]);
      clock.clearTimeout(timer);
      if (acked) logger.warn({ updateId: update.update_id, ackAfterMs }, 'update still being handled, answered 200 to Telegram');
      return respond(res, 200);
    })().catch((err: unknown) => {
      logger.error({ err }, 'webhook request failed');
      respond(res, 500);
    });
  });

  const port = await listen(server, options.port, options.host);

  return {
    port,
    get inFlight() {
      return handling.size;
    },
    latency: () => latency.total(),
    close: async () => {
      closing = true;
      latency.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Answers in flight go out, including those of updates already answered 200.
      while (handling.size > 0) await Promise.all([...handling]);
      await closed;
      logger.info(latency.total(), 'webhook stopped');
    },
  };
}
