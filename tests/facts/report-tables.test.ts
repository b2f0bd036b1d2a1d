// A company report's tables (made up here, laid out as annual reports are): years and quarters as column
// headers give each cell its period, a unit in the row's label or on a 单位 line before the table gives its
// unit, a header set on two lines is one, form check boxes are neither headings nor titles, and a group's
// label row ("分产品\t\t") does not break the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { engineFromFiles } from '../helpers/engine.js';

const REPORT = [
  '示例电气股份有限公司2021年年度报告',
  '五、主要会计数据和财务指标',
  '公司是否需追溯调整或重述以前年度会计数据',
  '□是√否',
  '\t2021年\t2020年\t本年比上年增减\t2019年',
  '营业收入（元）\t512,300,100.50\t480,000,000.00\t6.73%\t450,100,000.00',
  '研发人员数量（人）\t88\t70\t25.71%\t66',
  '六、分季度主要财务指标',
  '单位：元\t币种：人民币',
  '\t第一季度\t第二季度\t第三季度\t第四季度',
  '营业收入\t100,000,000.00\t110,000,000.00\t120,000,000.00\t182,300,100.50',
  '营业收入构成',
  '单位：元',
  '\t2021年\t\t2020年\t\t',
  '\t金额\t占营业收入比重\t金额\t占营业收入比重\t同比增减',
  '分产品\t\t\t\t\t',
  '变压器\t300,000,000.00\t58.56%\t280,000,000.00\t58.33%\t0.23%',
  '\t\t\t营业收入比上\t毛利率比上年',
  '\t营业收入\t毛利率\t年同期增减\t同期增减',
  '开关柜\t212,300,100.50\t35.10%\t6.15%\t-1.20%',
  '',
].join('\n');

let engine: Engine;
let remove: () => void;
beforeAll(async () => {
  ({ engine, remove } = await engineFromFiles({ 'report.txt': REPORT }));
});
afterAll(() => remove());

const row = (label: string) => engine.facts.find((f) => f.row && f.text.startsWith(label));

describe('tables of a company report', () => {
  it('reads years as the columns’ periods, the label’s bracketed unit as the cells’ unit, 增减 as growth', () => {
    const fact = row('营业收入（元）')!;
    // After a check box the table's title is its section's heading, never the box.
    expect(fact.row!.title).toBe(fact.section);
    expect(fact.row!.title).not.toMatch(/[□√]/);
    expect(fact.figures.map((f) => [f.value, f.unit, f.measure, f.role, f.period])).toEqual([
      [512300100.5, '元', '营业收入', 'level', '2021年'],
      [480000000, '元', '营业收入', 'level', '2020年'],
      [6.73, '%', '营业收入', 'growth', '2021年'],
      [450100000, '元', '营业收入', 'level', '2019年'],
    ]);
    expect(row('研发人员数量（人）')!.figures[0]).toMatchObject({ value: 88, unit: '人', kind: 'people', measure: '研发人员数量' });
  });

  it('takes a table’s unit and title across its 单位 line (also set as two cells with 币种); quarters are periods of the report’s year', () => {
    const fact = engine.facts.find((f) => f.row?.header.includes('第四季度'))!;
    expect(fact.row!.title).toBe('六、分季度主要财务指标');
    expect(fact.figures[3]).toMatchObject({
      value: 182300100.5,
      unit: '元',
      kind: 'money',
      period: '2021年第四季度',
      periodInherited: false,
    });
  });

  it('merges a header set on two lines, a period band spanning the columns under it', () => {
    const fact = row('变压器')!;
    expect(fact.row!.header).toEqual(['', '2021年金额', '2021年占营业收入比重', '2020年金额', '2020年占营业收入比重', '同比增减']);
    expect(fact.figures.map((f) => [f.role, f.period])).toEqual([
      ['level', '2021年'],
      ['share', '2021年'],
      ['level', '2020年'],
      ['share', '2020年'],
      ['growth', '2021年'],
    ]);
    const split = row('开关柜')!;
    expect(split.row!.header).toEqual(['', '营业收入', '毛利率', '营业收入比上年同期增减', '毛利率比上年同期增减']);
    expect(split.figures[1]).toMatchObject({ value: 35.1, measure: '开关柜毛利率', role: 'level' });
  });

  it('makes no heading of a check box or a group label, and answers from the right column', () => {
    expect(engine.facts.some((f) => f.section === '□是√否' || f.section === '分产品')).toBe(false);
    const q4 = engine.ask('第四季度营业收入是多少？');
    expect(q4.kind === 'found' && q4.hits[0]!.keyFigure?.raw).toBe('182,300,100.50');
    const staff = engine.ask('研发人员数量是多少人？');
    expect(staff.kind === 'found' && staff.hits[0]!.keyFigure?.raw).toBe('88');
    const margin = engine.ask('开关柜的毛利率是多少？');
    expect(margin.kind === 'found' && margin.hits[0]!.keyFigure?.raw).toBe('35.10%');
  });
});
