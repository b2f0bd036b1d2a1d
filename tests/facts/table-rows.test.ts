// Table rows (TAB-separated, as copying a web page or a Word table gives) are facts, never headings: each
// cell's number is read with its column's header and the row's label, 其中 rows as parts of the row above.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder } from '../../src/app/respond.js';
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
    // The whole's label already names the column's measure: 肉类总产量, not 肉类总产量产量.
    expect(rowFact('其中：猪肉\t万吨\t14.10\t-6.2')?.figures[0]).toMatchObject({ unit: '万吨', measure: '猪肉产量', partOf: '肉类总产量' });
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

  it('reads a header line that starts with an empty cell as the header, not the table title', () => {
    const fact = rowFact('居民消费价格总指数\t1.5');
    expect(fact?.row).toMatchObject({ title: expect.stringMatching(/^表1\s*凯里市居民消费价格$/), header: ['', '比上年上涨（%）'] });
    expect(fact?.figures[0]).toMatchObject({ value: 1.5, unit: '%', role: 'growth', measure: '居民消费价格总指数' });
  });

  it('joins a header spaced for looks ("单 位", "产 量") and does not repeat the column in the measure', () => {
    const fact = rowFact('肉类总产量\t万吨\t18.99\t-3.4');
    expect(fact?.row?.header).toEqual(['', '单位', '产量', '比上年增长（%）']);
    expect(fact?.figures.map((f) => [f.value, f.unit, f.measure, f.role])).toEqual([
      [18.99, '万吨', '肉类总产量', 'level'],
      [-3.4, '%', '肉类总产量', 'growth'],
    ]);
  });

  it('takes a number in the row label as part of its name, not as a figure', () => {
    const fact = rowFact('全州500万元以上固定资产投资\t9977599\t22.4');
    expect(fact?.figures.map((f) => f.value)).toEqual([9977599, 22.4]);
    expect(fact?.figures[0]).toMatchObject({ unit: '万元', measure: '全州500万元以上固定资产投资完成额' });
  });

  it('finds a figure only the table gives, by its row and its column or title (水泥 under 产量)', () => {
    for (const [q, raw] of [
      ['水泥产量是多少万吨？', '1022.88'],
      ['蔬菜产量有多少吨？', '1871446'],
      ['黄金产量有多少千克？', '4131.71'],
    ] as const) {
      const a = engine.ask(q);
      expect(a.kind, q).toBe('found');
      if (a.kind === 'found') expect(a.hits[0]!.keyFigure?.raw, q).toBe(raw);
    }
  });

  it("heads the answer with the cell's number and the unit its column or unit cell gives", () => {
    const a = engine.ask('牛肉产量是多少？');
    expect(formatReplyText(a)).toContain('答案：【1.82万吨】');
  });

  it('computes over table cells named by their row and their column (猪肉 · 产量)', () => {
    const { reply } = createResponder(engine).respond('猪肉、牛肉、羊肉、禽肉中哪种产量最少？');
    expect(reply.kind).toBe('computed');
    if (reply.kind === 'computed') {
      expect(reply.operands.map((o) => o.figure.raw)).toEqual(['14.10', '1.82', '0.34', '1.97']);
      expect(reply.result?.winners).toEqual(['羊肉']);
    }
  });
});
