// A company's annual report (a made-up one, in the layout such reports use): its figures are in tables, and it is
// about a company, not a place. Its figures are still verified for measure and breakdown: a row is no answer to a
// question about something the row does not measure, even when its table's title names it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';

const REPORT = [
  '青石电气股份有限公司2023年年度报告（节选：第二节 公司简介和主要财务指标；第四节 经营情况讨论与分析 一至二；第五节 重要事项 一至三）',
  '第二节 公司简介和主要财务指标',
  '一、公司信息',
  '股票简称\t\t青石电气\t股票代码\t688999',
  '公司的中文名称\t青石电气股份有限公司\t\t',
  '第四节 经营情况讨论与分析',
  '一、概述',
  '2023年，公司坚持创新驱动，主营业务稳步增长，全年实现营业收入1.6亿元。',
  '前五名供应商采购额5,000.00万元，占年度采购总额30.00%。',
  '其中前五名供应商采购额中关联方采购额0万元，占年度采购总额0%。',
  '（2）占公司营业收入或营业利润10%以上的行业、产品或地区情况',
  '单位：元',
  '\t营业收入\t营业成本\t毛利率',
  '变压器产品\t100,000,000.00\t60,000,000.00\t40.00%',
  '开关柜产品\t60,000,000.00\t45,000,000.00\t25.00%',
  '近三年公司研发投入情况',
  '\t2023年\t2022年\t2021年',
  '研发人员数量（人）\t120\t100\t90',
  '研发投入金额（元）\t12,000,000.00\t10,000,000.00\t9,000,000.00',
].join('\n');

let engine: Engine;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factbot-report-'));
  writeFileSync(join(dir, 'qingshi-2023.txt'), `${REPORT}\n`);
  engine = (await buildEngineFromDir(dir)).engine;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keyOf = (question: string): string | null => {
  const answer = engine.ask(question);
  return answer.kind === 'found' ? (answer.hits[0]!.keyFigure?.raw ?? answer.hits[0]!.fact.text) : null;
};

describe('a company report', () => {
  it('is asked in English in the terms of its statements', () => {
    expect(keyOf('How many R&D staff did the company have in 2023?')).toBe('120');
    expect(keyOf('How much did the company invest in R&D in 2023?')).toBe('12,000,000.00');
  });

  // A glossary term's wordings are checked whole (营业利润), not word by word (营业 of the 营业成本 column).
  it('says "not stated" in English too for what only a table title names', () => {
    expect(keyOf('What was the operating profit in 2023?')).toBeNull();
  });

  it('is titled by its first line without the note in brackets', () => {
    expect(engine.documents[0]!.title).toBe('青石电气股份有限公司2023年年度报告');
  });

  it('answers from its tables, a label–value row included, the company called 公司', () => {
    expect(keyOf('公司股票代码是多少？')).toBe('688999');
    expect(keyOf('变压器产品的营业收入是多少？')).toBe('100,000,000.00');
    expect(keyOf('2023年研发人员数量是多少？')).toBe('120');
    // 关联方采购额 is a part of the top five's purchases (X中Y), no answer to a question about the whole.
    expect(keyOf('前五名供应商的采购额是多少？')).toBe('5,000.00万元');
    expect(keyOf('前五名供应商中关联方采购额是多少？')).toBe('0万元');
  });

  it('says "not stated" for what no row measures, though a table title or a row label names part of it', () => {
    // 营业利润 is named in the table's title only; the rows give 营业收入, 营业成本 and 毛利率.
    expect(keyOf('2023年公司营业利润是多少？')).toBeNull();
    // 研发人员数量 is not broken down by degree.
    expect(keyOf('研发人员中博士有多少人？')).toBeNull();
    // A fifth quarter does not exist; 营业收入 of the year is not it.
    expect(keyOf('2023年第五季度营业收入是多少？')).toBeNull();
  });
});
