import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../src/corpus/readers/charset.js';
import { ReaderError } from '../../../src/corpus/readers/reader.js';
import { textReader } from '../../../src/corpus/readers/text-reader.js';
import { LIMITS, readerErrorOf, referenceText } from './helpers.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const lines = referenceText('beijing-2024-zhengfu-gongzuo-baogao.txt').split('\n').filter((l) => l.length > 0);
/** Real sentences: the report's first paragraphs, with its line breaks. */
const SIMPLIFIED = lines.slice(0, 6).join('\n') + '\n';
const TRADITIONAL = toTraditional(SIMPLIFIED);

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(Buffer.concat([Buffer.from(bom ? mark : []), body]));
}

describe('text reader: charsets', () => {
  const cases: [string, Uint8Array, string, string][] = [
    ['UTF-8', new Uint8Array(Buffer.from(SIMPLIFIED)), SIMPLIFIED, 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)])), SIMPLIFIED, 'utf-8'],
    ['GB18030', new Uint8Array(iconv.encode(SIMPLIFIED, 'gb18030')), SIMPLIFIED, 'gb18030'],
    ['GBK', new Uint8Array(iconv.encode(SIMPLIFIED, 'gbk')), SIMPLIFIED, 'gb18030'],
    ['GB2312 (simplified text)', new Uint8Array(iconv.encode(SIMPLIFIED, 'gb2312')), SIMPLIFIED, 'gb18030'],
    ['Big5', new Uint8Array(iconv.encode(TRADITIONAL, 'big5')), TRADITIONAL, 'big5'],
    ['UTF-16LE with BOM', utf16(SIMPLIFIED, 'le', true), SIMPLIFIED, 'utf-16le'],
    ['UTF-16BE with BOM', utf16(SIMPLIFIED, 'be', true), SIMPLIFIED, 'utf-16be'],
    ['UTF-16LE without BOM', utf16(SIMPLIFIED, 'le', false), SIMPLIFIED, 'utf-16le'],
    ['UTF-16BE without BOM', utf16(SIMPLIFIED, 'be', false), SIMPLIFIED, 'utf-16be'],
    ['UTF-16LE without BOM, all CJK', utf16('现在我代表北京市人民政府向大会报告政府工作请予审议', 'le', false), '现在我代表北京市人民政府向大会报告政府工作请予审议', 'utf-16le'],
    ['UTF-16BE without BOM, all CJK', utf16('现在我代表北京市人民政府向大会报告政府工作请予审议', 'be', false), '现在我代表北京市人民政府向大会报告政府工作请予审议', 'utf-16be'],
  ];
  for (const [label, bytes, expected, encoding] of cases) {
    it(`decodes ${label} exactly (BOM removed)`, async () => {
      expect(textReader.sniff(bytes)).toBe(true);
      const doc = await textReader.read(bytes, LIMITS);
      expect(doc.text).toBe(expected);
      expect(detectEncoding(bytes)).toBe(encoding);
      expect(doc.warnings.length > 0).toBe(encoding !== 'utf-8');
    });
  }

  it('keeps the text otherwise unchanged (CRLF, ideographic spaces, tabs), so offsets stay exact', async () => {
    const text = '\u3000\u3000标题\r\n第一段，增长5.2%。\t表格\r\n';
    for (const enc of ['utf-8', 'gb18030'] as const) {
      const doc = await textReader.read(new Uint8Array(iconv.encode(text, enc)), LIMITS);
      expect(doc.text).toBe(text);
    }
  });

  it('tells GB18030 from Big5 on short lines (titles), where chardet alone ties', () => {
    const short = lines.slice(0, 120).map((l) => l.slice(0, 12));
    let right = 0;
    for (const s of short) {
      if (detectEncoding(new Uint8Array(iconv.encode(s, 'gb18030'))) === 'gb18030') right++;
      if (detectEncoding(new Uint8Array(iconv.encode(toTraditional(s), 'big5'))) === 'big5') right++;
    }
    // Measured: 240/240 at the time of writing; a little slack for lines that are digits only.
    expect(right / (short.length * 2)).toBeGreaterThanOrEqual(0.97);
  });

  it('refuses binary data: NUL bytes outside UTF-16, images', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    binary[10] = 0;
    binary[11] = 0;
    const err = await readerErrorOf(textReader.read(binary, LIMITS));
    expect(err).toBeInstanceOf(ReaderError);
    expect(err.message).toMatch(/binary|not text/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(textReader.sniff(png)).toBe(false);
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x00, 0x42, 0x43]))).toThrow(ReaderError);
  });

  it('refuses a text longer than maxChars', async () => {
    const err = await readerErrorOf(textReader.read(new Uint8Array(Buffer.from('字'.repeat(1000))), { ...LIMITS, maxChars: 999 }));
    expect(err).toBeInstanceOf(ReaderError);
  });
});
