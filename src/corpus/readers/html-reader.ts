/**
 * HTML pages (.html, .htm): decoded from their bytes (BOM, then <meta charset>, then detection), parsed
 * with linkedom (a light, pure-JavaScript DOM), the article found by @mozilla/readability (Firefox's
 * reader view), which drops navigation, sidebars and footers; its DOM is then written out as canonical
 * lines by dom-lines.ts. A page where readability finds no article falls back to the whole body without
 * nav/header/footer/aside/form, scripts and styles. The page's title comes first, as a "# " line.
 */
import type { Readability } from '@mozilla/readability';
import { bomEncoding, decodeAs, detectEncoding, isUtf8, type TextEncoding } from './charset.js';
import { domToLines, type DomNode } from './dom-lines.js';
import { describeBinary } from './magic.js';
import { breadcrumbOf, statedSource } from '../credits.js';
import { ReaderError, type DocumentReader, type ReadDocument, type ReaderLimits } from './reader.js';
import { checkChars, cleanMeta, isCjk, normalizeDate, statedDate, trimAll, withDeadline } from './util.js';

const PRESCAN_BYTES = 4096;
/** Below this many characters of text, readability's pick is not trusted and the body is used instead. */
const MIN_ARTICLE_CHARS = 20;
const MAX_ELEMENTS = 60_000;

interface MetaElement {
  getAttribute(name: string): string | null;
}
interface HtmlDocument {
  title: string;
  body: DomNode | null;
  documentElement: DomNode | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
}

const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|table|h[1-6]|base)[\s>/]/i;
const HTML_ANYWHERE = /<(?:html|body|head)[\s>]|<!doctype\s+html/i;

/** Charset labels in <meta> and what we decode them as. */
function encodingForLabel(label: string): TextEncoding | 'utf-16' | undefined {
  const l = label.trim().toLowerCase();
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|chinese|csgb2312|iso-ir-58)$/.test(l)) return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)$/.test(l)) return 'big5';
  if (/^utf-16/.test(l)) return 'utf-16';
  return undefined;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1];
}

/** Decodes a page: BOM, then its declared charset when the bytes agree, then detection. */
export function decodeHtml(bytes: Uint8Array): { html: string; encoding: TextEncoding } {
  const bom = bomEncoding(bytes);
  if (bom) return { html: decodeAs(bytes, bom.encoding), encoding: bom.encoding };
  const declared = declaredCharset(bytes);
  const wanted = declared ? encodingForLabel(declared) : undefined;
  if (wanted === 'utf-8' && isUtf8(bytes)) return { html: decodeAs(bytes, 'utf-8'), encoding: 'utf-8' };
  if ((wanted === 'gb18030' || wanted === 'big5') && !isUtf8(bytes)) return { html: decodeAs(bytes, wanted), encoding: wanted };
  // No declaration, or one the bytes contradict (common: a page saved as UTF-8 that still says gb2312).
  const encoding = detectEncoding(bytes);
  return { html: decodeAs(bytes, encoding), encoding };
}

