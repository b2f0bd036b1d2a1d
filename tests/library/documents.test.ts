// The names uploads get in the corpus folder, and the type told by content.
import { describe, expect, it } from 'vitest';
import { extensionFor } from '../../src/corpus/scan.js';
import { safeFileName } from '../../src/library/documents.js';
import { qingshanDocx } from '../telegram/library-harness.js';

const day = new Date('2026-12-02T10:00:00Z');

describe('upload file names', () => {
  it.each([
    ['报告.docx', '.docx', '报告.docx'],
    ['Report.DOCX', '.docx', 'Report.docx'],
    ['../../etc/passwd', '.txt', 'passwd.txt'],
    ['C:\\Users\\me\\统计公报.pdf', '.pdf', '统计公报.pdf'],
    ['.factbot-documents.json', '.txt', 'factbot-documents.json.txt'],
    ['synonyms.json', '.txt', 'synonyms.json.txt'],
    ['a<b>:c|d?.md', '.md', 'a_b__c_d_.md'],
    ['x.meta', '.txt', 'x.txt'],
    ['   ', '.txt', 'document-2026-12-02.txt'],
    ['\u0000\u0007.txt', '.txt', '__.txt'],
  ])('%j → %s', (name, ext, expected) => {
    expect(safeFileName(name, ext, day)).toBe(expected);
  });

  it('keeps names short', () => {
    expect([...safeFileName(`${'长'.repeat(300)}.txt`, '.txt', day)]).toHaveLength(84);
  });
});

describe('type by content', () => {
  const docx = qingshanDocx();
  it('takes the extension of a name whose bytes match it', () => {
    expect(extensionFor('a.docx', docx)).toEqual({ ext: '.docx' });
    expect(extensionFor('a.md', Buffer.from('# 标题\n正文。'))).toEqual({ ext: '.md' });
  });
  it('gives a file without a known extension the one its bytes call for', () => {
    expect(extensionFor('scan', Buffer.from('%PDF-1.4\n'))).toEqual({ ext: '.pdf' });
    expect(extensionFor('report.bin', docx)).toEqual({ ext: '.docx' });
    expect(extensionFor('page', Buffer.from('<!doctype html><html><body>正文</body></html>'))).toEqual({ ext: '.html' });
    expect(extensionFor('notes', Buffer.from('青山县常住人口35.6万人。'))).toEqual({ ext: '.txt' });
  });
  it('refuses bytes that are not what the name says, saying what they are', () => {
    expect(extensionFor('a.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({
      reason: 'named .pdf but not a PDF (it is a PNG image)',
    });
    expect(extensionFor('a.exe', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toEqual({ reason: 'no reader for .exe files' });
  });
});
