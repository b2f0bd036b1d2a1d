// How people word questions about a bulletin's figures: 前十个月 for 1-10月, 全年计划 for 年度计划, 百分之几, 几个百分点,
// 占比降到了多少, 投资结构 for a ratio of parts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder } from '../../src/app/respond.js';
import { spellOutCoordination } from '../../src/question/glossary-en.js';
import { engineFromFiles } from '../helpers/engine.js';

const TEXT = [
  '# 2016年1-10月某县固定资产投资运行情况',
  '1-10月，全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%。',
  '其中第三产业投资完成119.90亿元，三次产业投资占比由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6。',
  '生产性服务业完成投资39.66亿元，占第三产业完成投资的33.1%。',
  '全县常住人口城镇化率为61.5%，比上年提高1.2个百分点。',
  '',
].join('\n');

const BULLETIN = [
  '# 2016年某县国民经济和社会发展统计公报',
  '全年全县地区生产总值239.05亿元，比上年增长8.3%。',
  '在三次产业中，第一、二、三次产业对经济增长的贡献率分别为8.9%、27.7%和63.4%。',
  '年末全县常住人口52.3万人。',
  '',
].join('\n');

let engine: Engine;
let remove: () => void;
beforeAll(async () => {
  ({ engine, remove } = await engineFromFiles({ 'county-2016.txt': TEXT, 'bulletin-2016.txt': BULLETIN }));
});
afterAll(() => remove());

const key = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'found' ? a.hits[0]!.keyFigure?.raw : `(${a.kind}${a.kind === 'not-found' ? `: ${a.reason ?? ''}` : ''})`;
};

describe('a bulletin asked in everyday words', () => {
  it('reads 前十个月 as 1-10月 and 全年计划 as the year’s plan, not a period asked', () => {
    expect(key('某县今年前十个月的投资完成了全年计划的百分之几？')).toBe('82.3%');
  });

  it('takes 投资结构 for the ratio of the three industries, and 占比降到了多少 for its part', () => {
    expect(key('2016年1-10月某县三次产业投资结构调整为什么比例？')).toBe('0.7:50.7:48.6');
    expect(key('今年1-10月某县第一产业投资占比降到了多少？')).toBe('0.7');
  });

  it('answers a value listed against names listed with its own (第三产业 of 第一、二、三次产业…分别为)', () => {
    expect(key('第三产业对经济增长的贡献率是多少？')).toBe('63.4%');
    expect(key('第一产业对经济增长的贡献率是多少？')).toBe('8.9%');
  });

  it('reads 几个百分点 as the unit of a change, not things counted', () => {
    expect(key('某县城镇化率比上年提高了几个百分点？')).toBe('1.2个百分点');
  });
});

describe('computations over a bulletin with no glossary beside it', () => {
  const computed = (q: string) => {
    const { reply } = createResponder(engine).respond(q);
    return reply.kind === 'computed' ? { result: reply.result?.value ?? null, raws: reply.operands.map((o) => o.figure.raw) } : reply.kind;
  };

  it('adds up parts of a ratio, each named by its measure (not 占第三产业…的33.1%, a share of one of them)', () => {
    expect(computed('某县第二和第三产业投资占比合计是多少？')).toEqual({ result: 99.3, raws: ['50.7', '48.6'] });
  });

  it('reads an English sum of shares through the statistical vocabulary: "the secondary and tertiary industries combined"', () => {
    expect(spellOutCoordination('the secondary and tertiary industries combined')).toBe(
      'the secondary industry and tertiary industry combined',
    );
    expect(computed('How much of the fixed-asset investment (in percent) went to the secondary and tertiary industries combined?')).toEqual(
      {
        result: 99.3,
        raws: ['50.7', '48.6'],
      },
    );
  });

  it('reads "what share of W went to P" with P the part', () => {
    const share = computed('What share of fixed-asset investment went to the tertiary industry?');
    expect(share).not.toBe('not-found');
    if (typeof share === 'object') expect(share.result).toBeLessThan(100);
  });
});