export const htmlReader: DocumentReader = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  sniff(bytes: Uint8Array): boolean {
    if (describeBinary(bytes)) return false;
    let head: string;
    try {
      head = decodeHtml(bytes.subarray(0, PRESCAN_BYTES * 2)).html;
    } catch {
      // A cut in the middle of a character can break detection on the prefix: try the whole file.
      try {
        head = decodeHtml(bytes).html.slice(0, PRESCAN_BYTES * 2);
      } catch {
        return false;
      }
    }
    return HTML_START.test(head) || HTML_ANYWHERE.test(head.slice(0, 2048));
  },
  async read(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadDocument> {
    return withDeadline(limits.timeoutMs, async (deadline) => {
      if (!htmlReader.sniff(bytes)) throw new ReaderError('not an HTML page');
      const { html, encoding } = decodeHtml(bytes);
      // The DOM and Readability load with the first web page, not with every start.
      const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
      const warnings: string[] = [];
      if (encoding !== 'utf-8') warnings.push(`decoded from ${encoding === 'gb18030' ? 'GB18030 (GBK/GB2312)' : encoding}`);
      const page = parseHTML(html).document as unknown as HtmlDocument;
      const meta = pageMetadata(page);
      deadline.check();

      let lines: string[] = [];
      let article: ReturnType<Readability<DomNode>['parse']>;
      try {
        const copy = parseHTML(html).document;
        article = new Readability<DomNode>(copy, {
          charThreshold: 50,
          maxElemsToParse: MAX_ELEMENTS,
          serializer: (node) => node as unknown as DomNode,
        }).parse();
      } catch {
        article = null;
      }
      deadline.check();
      if (article?.content) lines = domToLines(article.content, { detectLayoutTables: true });
      if (lines.join('').length < MIN_ARTICLE_CHARS && page.body) {
        lines = domToLines(page.body, { dropBoilerplate: true, detectLayoutTables: true });
        if (article) warnings.push('no article found by readability: the page body was used (without navigation and footer)');
      }
      deadline.check();
      const rawTitle = meta.title ?? splitTitle(cleanMeta(article?.title) ?? cleanMeta(page.title)).title;
      let title = rawTitle === undefined ? undefined : tightenCjkSpaces(rawTitle);
      // The article's own heading near the top, when it is the title (often more complete than <title>).
      // Readability demotes the article's h1 to h2: the title line gets its "# " back.
      const at = lines.slice(0, 3).findIndex((l) => l.startsWith('#'));
      const heading = at >= 0 ? lines[at]!.replace(/^#+ /, '') : undefined;
      if (heading && (!title || heading.includes(title) || title.includes(heading))) {
        title = heading;
        lines[at] = `# ${heading}`;
      } else if (title) lines.unshift(`# ${title}`);
      const text = lines.join('\n');
      checkChars(text.length, limits);
      if (!text.replace(/^#.*$/m, '').trim()) throw new ReaderError('no text in the page');
      // The page around the article: its 信息来源 field and its breadcrumb (readability drops both).
      const around = page.body ? visibleText(page.body, () => deadline.check()) : '';
      const source = statedSource(around);
      const column = breadcrumbOf(around, title);
      return {
        text,
        title,
        publisher: meta.publisher ?? cleanMeta(article?.siteName) ?? splitTitle(cleanMeta(page.title)).site,
        date: meta.date ?? normalizeDate(article?.publishedTime) ?? statedDate(text),
        ...(source ? { source } : {}),
        ...(column ? { column } : {}),
        warnings,
      };
    });
  },
};

/** Elements whose text no reader sees. */
const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/** A page's text as a reader sees it, each text node apart (no scripts or styles), bounded like the article. */
function visibleText(root: DomNode, check: () => void): string {
  const parts: string[] = [];
  let length = 0;
  const stack: DomNode[] = [root];
  while (stack.length > 0 && length < MAX_AROUND_CHARS) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      parts.push(t);
      length += t.length;
    } else if (node.nodeType === 1 && !INVISIBLE.has(node.nodeName.toUpperCase())) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
    if (parts.length % 4096 === 0) check();
  }
  return parts.join(' ');
}
/** How much of a page's text is searched for its source and breadcrumb. */
const MAX_AROUND_CHARS = 200_000;

const TITLE_META = ['ArticleTitle', 'og:title', 'twitter:title', 'dc.title'];
const PUBLISHER_META = ['SiteName', 'og:site_name', 'ContentSource', 'source', 'publisher', 'dc.publisher', 'application-name'];
const DATE_META = [
  'PubDate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'og:article:published_time', 'pubdate',
  'publish_date', 'publication_date', 'dc.date.issued', 'dc.date', 'date', 'weibo:article:create_at',
];

function pageMetadata(page: HtmlDocument): { title?: string; publisher?: string; date?: string } {
  const values = new Map<string, string>();
  for (const el of Array.from(page.querySelectorAll('meta'))) {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !values.has(key)) values.set(key, content);
  }
  const first = (keys: string[], clean: (v: string) => string | undefined): string | undefined => {
    for (const k of keys) {
      const v = values.get(k.toLowerCase());
      const c = v === undefined ? undefined : clean(v);
      if (c) return c;
    }
    return undefined;
  };
  return {
    title: first(TITLE_META, (v) => cleanMeta(v)),
    publisher: first(PUBLISHER_META, (v) => cleanMeta(v, 60)),
    date: first(DATE_META, normalizeDate),
  };
}

/** Removes spaces of any kind next to a CJK character ("调整2007\u3000年末" → "调整2007年末"): in a title they are layout. */
function tightenCjkSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/gu, (run, offset: number, whole: string) =>
    isCjk(whole[offset - 1]) || isCjk(whole[offset + run.length]) ? '' : ' ',
  );
}

/** "文章标题__栏目_中国政府网" → title "文章标题", site "中国政府网". */
export function splitTitle(raw: string | undefined): { title?: string; site?: string } {
  if (!raw) return {};
  const parts = raw.split(/\s*(?:_{1,2}|\s[-|–—]\s|｜|\|)\s*/).map(trimAll).filter(Boolean);
  if (parts.length < 2) return { title: raw };
  const [first] = parts as [string];
  const last = parts[parts.length - 1]!;
  return { title: first.length >= 4 ? first : raw, site: last.length <= 20 ? last : undefined };
}
