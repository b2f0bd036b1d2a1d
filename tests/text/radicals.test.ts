// Radicals a PDF's text layer gives for ideographs (⾸⻚ for 首页) are read as the ideographs, at the same length.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { unifyRadicals } from '../../src/text/radicals.js';

describe('unifyRadicals', () => {
  it('maps Kangxi and supplement radicals to their ideographs, one unit for one', () => {
    const pdfText = '⾸⻚|2016年国⺠经济和社会发展统计公报，⽐上年增⻓13.3%';
    const read = unifyRadicals(pdfText);
    expect(read).toBe('首页|2016年国民经济和社会发展统计公报，比上年增长13.3%');
    expect(read).toHaveLength(pdfText.length);
  });

  it('leaves text without radicals as it is (the same string)', () => {
    const text = '浑南区有国家高新技术企业412家。';
    expect(unifyRadicals(text)).toBe(text);
  });

  it('is applied to every document the corpus loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-radicals-'));
    try {
      writeFileSync(join(dir, 'copied-from-a-pdf.txt'), '全州地区⽣产总值939.05亿元，⽐上年增⻓13.3%。\n');
      const corpus = await loadCorpus(dir);
      expect(corpus.documents[0]!.text).toBe('全州地区生产总值939.05亿元，比上年增长13.3%。\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
