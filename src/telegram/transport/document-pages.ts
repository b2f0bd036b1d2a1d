// The document pages citations link to (present/document-page.ts renders them), served by the bot's own HTTP
// server: the webhook server in webhook mode, or a small server of their own when polling with PUBLIC_BASE_URL
// set. Read-only: GET and HEAD under /doc/ only (anything else 405); an unknown document 404, a malformed link
// 400; nothing from the request is written back into a page. Documents are looked up per request, so a page
// shows the corpus the bot answers from now.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from './listen.js';
import type { CorpusDocument } from '../../corpus/index.js';
import type { Logger } from '../../host/index.js';
import { DOCUMENT_PAGE_PATH, parsePageSpan, renderDocumentPage, renderPageError, spanHash, type Locale } from '../../present/index.js';

/** Answers a request for a document page; false when the request is not for one (the caller goes on). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  // No script, no frame, nothing loaded from anywhere: the page is its own text and inline styles.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
} as const;

function localeOf(req: IncomingMessage): Locale {
  return /^\s*en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh';
}

/** The page handler over the documents the bot answers from (a function: the corpus may be swapped). */
export function documentPages(documents: () => readonly CorpusDocument[]): PageHandler {
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return false;
    }
    if (!url.pathname.startsWith(DOCUMENT_PAGE_PATH)) return false;
    const locale = localeOf(req);
    const send = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...HEADERS, 'Cache-Control': status === 200 ? 'private, max-age=300' : 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, renderPageError(405, locale), { Allow: 'GET, HEAD' });
      return true;
    }
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.slice(DOCUMENT_PAGE_PATH.length));
    } catch {
      send(400, renderPageError(400, locale));
      return true;
    }
    const doc = documents().find((d) => d.id === id);
    if (doc === undefined) {
      send(404, renderPageError(404, locale));
      return true;
    }
    const span = parsePageSpan(url.searchParams, doc.text.length);
    if (span === 'bad') {
      send(400, renderPageError(400, locale));
      return true;
    }
    const current = span === null || spanHash(doc.text.slice(span.start, span.end)) === span.hash ? span : 'gone';
    send(200, renderDocumentPage(doc, current, locale));
    return true;
  };
}

export interface PageServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A server for the pages alone (polling mode): 404 for every other path, 200 on GET /healthz. */
export async function startPageServer(options: { host: string; port: number; pages: PageHandler; logger: Logger }): Promise<PageServer> {
  const server = createServer((req, res) => {
    try {
      if (options.pages(req, res)) return;
      const healthz = req.method === 'GET' && (req.url ?? '').split('?')[0] === '/healthz';
      res.writeHead(healthz ? 200 : 404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(healthz ? 'ok' : '');
    } catch (err) {
      options.logger.error({ err }, 'page request failed');
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  const port = await listen(server, options.port, options.host);
  options.logger.info({ port }, 'document pages served');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
