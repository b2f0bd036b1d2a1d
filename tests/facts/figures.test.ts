import { describe, expect, it } from 'vitest';
import { extractFigures, parseChineseNumber } from '../../src/facts/figures.js';

const raws = (text: string) => extractFigures(text).map((f) => f.raw);

describe('extractFigures', () => {
  it('scales 万 and 亿 out of the value', () => {
    expect(extractFigures('共有1.2亿元')[0]).toMatchObject({ raw: '1.2亿元', value: 120_000_000, unit: '元' });
    expect(extractFigures('百亿元以上')[0]).toMatchObject({ value: 1e10, kind: 'money' });
  });

  it('reads the currencies of an encyclopedia as money, in either script', () => {
    expect(extractFigures('票房收益大约是$10.2亿美金')[0]).toMatchObject({ raw: '10.2亿美金', kind: 'money', unit: '美金' });
    expect(extractFigures('從2.2億韓圓增加到35.3億韓圓')[1]).toMatchObject({ value: 3_530_000_000, kind: 'money', unit: '韩圆' });
    expect(extractFigures('注册资本为30亿越南盾')[0]).toMatchObject({ kind: 'money', unit: '越南盾' });
  });

  it('reads a year of the Republic of China as a date (1911 + its number), in digits or Chinese numerals', () => {
    expect(extractFigures('民國28年6月21日，日軍進攻汕頭')[0]).toMatchObject({ raw: '民國28年6月21日', kind: 'date', value: 19390621 });
    expect(extractFigures('民國四十三年9月，省政府遷至臺北')[0]).toMatchObject({ raw: '民國四十三年9月', value: 19540900 });
    expect(extractFigures('民国元年，改设青海办事长官')[0]).toMatchObject({ raw: '民国元年', value: 19120000 });
    expect(raws('国民政府迁都')).toEqual([]);
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

  it('signs a number written with a minus sign, not a range or a code', () => {
    expect(extractFigures('自然增长率-0.57‰。')[0]).toMatchObject({ raw: '-0.57‰', value: -0.57, unit: '‰' });
    expect(extractFigures('国有企业\t−2.0')[0]).toMatchObject({ raw: '−2.0', value: -2 });
    expect(extractFigures('下降－1.5亿元')[0]).toMatchObject({ value: -150_000_000 });
    expect(raws('2013-2016年为调查数据')).toEqual(['2013-2016年']);
    expect(extractFigures('2013-2016年')[0]).toMatchObject({ kind: 'date' });
    expect(extractFigures('G-3高速')[0]).toMatchObject({ raw: '3', value: 3 });
  });

  it('reads a span of months as one date and a ratio of three parts as one ratio', () => {
    expect(extractFigures('1-10月，全县固定资产投资完成246.79亿元')).toMatchObject([
      { raw: '1-10月', kind: 'date' },
      { raw: '246.79亿元', kind: 'money' },
    ]);
    expect(raws('2016年1至9月份')).toEqual(['2016年1至9月份']);
    expect(extractFigures('由1.1:50.3:48.6调整为0.7:50.7:48.6')).toMatchObject([
      { raw: '1.1:50.3:48.6', kind: 'ratio' },
      { raw: '0.7:50.7:48.6', kind: 'ratio' },
    ]);
  });

  it('reads a place in a ranking as a rank, and no other ordinal', () => {
    expect(extractFigures('同比增长15.3%，位列三县两区第一。')[1]).toMatchObject({ raw: '第一', value: 1, kind: 'rank' });
    expect(extractFigures('居全省第3位')[0]).toMatchObject({ raw: '第3位', value: 3, kind: 'rank' });
    expect(extractFigures('排名全国第十二名')[0]).toMatchObject({ raw: '第十二名', value: 12, kind: 'rank' });
    expect(raws('人才是第一资源，第一产业增加值')).toEqual([]);
    expect(extractFigures('位列沈阳市各区县（市）之首')[0]).toMatchObject({ raw: '之首', value: 1, kind: 'rank' });
    expect(extractFigures('数量连续三届居全国首位')[1]).toMatchObject({ raw: '首位', value: 1, kind: 'rank' });
    expect(raws('城市首位度')).toEqual([]);
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

  it('keeps a scaled value exact (290.16亿元 is 29016000000, not 29016000000.000004)', () => {
    expect(extractFigures('零售总额290.16亿元')[0]?.value).toBe(29016000000);
    expect(extractFigures('存款余额1466.64亿元')[0]?.value).toBe(146664000000);
  });

  it('does not take a note marker or a list number for a figure', () => {
    expect(raws('[2]2023年地区生产总值为初步核算数据')).toEqual(['2023年']);
    expect(raws('5.城镇居民人均可支配收入为调查数据')).toEqual([]);
    expect(raws('增长5.3%')).toEqual(['5.3%']);
  });

  it('reads the compound units of statistics', () => {
    const units = (text: string) => extractFigures(text).map((f) => [f.raw, f.unit, f.kind]);
    expect(units('旅客周转量139.6亿人公里')).toEqual([['139.6亿人公里', '人公里', 'count']]);
    expect(units('货物周转量175.26亿吨公里')).toEqual([['175.26亿吨公里', '吨公里', 'count']]);
    expect(units('获得金牌26枚，床位23008张')).toEqual([
      ['26枚', '枚', 'count'],
      ['23008张', '张', 'count'],
    ]);
    expect(units('人口出生率为8.47‰')).toEqual([['8.47‰', '‰', 'percent']]);
    expect(units('人均消费支出15000元/人')).toEqual([['15000元/人', '元/人', 'money']]);
  });

  it('reads the units and scales of a document in Traditional characters, at its own offsets', () => {
    const figures = extractFigures('約1138公頃土地，人口27萬人，共有22條路線');
    expect(figures.map((f) => [f.raw, f.value, f.unit, f.kind, f.approx])).toEqual([
      ['約1138公頃', 1138, '公顷', 'area', true],
      ['27萬人', 270000, '人', 'people', false],
      ['22條', 22, '条', 'count', false],
    ]);
  });
});
