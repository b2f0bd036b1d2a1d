// The figures export (src/present/facts-csv.ts, `npm run facts`): header, BOM, a known row of the Hunnan profile,
// quoting read back by a real CSV parser, JSON lines that hold to their schema.
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import type { Fact, Figure } from '../../src/facts/fact.js';
import { CSV_BOM, FIGURE_COLUMNS, figureRows, FigureRowSchema, formatFiguresCsv, formatFiguresJsonl } from '../../src/present/facts-csv.js';
import { seedEngine } from '../helpers/engine.js';

const root = new URL('../..', import.meta.url).pathname;

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

const HEADER =
  'document,title,section,paragraph,sentence,clause,fact,start,end,raw,value,unit,kind,approx,measure,subject,role,partOf,' +
  'entity,entityInherited,period,periodInherited,base,time,text';

function records(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return parse(csv.slice(CSV_BOM.length), { relax_column_count: false }) as string[][];
}

describe('figures as CSV', () => {
  it('starts with the byte-order mark and the header, one row per figure after it', () => {
    const csv = formatFiguresCsv(engine);
    expect(csv.startsWith(`${CSV_BOM}${HEADER}\r\n`)).toBe(true);
    const rows = records(csv);
    expect(rows[0]).toEqual(FIGURE_COLUMNS);
    const figures = engine.facts.reduce((n, f) => n + f.figures.length, 0);
    expect(figures).toBeGreaterThan(40);
    expect(rows).toHaveLength(figures + 1);
  });

  it('gives the Hunnan area with its document, place in the text, offsets and reading', () => {
    const rows = records(formatFiguresCsv(engine));
    const row = Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [c, rows.find((r) => r[9] === '803平方公里')![i]]));
    expect(row).toMatchObject({
      document: 'hunnan-2019',
      section: '',
      paragraph: '1',
      sentence: '1',
      fact: 'hunnan-2019:1.1.1',
      raw: '803平方公里',
      value: '803',
      unit: '平方公里',
      kind: 'area',
      measure: '区域总面积',
      role: 'level',
      entity: '浑南区',
    });
    const doc = engine.documents.find((d) => d.id === 'hunnan-2019')!;
    expect(doc.text.slice(Number(row.start), Number(row.end))).toBe('803平方公里');
    expect(row.text).toContain('区域总面积803平方公里');
  });

  it('quotes commas, quotes and line breaks so a parser reads each cell back whole', () => {
    const text = '甲，乙,丙 "丁" 共5个\n第二行';
    const figure: Figure = {
      raw: '5个',
      value: 5,
      unit: '个',
      kind: 'count',
      approx: false,
      start: text.indexOf('5个'),
      end: text.indexOf('5个') + 2,
      time: null,
      subject: 'a,"b"',
      measure: '说明,含"引号"',
      role: 'level',
      partOf: null,
      entity: null,
      entityInherited: false,
      period: '2019年',
      periodInherited: true,
      base: null,
    };
    const fact: Fact = {
      id: 'd:1.1.1',
      docId: 'd',
      section: '一、概况,总体',
      paragraph: 1,
      sentence: 1,
      clause: 1,
      text,
      start: 0,
      end: text.length,
      figures: [figure],
      time: null,
      subject: null,
    };
    const doc: CorpusDocument = { id: 'd', title: '标题,"带引号"', publisher: null, period: null, file: 'd.txt', text };
    const csv = formatFiguresCsv({ documents: [doc], facts: [fact] });
    expect(csv).toContain('"标题,""带引号"""');
    const [, row] = records(csv);
    const cells = Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [c, row![i]]));
    expect(cells).toMatchObject({ title: '标题,"带引号"', section: '一、概况,总体', measure: '说明,含"引号"', subject: 'a,"b"', text });
    expect(cells.partOf).toBe('');
    expect(cells.periodInherited).toBe('true');
  });
});

describe('figures as JSON lines', () => {
  it('writes one schema-valid object per figure, the same rows as the CSV', () => {
    const lines = formatFiguresJsonl(engine).trimEnd().split('\n');
    const rows = lines.map((line) => FigureRowSchema.parse(JSON.parse(line)));
    expect(rows).toEqual(figureRows(engine));
    expect(Object.keys(rows[0]!)).toEqual(FIGURE_COLUMNS);
    expect(rows.find((r) => r.raw === '412家')).toMatchObject({ value: 412, unit: '家', kind: 'count', document: 'hunnan-2019' });
  });
});

describe('npm run facts', () => {
  const facts = (args: string[]) => {
    const r = spawnSync('node', ['dist/cli/facts.js', '--no-cache', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      maxBuffer: 64 << 20,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('writes the CSV of the seed corpus by default, JSON lines with --format jsonl', () => {
    const csv = facts([]);
    expect(csv.code).toBe(0);
    expect(csv.out).toBe(formatFiguresCsv(engine));
    const jsonl = facts(['--format', 'jsonl']);
    expect(jsonl.code).toBe(0);
    expect(jsonl.out).toBe(formatFiguresJsonl(engine));
  });

  it('refuses an unknown format with a short message', () => {
    const r = facts(['--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format takes csv or jsonl');
    expect(r.out).toBe('');
  });
});
