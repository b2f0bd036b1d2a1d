// Documents as users have them: a corpus folder of .docx, .pdf and .html files (public government documents
// in tests/fixtures/documents) is read through the reader plug-ins and answered with citations into each.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';

const FIXTURES = new URL('../fixtures/documents', import.meta.url).pathname;
const FILES = [
  'qiandongnan-2016-tongjigongbao.docx',
  'zhoukou-2023-tongjigongbao.pdf',
  'zjfgw-deqing-fixed-asset-investment-2016.html',
  'govcn-npcsc-special-treasury-bonds-2007.html',
];

let dir: string;
let engine: Engine;
let warnings: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factbot-formats-'));
  for (const f of FILES) cpSync(join(FIXTURES, f), join(dir, f));
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nnot really a PDF');
  writeFileSync(join(dir, 'picture.docx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  ({ engine, warnings } = await buildEngineFromDir(dir));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function top(question: string) {
  const answer = engine.ask(question);
  expect(answer.kind, question).toBe('found');
  return answer.kind === 'found' ? answer.hits[0]! : null;
}

describe('a corpus of .docx, .pdf and .html files', () => {
  it('reads each, and skips the broken ones with a warning naming the file and why', () => {
    expect(engine.documents.map((d) => [d.file, d.format])).toEqual([
      ['govcn-npcsc-special-treasury-bonds-2007.html', 'html'],
      ['qiandongnan-2016-tongjigongbao.docx', 'docx'],
      ['zhoukou-2023-tongjigongbao.pdf', 'pdf'],
      ['zjfgw-deqing-fixed-asset-investment-2016.html', 'html'],
    ]);
    expect(warnings.some((w) => w.startsWith('broken.pdf: ') && w.endsWith(', skipped'))).toBe(true);
    expect(warnings).toContain('picture.docx: named .docx but not a Word .docx document (it is a PNG image), skipped');
  });

  it('answers from the Word file', () => {
    const hit = top('2016年黔东南州地区生产总值是多少？');
    expect(hit?.keyFigure?.raw).toBe('939.05亿元');
    expect(hit?.citation.document).toBe('qiandongnan-2016-tongjigongbao');
  });

  it('answers from the PDF, citing the page', () => {
    const hit = top('周口市年末常住人口是多少？');
    expect(hit?.keyFigure?.raw).toBe('866.60万人');
    expect(hit?.citation).toMatchObject({ document: 'zhoukou-2023-tongjigongbao', page: 1 });
  });

  it('answers from the web pages, without their navigation', () => {
    expect(top('德清县1-10月固定资产投资是多少？')?.fact.text).toContain('246.79亿元');
    expect(top('特别国债发行多少亿元？')?.fact.text).toContain('15500亿元');
    expect(engine.facts.some((f) => /版权所有|网站地图|首页/.test(f.text))).toBe(false);
  });

  it('keeps exact offsets into each document text', () => {
    const byId = new Map(engine.documents.map((d) => [d.id, d]));
    for (const f of engine.facts) expect(byId.get(f.docId)!.text.slice(f.start, f.end)).toBe(f.text);
  });
});
