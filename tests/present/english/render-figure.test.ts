import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/facts/fact.js';
import { extractFigures } from '../../../src/facts/figures.js';
import { UNREAD_CONTEXT } from '../../../src/facts/figure-context.js';
import { describeSubjectEnglish, renderFigureEnglish, renderTimeEnglish } from '../../../src/present/english/index.js';

/** The figure as the fact extractor parses it, with the subject the fact gives it. */
function figure(text: string, subject: string | null = null): Figure {
  const raw = extractFigures(text)[0];
  if (!raw) throw new Error(`no figure in ${text}`);
  return {
    ...raw,
    time: null,
    subject,
    ...UNREAD_CONTEXT,
    measure: subject,
  };
}

describe('renderFigureEnglish', () => {
  it.each([
    ['常住人口69万人', null, '690,000 people'],
    ['计划总投资414.5亿元', null, 'CNY 41.45 billion'],
    ['市场主体5.49万户', '市场主体', '54,900 market entities'],
    ['新登记企业6200户', '新登记企业', '6,200 enterprises'],
    ['国家高新技术企业412家', '国家高新技术企业', '412 enterprises'],
    ['在建项目91个', '智能制造产业项目', '91 projects'],
    ['院士工作站14个', '院士工作站', '14 workstations'],
    ['占全市的27.4%', null, '27.4%'],
    ['3.4倍', null, '3.4 times'],
    ['803平方公里', null, '803 km²'],
    ['由原来的3个工作日', null, '3 working days'],
    ['一个工作日办结', null, '1 working day'],
    ['压缩至3个小时', null, '3 hours'],
    ['2019年7月30日', null, '30 July 2019'],
    ['2019年6月出台', null, 'June 2019'],
    ['截至2019年7月末', null, 'the end of July 2019'],
    ['近700人', null, 'nearly 700 people'],
    ['5400余万元', null, 'over CNY 54 million'],
    ['约30%', null, 'about 30%'],
    ['两位数增长', '重点产业', 'double-digit'],
    ['三条城际铁路', '城际铁路', '3 railway lines'],
    ['联系企业3060次', '联系企业', '3,060 contacts'],
    ['“1+1+1+6+10+N”双创布局', null, '1+1+1+6+10+N'],
  ])('%s → %s', (text, subject, english) => {
    expect(renderFigureEnglish(figure(text, subject))).toBe(english);
  });

  it('gives a bare number when it cannot name the counted thing', () => {
    expect(renderFigureEnglish(figure('其中国家级19家', null))).toBe('19');
  });
});

describe('renderTimeEnglish', () => {
  it.each([
    ['截至2019年7月30日', 'as of 30 July 2019'],
    ['截至2019年7月末，同比', 'as of the end of July 2019, year on year'],
    ['2019年上半年', 'in the first half of 2019'],
    ['上半年', 'in the first half of the year'],
    ['2018年', 'in 2018'],
    ['2019年6月', 'in June 2019'],
    ['同比', 'year on year'],
    ['目前', 'currently'],
    ['今年以来', 'since the start of this year'],
    ['截至2019年7月30日，比2018年同期', 'as of 30 July 2019, compared with the same period of 2018'],
    ['2019年上半年，为2018年同期', 'in the first half of 2019, relative to the same period of 2018'],
  ])('%s → %s', (time, english) => expect(renderTimeEnglish(time)).toBe(english));

  it('is null for no time or one it cannot read', () => {
    expect(renderTimeEnglish(null)).toBeNull();
    expect(renderTimeEnglish('唐末')).toBeNull();
  });
});

describe('describeSubjectEnglish', () => {
  it.each([
    ['国家高新技术企业', 'national high-tech enterprises'],
    ['常住人口', 'resident population'],
    ['区域总面积', 'total area'],
    ['市场主体', 'market entities'],
    ['计划总投资', 'planned total investment'],
  ])('%s → %s (general vocabulary)', (zh, en) => expect(describeSubjectEnglish(zh)).toBe(en));

  it("takes a corpus's own names first (subjects-en.json)", () => {
    const names = new Map([
      ['智能制造', 'intelligent manufacturing'],
      ['常住人口', 'permanent residents'],
    ]);
    expect(describeSubjectEnglish('智能制造')).toBeNull();
    expect(describeSubjectEnglish('智能制造', names)).toBe('intelligent manufacturing');
    expect(describeSubjectEnglish('常住人口', names)).toBe('permanent residents');
    expect(describeSubjectEnglish('全区常住人口', names)).toBe('permanent residents');
  });

  it('is null for a subject the glossary does not cover', () => {
    expect(describeSubjectEnglish('休闲养老')).toBeNull();
    expect(describeSubjectEnglish(null)).toBeNull();
  });
});
