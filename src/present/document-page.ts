/**
 * The read-only web page of a document, the cited span marked: where a citation's link leads. The link names
 * the span by its offsets in the document's text and a short hash of the text there, so a link made before the
 * document changed never marks other words: the page then shows the document and says the passage is gone.
 *
 *   /doc/<document id>?s=<start>&e=<end>&k=<figure start>-<figure end>&h=<hash>#cited
 *
 * The page is one HTML document, every text escaped, no script (the fragment scrolls the mark into view), and
 * its styles inline, so a strict Content-Security-Policy holds (the server sends it).
 */
import { createHash } from 'node:crypto';
import type { Citation } from '../answer/index.js';
import type { CorpusDocument } from '../corpus/index.js';
import type { Figure } from '../facts/index.js';
import { escapeHtml } from './format.js';
import type { Locale } from './i18n.js';
import type { SourceUrl } from './render.js';

/** The path every document page sits under. */
export const DOCUMENT_PAGE_PATH = '/doc/';

/** The id of the marked span: the link's fragment. */
export const CITED_ID = 'cited';

/** A span asked for: the cited text, and the figure inside it (offsets in the document's text). */
export interface PageSpan {
  start: number;
  end: number;
  key: { start: number; end: number } | null;
  /** The hash of the text the link was made for. */
  hash: string;
}

/** Eight hex digits of the SHA-256 of the cited text. */
export function spanHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/**
 * Builds the links for a public base URL ("https://bot.example.com", no trailing slash). `cited(document id)`
 * gives the text a citation's offsets point at (the hash is made from it); null when the document is unknown.
 */
export function documentPageLinks(baseUrl: string, textOf: (documentId: string) => string | null): SourceUrl {
  const base = baseUrl.replace(/\/+$/, '');
  // Links are made for every answer: each one is built once per document text (a reload brings a new text).
  const made = new Map<string, { text: string; urls: Map<string, string> }>();
  return (citation: Citation, figure: Figure | null) => {
    const text = textOf(citation.document);
    if (text === null || citation.end > text.length || citation.start >= citation.end) return null;
    let doc = made.get(citation.document);
    if (doc === undefined || doc.text !== text) {
      doc = { text, urls: new Map() };
      made.set(citation.document, doc);
    }
    // A figure's offsets are the fact's; the fact starts at the citation's start.
    const key = figure === null ? null : `${citation.start + figure.start}-${citation.start + figure.end}`;
    const id = `${citation.start}:${citation.end}:${key ?? ''}`;
    let url = doc.urls.get(id);
    if (url === undefined) {
      const k = key === null ? '' : `&k=${key}`;
      const hash = spanHash(text.slice(citation.start, citation.end));
      url = `${base}${DOCUMENT_PAGE_PATH}${encodeURIComponent(citation.document)}?s=${citation.start}&e=${citation.end}${k}&h=${hash}#${CITED_ID}`;
      // Bounded by the document's facts and figures; a cap all the same.
      if (doc.urls.size >= MAX_LINKS_PER_DOCUMENT) doc.urls.clear();
      doc.urls.set(id, url);
    }
    return url;
  };
}

/** Links remembered per document at most (a document has a few thousand cited spans at most). */
const MAX_LINKS_PER_DOCUMENT = 50_000;

const WHOLE = /^(0|[1-9]\d{0,9})$/;

/**
 * The span a page's query asks for, or null when it asks for none (a plain document page); 'bad' when the
 * query is malformed or points outside the text. Only s, e, k and h are read; anything else is ignored.
 */
export function parsePageSpan(query: URLSearchParams, textLength: number): PageSpan | null | 'bad' {
  const s = query.get('s');
  const e = query.get('e');
  if (s === null && e === null) return null;
  if (s === null || e === null || !WHOLE.test(s) || !WHOLE.test(e)) return 'bad';
  const start = Number(s);
  const end = Number(e);
  if (start >= end || end > textLength) return 'bad';
  const hash = query.get('h') ?? '';
  if (!/^[0-9a-f]{8}$/.test(hash)) return 'bad';
  let key: PageSpan['key'] = null;
  const k = query.get('k');
  if (k !== null) {
    const m = /^(\d{1,10})-(\d{1,10})$/.exec(k);
    if (!m) return 'bad';
    const [ks, ke] = [Number(m[1]), Number(m[2])];
    if (ks < start || ke > end || ks >= ke) return 'bad';
    key = { start: ks, end: ke };
  }
  return { start, end, key, hash };
}

