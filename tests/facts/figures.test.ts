import { describe, expect, it } from 'vitest';
import { extractFigures, parseChineseNumber } from '../../src/facts/figures.js';

const raws = (text: string) => extractFigures(text).map((f) => f.raw);

describe('extractFigures', () => {
  it('scales 万 and 亿 out of the value', () => {
    expect(extractFigures('共有1.2亿元')[0]).toMatchObject({ raw: '1.2亿元', value: 120_000_000, unit: '元' });
    expect(extractFigures('百亿元以上')[0]).toMatchObject({ value: 1e10, kind: 'money' });
  });

  it('keeps approximation markers with the figure', () => {
    expect(extractFigures('约30%')[0]).toMatchObject({ raw: '约30%', approx: true });
    expect(extractFigures('超过100家')[0]).toMatchObject({ raw: '超过100家', approx: true });
  });

  it('treats formulas as one label figure', () => {
    expect(extractFigures('形成“1+1>2”的效应')[0]).toMatchObject({ raw: '1+1>2', kind: 'label' });
  });

  it('ignores idioms, ordinals and campaign names', () => {
    expect(raws('一批项目，人才是第一资源，万人进万企，一企一策，一带一路')).toEqual([]);
  });

  it('reads full-width digits', () => {
    expect(extractFigures('１２个')[0]).toMatchObject({ value: 12, unit: '个' });
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['三', 3],
    ['十六', 16],
    ['两', 2],
    ['一百二十', 120],
    ['三千五百万', 35_000_000],
    ['百亿', 1e10],
  ])('%s → %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));
  it('is NaN for other text', () => expect(parseChineseNumber('三个')).toBeNaN());
});
