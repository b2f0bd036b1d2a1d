/**
 * Word .docx files, through mammoth (docx → HTML), whose HTML is then walked by dom-lines.ts.
 *
 * Why mammoth: it is pure JavaScript with a handful of small dependencies, maps Word heading styles to
 * h1–h6 (by style name, so localized documents work with the style map below), keeps tables as real
 * <table>s with colspan/rowspan for merged cells, skips headers/footers, and leaves images to us (they are
 * not even read). officeparser 8.1.1, measured on the same file, is as fast (0.45 s vs 0.5 s) and also
 * gives tables (as an AST), but it pins pdfjs-dist 6 (Node ≥ 22; this project supports Node 20) and
 * tesseract.js (OCR with language data fetched at run time): 152 MB of node_modules for one format.
 *
 * Zip bombs: before mammoth (which unpacks with JSZip, unbounded) sees the file, the central directory is
 * read and every part except media is inflated here with a hard output limit (zip.ts): a file that
 * declares, or actually unpacks to, more than the budget is refused before it can exhaust memory.
 */
import { domToLines, type DomNode } from './dom-lines.js';
import { isOle2, isZip } from './magic.js';
import { ReaderError, type DocumentReader, type ReadDocument, type ReaderLimits } from './reader.js';
import { checkChars, cleanMeta, statedDate, withDeadline } from './util.js';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip.js';

const MIB = 1024 * 1024;
/** Parts never inflated (mammoth is told not to read images). */
const MEDIA = /^word\/(media|embeddings)\/|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|wdp|jxr|bin|mp[34]|wav|avi|mov)$/i;

/** Word style names (English and Chinese Word/WPS) that become headings. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题${n}'] => h${n}:fresh`),
];

/** How many bytes the XML parts of one .docx may unpack to, in all. */
export function unpackBudget(limits: ReaderLimits): number {
  return Math.min(64 * MIB, Math.max(16 * MIB, limits.maxBytes * 12));
}

export const docxReader: DocumentReader = {
  name: 'docx',
  extensions: ['.docx'],
  sniff: (bytes) => isZip(bytes),
  async read(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadDocument> {
    if (isOle2(bytes)) throw new ReaderError('not a .docx: a legacy Word .doc or an encrypted document');
    if (!isZip(bytes)) throw new ReaderError('not a Word document (not a zip file)');
    return withDeadline(limits.timeoutMs, async (deadline) => {
      const entries = readZipDirectory(bytes);
      if (!entries.some((e) => e.name === 'word/document.xml')) throw new ReaderError('not a Word document (no word/document.xml)');
      const parts = guardUnpackedSize(bytes, entries, unpackBudget(limits), deadline.check.bind(deadline));
      // The Word and DOM libraries load with the first .docx, not with every start.
      const [{ default: mammoth }, { parseHTML }] = await Promise.all([import('mammoth'), import('linkedom')]);
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        {
          styleMap: STYLE_MAP,
          includeDefaultStyleMap: true,
          ignoreEmptyParagraphs: true,
          externalFileAccess: false,
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      ).catch((err: unknown) => {
        throw new ReaderError(`corrupt Word document (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      });
      deadline.check();
      checkChars(result.value.length, { ...limits, maxChars: limits.maxChars * 20 });
      const { document } = parseHTML(`<!doctype html><html><head></head><body>${result.value}</body></html>`);
      const lines = domToLines(document.body as unknown as DomNode);
      deadline.check();
      const text = lines.join('\n');
      checkChars(text.length, limits);
      if (!text.trim()) throw new ReaderError('no text in the Word document');
      const core = parts.get('docProps/core.xml');
      const app = parts.get('docProps/app.xml');
      const warnings = [...new Set(result.messages.filter((m) => m.type === 'error').map((m) => `docx: ${m.message}`))].slice(0, 5);
      return {
        text,
        title: xmlField(core, 'dc:title'),
        publisher: xmlField(app, 'Company'),
        date: statedDate(text),
        warnings,
      };
    });
  },
};

/**
 * Inflates every non-media part within the budget (refusing a declared total over it at once), and
 * returns the metadata parts' text. Throws ReaderError for zip bombs and corrupt entries.
 */
function guardUnpackedSize(bytes: Uint8Array, entries: ZipEntry[], budget: number, check: () => void): Map<string, string> {
  const parts = entries.filter((e) => !MEDIA.test(e.name) && !e.name.endsWith('/'));
  const declared = parts.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > budget) throw new ReaderError(`zip bomb? the document's parts unpack to ${mb(declared)}, over the limit of ${mb(budget)}`);
  const out = new Map<string, string>();
  let left = budget;
  for (const entry of parts) {
    check();
    const data = inflateEntry(bytes, entry, left);
    left -= data.length;
    if (entry.name === 'docProps/core.xml' || entry.name === 'docProps/app.xml') out.set(entry.name, data.toString('utf8'));
  }
  return out;
}

function mb(n: number): string {
  return `${(n / MIB).toFixed(1)} MiB`;
}

/** The text of <tag>…</tag> in a small XML part, entities decoded. */
function xmlField(xml: string | undefined, tag: string): string | undefined {
  if (!xml) return undefined;
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  if (!m?.[1]) return undefined;
  const decoded = m[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => codePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => codePoint(Number(d)))
    .replace(/&amp;/g, '&');
  return cleanMeta(decoded);
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}
