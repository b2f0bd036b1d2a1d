import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { FactSchema } from '../../src/facts/fact.js';
import { seedEngine } from '../helpers/engine.js';

const text = readFileSync(new URL('../../corpus/hunnan-2019.txt', import.meta.url), 'utf8');
let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('fact records of the seed document', () => {
  it('are valid records whose offsets slice back to their text', () => {
    expect(engine.facts.length).toBeGreaterThan(40);
    for (const fact of engine.facts) {
      FactSchema.parse(fact);
      expect(text.slice(fact.start, fact.end)).toBe(fact.text);
      for (const f of fact.figures) expect(fact.text.slice(f.start, f.end)).toBe(f.raw);
    }
  });

  it('never overlap and come in document order', () => {
    for (let i = 1; i < engine.facts.length; i++) expect(engine.facts[i]!.start).toBeGreaterThanOrEqual(engine.facts[i - 1]!.end);
  });

  it('carry the three inline section headings', () => {
    const sections = [...new Set(engine.facts.map((f) => f.section))];
    expect(sections).toEqual([null, '投资兴业的热土', '打造优质营商环境', '开放创新的主阵地']);
  });

  it('put every Arabic number of the document in exactly one figure', () => {
    const spans = engine.facts.flatMap((fact) => fact.figures.map((f) => [fact.start + f.start, fact.start + f.end] as const));
    const numbers = [...text.matchAll(/[0-9]+(?:\.[0-9]+)?/g)];
    expect(numbers.length).toBeGreaterThan(60);
    for (const m of numbers) {
      const inside = spans.filter(([s, e]) => m.index >= s && m.index + m[0].length <= e);
      expect(inside, `number ${m[0]} at ${m.index}`).toHaveLength(1);
    }
  });

  it('split the talent sentence into clauses at "；"', () => {
    const clause = engine.facts.find((f) => f.text === '国家级专家79人；');
    expect(clause?.figures[0]).toMatchObject({ raw: '79人', value: 79, kind: 'people', subject: '国家级专家' });
  });

  it('carry the time qualifier stated once at the start of a sentence', () => {
    const fact = engine.facts.find((f) => f.text.includes('6200户'))!;
    expect(fact.time).toBe('截至2019年7月末');
    expect(fact.figures.find((f) => f.raw === '6200户')?.time).toBe('截至2019年7月末');
    expect(fact.figures.find((f) => f.raw === '12.2%')?.time).toBe('截至2019年7月末，同比');
  });

  it('parse the figures the issue names', () => {
    const all = engine.facts.flatMap((f) => f.figures);
    const byRaw = (raw: string) => all.find((f) => f.raw === raw);
    expect(byRaw('5.49万户')).toMatchObject({ value: 54900, unit: '户', kind: 'count', approx: false });
    expect(byRaw('414.5亿元')).toMatchObject({ value: 41_450_000_000, unit: '元', kind: 'money' });
    expect(byRaw('27.4%')).toMatchObject({ value: 27.4, kind: 'percent' });
    expect(byRaw('3.4倍')).toMatchObject({ value: 3.4, kind: 'multiple' });
    expect(byRaw('近700人')).toMatchObject({ value: 700, kind: 'people', approx: true });
    expect(byRaw('5400余万元')).toMatchObject({ value: 54_000_000, kind: 'money', approx: true });
    expect(byRaw('3个工作日')).toMatchObject({ value: 3, unit: '工作日', kind: 'duration' });
    expect(byRaw('803平方公里')).toMatchObject({ value: 803, kind: 'area', subject: '区域总面积' });
    expect(byRaw('69万人')).toMatchObject({ value: 690_000, kind: 'people', subject: '常住人口' });
    expect(byRaw('一个工作日')).toMatchObject({ value: 1, kind: 'duration' });
    expect(byRaw('三大')).toMatchObject({ value: 3, kind: 'count' });
    expect(byRaw('三条')).toMatchObject({ value: 3, kind: 'count', subject: '城际铁路' });
    expect(byRaw('两位数')).toMatchObject({ value: 2, kind: 'magnitude' });
    expect(byRaw('2019年7月30日')).toMatchObject({ value: 20190730, kind: 'date' });
  });
});

describe('figures listed together', () => {
  it('play the part of the first: 分别增长24.7%、23.5% are both growth rates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-listed-'));
    try {
      writeFileSync(
        join(dir, 'bulletin.txt'),
        '某州2016年统计公报\n\n全州规模以上工业七大主要行业中，非金属矿物制品业、酒饮料和精制茶制造业分别增长24.7%、23.5%，黑色金属冶炼和压延加工业下降5.6%。\n',
      );
      const { engine: local } = await buildEngineFromDir(dir);
      const figures = local.facts.flatMap((f) => f.figures).filter((f) => f.kind === 'percent');
      expect(figures.map((f) => [f.raw, f.role, f.value])).toEqual([
        ['24.7%', 'growth', 24.7],
        ['23.5%', 'growth', 23.5],
        ['5.6%', 'growth', -5.6],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