const PAGE_TEXTS = {
  zh: { lang: 'zh-CN', gone: '链接所指的段落已不在当前文档中（文档已更新），下面是文档全文。', published: '发布' },
  en: {
    lang: 'en',
    gone: 'The passage this link points to is no longer in the document (it has changed); the whole document follows.',
    published: 'published',
  },
} as const;

const STYLE = `
body{margin:0;background:#fafafa;color:#1b1b1b;font:17px/1.75 system-ui,-apple-system,"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.1rem 4rem;background:#fff}
h1{font-size:1.35rem;line-height:1.4;margin:.2rem 0 .4rem}
.meta{color:#555;font-size:.9rem;margin:0 0 1.2rem}
.notice{background:#fff4d6;border-left:4px solid #e0a800;padding:.5rem .8rem}
p{margin:0 0 .9rem;white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:#ffe47a;padding:.1em 0;scroll-margin-top:35vh}
mark strong{text-decoration:underline}
`.trim();

/** One line of the text as HTML, the parts inside the span marked (the first part carries the fragment's id). */
function lineHtml(text: string, from: number, to: number, span: PageSpan | null, first: { done: boolean }): string {
  if (span === null || span.end <= from || span.start >= to) return escapeHtml(text.slice(from, to));
  const cuts = new Set([from, to, Math.max(from, span.start), Math.min(to, span.end)]);
  if (span.key) for (const c of [span.key.start, span.key.end]) if (c > from && c < to) cuts.add(c);
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  let open = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const inSpan = a >= span.start && b <= span.end;
    const inKey = span.key !== null && a >= span.key.start && b <= span.key.end;
    if (inSpan && !open) {
      html += first.done ? '<mark>' : `<mark id="${CITED_ID}">`;
      first.done = true;
      open = true;
    } else if (!inSpan && open) {
      html += '</mark>';
      open = false;
    }
    const piece = escapeHtml(text.slice(a, b));
    html += inKey ? `<strong>${piece}</strong>` : piece;
  }
  return open ? `${html}</mark>` : html;
}

/**
 * The page: title, publisher and date, then every paragraph of the text (one per line) with the span marked.
 * `span` null: no mark; 'gone': the link's passage is no longer there (a notice instead of a mark).
 */
export function renderDocumentPage(doc: CorpusDocument, span: PageSpan | null | 'gone', locale: Locale = 'zh'): string {
  const t = PAGE_TEXTS[locale === 'en' ? 'en' : 'zh'];
  const marked = span === 'gone' ? null : span;
  const text = doc.text;
  const paragraphs: string[] = [];
  const first = { done: false };
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const stop = nl === -1 ? text.length : nl;
    if (text.slice(at, stop).trim() !== '') paragraphs.push(`<p>${lineHtml(text, at, stop, marked, first)}</p>`);
    if (nl === -1) break;
    at = nl + 1;
  }
  const meta = [doc.publisher, doc.period, doc.date ? `${t.published} ${doc.date}` : null].filter((x): x is string => Boolean(x));
  return [
    '<!doctype html>',
    `<html lang="${t.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    meta.length > 0 ? `<p class="meta">${escapeHtml(meta.join(' · '))}</p>` : '',
    span === 'gone' ? `<p class="notice" role="status">${escapeHtml(t.gone)}</p>` : '',
    `<article aria-label="${escapeHtml(doc.title)}">`,
    ...paragraphs,
    '</article>',
    '</main>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** A short page for an unknown document or a malformed link. */
export function renderPageError(status: 404 | 400 | 405, locale: Locale = 'zh'): string {
  const zh = { 404: '找不到这份文档。', 400: '链接有误。', 405: '此页面只读。' } as const;
  const en = { 404: 'No such document.', 400: 'This link is malformed.', 405: 'This page is read-only.' } as const;
  const message = (locale === 'en' ? en : zh)[status];
  return `<!doctype html>\n<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">\n<head><meta charset="utf-8"><title>${status}</title></head>\n<body><p>${escapeHtml(message)}</p></body>\n</html>`;
}
