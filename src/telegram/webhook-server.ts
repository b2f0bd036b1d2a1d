// The webhook endpoint: a plain node:http server that only lets through POSTs to the path that carry the
// secret header (compared in constant time), hands each update to the bot, and answers after handling it.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.js';

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
}

export interface WebhookServer {
  /** The port actually listened on. */
  readonly port: number;
  /** Stops accepting requests and resolves once every update in flight has been answered. */
  close(): Promise<void>;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison (hashing first makes the lengths equal, so the length does not leak either). */
export function secretMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(expected), digest(given));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && typeof (value as { update_id?: unknown }).update_id === 'number';
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const { logger } = options;
  let closing = false;

  const respond = (res: ServerResponse, status: number, body = '') => {
    if (closing) res.setHeader('Connection', 'close');
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && path === '/healthz') return respond(res, 200, 'ok');
      if (path !== options.path) return respond(res, 404);
      if (req.method !== 'POST') return respond(res, 405);
      if (!secretMatches(options.secret, req.headers[SECRET_HEADER])) {
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
      try {
        await options.handleUpdate(update);
      } catch (err) {
        // The bot's error boundary has already seen it; a 200 stops Telegram from redelivering it forever.
        logger.error({ err, updateId: update.update_id }, 'webhook update failed');
      }
      return respond(res, 200);
    })().catch((err: unknown) => {
      logger.error({ err }, 'webhook request failed');
      if (!res.headersSent) respond(res, 500);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
