// A value and what it became ("由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6", "由50.1%提高到52.3%"): the new value
// measures what the old one did, the old one is of the time 由 names, and a question's 去年 or 今年 is read against
// the document's year — so last year's value is never given for this year's, nor the other way round. The parts of
// an industry structure (三次产业…0.7:50.7:48.6) are each industry's share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder } from '../../src/app/respond.js';
import { formatReplyText } from '../../src/present/reply-format.js';
import { engineFromFiles } from '../helpers/engine.js';

const TEXT = [
  '# 2016年1-10月某县固定资产投资运行情况',
  '2016年1-10月，某县固定资产投资完成246.79亿元，同比增长15.3%。三次产业投资占比由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6，三产占比与去年持平。',
  '全县城镇化率由50.1%提高到52.3%，农村公路由原来的1200公里增加到1500公里。',
  '三大产业用地比例为1:2:3。',
  '',
].join('\n');

let engine: Engine;
let remove: () => void;
beforeAll(async () => {
  ({ engine, remove } = await engineFromFiles({ 'county-2016.txt': TEXT }));
});
afterAll(() => remove());

const figure = (raw: string) => engine.facts.flatMap((f) => f.figures).find((f) => f.raw === raw);
const key = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'found' ? a.hits[0]!.keyFigure?.raw : `(${a.kind}${a.kind === 'not-found' ? `: ${a.reason ?? ''}` : ''})`;
};

describe('a value changed into another', () => {
  it('gives the new value the old one’s measure, and the old one the year before', () => {
    expect(figure('1.1:50.3:48.6')).toMatchObject({ measure: '三次产业投资占比', period: '2016年1-10月'.replace('2016', '2015') });
    expect(figure('0.7:50.7:48.6')).toMatchObject({ measure: '三次产业投资占比', period: '2016年1-10月' });
    expect(figure('52.3%')).toMatchObject({ measure: figure('50.1%')!.measure });
  });

  it('answers this year’s question with the new value and last year’s with the old one', () => {
    expect(key('某县三次产业投资占比是多少？')).toBe('0.7:50.7:48.6');
    expect(key('今年1-10月某县三次产业投资占比是多少？')).toBe('0.7:50.7:48.6');
    expect(key('去年同期某县三次产业投资占比是多少？')).toBe('1.1:50.3:48.6');
    expect(key('某县城镇化率是多少？')).toBe('52.3%');
    // A comparison's base is no year asked: 比去年, "compared with the same period last year".
    expect(key('某县固定资产投资比去年同期增长了多少？')).toBe('15.3%');
    expect(key('How much did the county’s fixed-asset investment grow compared with the same period last year?')).toBe('15.3%');
  });

  it('reads each industry’s share out of a structure ratio, for its own year, and the ratio for the structure', () => {
    expect(figure('50.7')).toMatchObject({ kind: 'percent', unit: '%', role: 'share', measure: '第二产业投资', period: '2016年1-10月' });
    expect(figure('50.3')).toMatchObject({ measure: '第二产业投资', period: '2015年1-10月' });
    expect(key('某县第二产业投资占比是多少？')).toBe('50.7');
    expect(key('去年同期某县第一产业投资占比是多少？')).toBe('1.1');
    expect(key('What was the secondary industry’s share of the county’s investment in January–October 2016?')).toBe('50.7');
    expect(key('去年同期某县三次产业投资占比是多少？')).toBe('1.1:50.3:48.6');
    // A ratio whose parts do not add up to 100 is no structure of shares.
    expect(engine.facts.flatMap((f) => f.figures).filter((f) => f.role === 'share' && f.measure?.startsWith('第'))).toHaveLength(6);
  });

  it('computes with the parts: a sum of two industries’ shares, a whole less a part', () => {
    const responder = createResponder(engine);
    const sum = responder.respond('某县第一、二产业投资占比合计是多少？').reply;
    expect(sum.kind === 'computed' && [sum.result?.text, sum.operands.map((o) => o.figure.raw)]).toEqual(['51.4%', ['0.7', '50.7']]);
  });

  it('marks the part, not the ratio around it', () => {
    const a = engine.ask('某县第二产业投资占比是多少？');
    expect(a.kind).toBe('found');
    if (a.kind === 'found') expect(formatReplyText(a)).toContain('调整为0.7:【50.7】:48.6');
  });

  it('refuses a year the document does not give, relative or not', () => {
    expect(key('2014年某县三次产业投资占比是多少？')).toBe('(not-found: period)');
  });
});
