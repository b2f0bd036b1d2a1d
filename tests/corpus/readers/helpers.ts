/** Fixtures and byte builders for the reader tests (zip files, similarity of Chinese texts). */
import { readFileSync } from 'node:fs';
import { deflateRawSync, constants } from 'node:zlib';
import type { ReaderLimits } from '../../../src/corpus/readers/reader.js';

export const LIMITS: ReaderLimits = { maxBytes: 5 * 1024 * 1024, maxChars: 2_000_000, timeoutMs: 15_000 };

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url)));
}

export function referenceText(name: string): string {
  return readFileSync(new URL(`../../fixtures/reference-text/${name}`, import.meta.url), 'utf8');
}

/** The sequence of CJK ideographs and digits of a text: what must survive any reader unchanged. */
export function cjkDigits(text: string): string {
  return (text.match(/[\u4e00-\u9fff0-9]/g) ?? []).join('');
}

/** Similarity of two strings, 1 − edit distance / longer length (Levenshtein within a diagonal band). */
export function similarity(a: string, b: string, band = 500): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return 1;
  band = Math.max(band, Math.abs(n - m) + 50);
  const INF = n + m + 1;
  let prev = new Int32Array(m + 1).fill(INF);
  let cur = new Int32Array(m + 1).fill(INF);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(0, i - band);
    const hi = Math.min(m, i + band);
    cur.fill(INF, Math.max(0, lo - 1), Math.min(m, hi + 1) + 1);
    if (lo === 0) cur[0] = i;
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const sub = prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - Math.min(prev[m]!, INF) / Math.max(n, m);
}

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** Pre-compressed raw deflate data (then `data` is ignored for the payload). */
  deflated?: Uint8Array;
  /** The uncompressed size to declare (default: the real one). */
  declaredSize?: number;
  method?: 0 | 8;
}

/** A zip archive (no CRC check is done by the readers under test, so CRCs are left 0). */
export function makeZip(entries: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.deflated ? 8 : (e.method ?? 8);
    const payload = e.deflated ? Buffer.from(e.deflated) : method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, payload);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/**
 * A raw deflate stream that inflates to `copies` × `chunk` bytes while being about copies × 1/1000 of
 * that: the chunk is compressed once with a sync flush (a byte-aligned, non-final block that refers to
 * nothing before it), repeated, and closed with an empty final block.
 */
export function deflateBomb(chunk: Uint8Array, copies: number): Uint8Array {
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
  const end = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array.from({ length: copies }, () => block), end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The minimal parts of a .docx around a given word/document.xml entry. */
export function docxWith(document: Omit<ZipInput, 'name'>, extra: ZipInput[] = []): Uint8Array {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', ...document },
    ...extra,
  ]);
}

/** A word/document.xml body from paragraphs (each [styleId?, text]) and raw XML pieces. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

export const para = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** Expects a promise to reject with a ReaderError whose message matches. */
export async function readerErrorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the reader to refuse the file');
}

/** A PDF file from its objects' bodies (object i+1 is bodies[i]; object 1 must be the catalog). */
export function makePdf(bodies: string[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

export const stream = (content: string): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** A one-page PDF with no text at all (a blank page). */
export function blankPdf(): Uint8Array {
  return makePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>', stream('')]);
}

/** UTF-16BE hex of a string, as UniGB-UCS2-H codes. */
const ucs2Hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/**
 * A PDF whose Chinese text uses the non-embedded CID font STSong-Light with the UniGB-UCS2-H CMap (as
 * many Chinese PDF generators write it): its characters decode only with pdf.js's packed CMaps.
 */
export function cidFontPdf(lines: string[]): Uint8Array {
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td <${ucs2Hex(l)}> Tj ET`).join('\n');
  return makePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
