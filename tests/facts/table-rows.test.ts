// Table rows (TAB-separated, as copying a web page or a Word table gives) are facts, never headings: each
// cell's number is read with its column's header and the row's label, 其中 rows as parts of the row above.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { formatReplyText } from '../../src/present/reply-format.js';

const FILE = 'qiandongnan-2016-tongjigongbao.txt';
let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factbot-rows-'));
  copyFileSync(new URL(`../fixtures/documents/${FILE}`, import.meta.url).pathname, join(dir, FILE));
  ({ engine } = await buildEngineFromDir(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowFact = (text: string) => engine.facts.find((f) => f.text === text);

describe('table rows of the Qiandongnan 2016 bulletin', () => {
  it('never makes a row a section heading', () => {
    expect(engine.facts.filter((f) => f.section?.includes('\t'))).toEqual([]);
    expect(engine.facts.filter((f) => f.row).length).toBeGreaterThan(100);
  });

  it('reads a row with its header: the level with its unit, the growth rate as one', () => {
    const fact = rowFact('茶叶\t13910\t27.4');
    expect(fact?.section).toBe('表3主要农产品产量');
    const [level, growth] = fact!.figures;
    expect(level).toMatchObject({ value: 13910, unit: '吨', measure: '茶叶产量', role: 'level' });
    expect(growth).toMatchObject({ value: 27.4, unit: '%', kind: 'percent', measure: '茶叶产量', role: 'growth', base: '比上年' });
  });

  it('reads a 其中 row as a part of the row above, and a decline as negative', () => {
    expect(rowFact('其中：夏粮\t206624\t6.2')?.figures[0]).toMatchObject({ measure: '夏粮产量', partOf: '粮食产量' });
    expect(rowFact('烤烟\t21050\t-5.7')?.figures[1]).toMatchObject({ value: -5.7, role: 'growth' });
  });

  it('shows a row as a readable line: each cell after its column header', () => {
    const fact = rowFact('茶叶\t13910\t27.4')!;
    const hit = {
      fact,
      citation: {
        document: fact.docId,
        title: 't',
        publisher: null,
        section: fact.section,
        paragraph: 1,
        sentence: 1,
        clause: null,
        start: fact.start,
        end: fact.end,
      },
      keyFigure: fact.figures[0]!,
      score: 1,
      why: { terms: 0, document: 0, kind: 0, time: 0, coverage: 0, focus: 0, matched: [] },
    };
    const text = formatReplyText({ kind: 'found', question: 'q', asked: 'count', hits: [hit] });
    expect(text).toContain('“茶叶 · 产量（吨） 【13910】 · 比上年增长（%） 27.4”');
  });
});
