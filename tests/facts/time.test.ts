// findTimeMentions: the words that say when a figure holds, or what it is compared with.
import { describe, expect, it } from 'vitest';
import { findTimeMentions } from '../../src/facts/time.js';

const texts = (text: string) => findTimeMentions(text).map((m) => `${m.text}/${m.role}`);

describe('findTimeMentions', () => {
  it('reads a year, a part of a year, months and a comparison', () => {
    expect(texts('2019年上半年，同比增长5%')).toEqual(['2019年上半年/point', '同比/compare']);
    expect(texts('1-10月，比上年同期增长')).toEqual(['1-10月/point', '比上年同期/compare']);
  });

  it('reads a span of years as one time: the figure holds for both', () => {
    expect(texts('百老汇在2009年到2010年的剧季的票房收益')).toEqual(['2009年到2010年/point']);
    expect(texts('1998年-2008年间，年均增长率在20%以上')).toEqual(['1998年-2008年间/point']);
  });
});
