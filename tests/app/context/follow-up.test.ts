import { beforeAll, describe, expect, it } from 'vitest';
import { chineseBody, englishBody } from '../../../src/question/follow-up-cues.js';
import { resolveFollowUp } from '../../../src/app/context/follow-up.js';
import type { Synonym } from '../../../src/question/synonyms.js';
import { seedGlossary } from '../compute/pipeline.js';

let glossaryEn: Synonym[];
beforeAll(async () => {
  glossaryEn = await seedGlossary();
});

const rewrite = (prev: string | null, q: string) => resolveFollowUp(prev, q, { glossaryEn });

describe('chineseBody / englishBody', () => {
  it.each([
    ['那计划投资呢？', '计划投资'],
    ['新能源汽车呢？', '新能源汽车'],
    ['那么生物医药与健康医疗的呢', '生物医药与健康医疗'],
    ['还有院士工作站', '院士工作站'],
    ['那2018年呢？', '2018年'],
  ])('"%s" is a follow-up about "%s"', (q, body) => expect(chineseBody(q)).toBe(body));

  it.each([
    '浑南区常住人口多少？',
    '那新能源汽车有多少个呢？',
    '浑南区是最年轻的新城区吗？',
    '那关于浑南区的开放创新主阵地建设的详细情况呢？',
  ])('"%s" is a question of its own', (q) => expect(chineseBody(q)).toBeNull());

  it.each([
    ['What about new energy vehicles?', 'new energy vehicles'],
    ['and the investment?', 'investment'],
    ['How about for SMEs?', 'SMEs'],
  ])('"%s" is a follow-up about "%s"', (q, body) => expect(englishBody(q)).toBe(body));

  it.each(['How many people live in Hunnan?', 'And how many projects are under construction in intelligent manufacturing?'])(
    '"%s" is a question of its own',
    (q) => expect(englishBody(q)).toBeNull(),
  );
});

describe('resolveFollowUp', () => {
  it('keeps the subject and swaps the measure: 那计划投资呢', () => {
    expect(rewrite('智能制造在建项目有多少个？', '那计划投资呢？')).toEqual({ question: '智能制造计划投资有多少？', usedContext: true });
  });

  it('keeps the measure and swaps the subject: 新能源汽车呢', () => {
    expect(rewrite('智能制造在建项目有多少个？', '新能源汽车呢？')).toEqual({
      question: '新能源汽车在建项目有多少个？',
      usedContext: true,
    });
  });

  it('finds the subject after 多少家 when the noun follows', () => {
    expect(rewrite('浑南区有多少家国家高新技术企业？', '科技型中小企业呢？').question).toBe('浑南区有多少家科技型中小企业？');
  });

  it('keeps the setting (浑南区) and swaps a measure the question names', () => {
    expect(rewrite('浑南区常住人口多少人？', '那面积呢？').question).toBe('浑南区面积多少？');
    expect(rewrite('浑南区住了多少人？', '那面积呢？').question).toBe('浑南区面积是多少？');
  });

  it('keeps a computation a computation', () => {
    expect(rewrite('三大主导产业在建项目一共有多少个？', '那计划投资呢？').question).toBe('三大主导产业计划投资一共有多少？');
    expect(rewrite('三大主导产业中哪个计划投资最多？', '那在建项目呢？').question).toBe('三大主导产业中哪个在建项目最多？');
    expect(rewrite('三大主导产业中哪个计划投资最多？', '新能源汽车呢？').question).toBe('新能源汽车计划投资是多少？');
  });

  it('lets a fragment that names both subject and measure stand on its own', () => {
    expect(rewrite('智能制造在建项目有多少个？', '那新能源汽车的计划投资呢？').question).toBe('新能源汽车的计划投资是多少？');
    expect(rewrite('智能制造在建项目有多少个？', '浑南区常住人口呢？').question).toBe('浑南区常住人口是多少？');
  });

  it('asks the same question about another time', () => {
    expect(rewrite('2019年上半年新认定了多少家国家高新技术企业？', '那2018年呢？').question).toBe('2018年新认定了多少家国家高新技术企业？');
  });

  it('reads Traditional follow-ups', () => {
    expect(rewrite('智能製造在建項目有多少個？', '那計劃投資呢？').question).toBe('智能制造计划投资有多少？');
  });

  it('swaps English subjects and measures through the glossary', () => {
    const prev = 'How many projects are under construction in intelligent manufacturing?';
    expect(rewrite(prev, 'What about new energy vehicles?').question).toBe(
      'How many projects are under construction in new energy vehicles?',
    );
    expect(rewrite(prev, 'And the investment?').question).toBe('How much is the investment in intelligent manufacturing?');
    expect(rewrite('How many national high-tech enterprises are there?', 'What about SMEs?').question).toBe('How many SMEs are there?');
  });

  it('crosses languages: a Chinese fragment after an English question and the other way round', () => {
    expect(rewrite('How many projects are under construction in intelligent manufacturing?', '新能源汽车呢？').question).toBe(
      '新能源汽车在建项目有多少？',
    );
    expect(rewrite('智能制造在建项目有多少个？', 'what about new energy vehicles?').question).toBe('新能源汽车在建项目有多少个？');
  });

  it('leaves a full question alone, whatever came before', () => {
    expect(rewrite('智能制造在建项目有多少个？', '浑南区常住人口多少？')).toEqual({ question: '浑南区常住人口多少？', usedContext: false });
    expect(rewrite('智能制造在建项目有多少个？', 'How many people live in Hunnan?').usedContext).toBe(false);
  });

  it('leaves a follow-up alone when there is no previous question', () => {
    expect(rewrite(null, '那计划投资呢？')).toEqual({ question: '那计划投资呢？', usedContext: false });
    expect(rewrite('  ', '新能源汽车呢？').usedContext).toBe(false);
  });
});
