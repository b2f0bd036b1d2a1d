import { describe, expect, it } from 'vitest';
import { defaultReaders, readerFor, ReaderError } from '../../../src/corpus/readers/index.js';
import { blankPdf, deflateBomb, docxWith, fixture, LIMITS, readerErrorOf } from './helpers.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0]);

describe('readerFor', () => {
  it('picks the reader by extension when the bytes match', () => {
    const pick = (name: string, bytes: Uint8Array): string => {
      const r = readerFor(name, bytes);
      return typeof r === 'string' ? r : r.name;
    };
    expect(pick('a.docx', fixture('qiandongnan-2016-tongjigongbao.docx'))).toBe('docx');
    expect(pick('b.PDF', fixture('zhoukou-2023-tongjigongbao.pdf'))).toBe('pdf');
    expect(pick('c.html', fixture('govcn-npcsc-special-treasury-bonds-2007.html'))).toBe('html');
    expect(pick('d.htm', fixture('zjfgw-deqing-fixed-asset-investment-2016.html'))).toBe('html');
    expect(pick('e.txt', new Uint8Array(Buffer.from('常住人口866.60万人。')))).toBe('text');
    expect(pick('f.md', new Uint8Array(Buffer.from('# 标题\n正文。')))).toBe('text');
    expect(defaultReaders.map((r) => r.name)).toEqual(['text', 'docx', 'pdf', 'html']);
  });

  it('gives a reason for a file that is not what its name says, or has no reader', () => {
    expect(readerFor('report.pdf', PNG)).toBe('named .pdf but not a PDF (it is a PNG image)');
    expect(readerFor('report.docx', fixture('zhoukou-2023-tongjigongbao.pdf'))).toBe('named .docx but not a Word .docx document (it is a PDF)');
    expect(readerFor('notes.txt', PNG)).toBe('named .txt but not a text file (it is a PNG image)');
    expect(readerFor('table.xls', PNG)).toBe('no reader for .xls files');
    expect(readerFor('README', PNG)).toMatch(/no file extension/);
    expect(readerFor('empty.pdf', new Uint8Array(0))).toBe('empty file');
    let seed = 7;
    const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0), seed >>> 24));
    expect(readerFor('page.html', random)).toMatch(/^named \.html but not an HTML page/);
  });

  it('every bad file is refused with a ReaderError within the time limit, never a crash or a hang', async () => {
    const limits = { ...LIMITS, timeoutMs: 5000 };
    const bomb = docxWith({ data: new Uint8Array(0), deflated: deflateBomb(Buffer.alloc(1 << 20, 'x'), 2048), declaredSize: 100 });
    const docx = fixture('qiandongnan-2016-tongjigongbao.docx');
    const cases: [string, Uint8Array][] = [
      ['encrypted.pdf', fixture('synthetic-encrypted-user-password.pdf')],
      ['blank.pdf', blankPdf()],
      ['truncated.docx', docx.subarray(0, 100_000)],
      ['bomb.docx', bomb],
      ['image.pdf', PNG],
      ['random.html', new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24)],
    ];
    for (const [name, bytes] of cases) {
      const started = performance.now();
      const reader = readerFor(name, bytes);
      if (typeof reader === 'string') {
        expect(reader, name).toMatch(/^named /);
        continue;
      }
      const err = await readerErrorOf(reader.read(bytes, limits));
      expect(err, name).toBeInstanceOf(ReaderError);
      expect(performance.now() - started, name).toBeLessThan(limits.timeoutMs);
    }
  });
});
