// English questions on any Chinese corpus: the statistical vocabulary (longest phrase first), places named
// in pinyin, and English wordings that ask for a value.
import { describe, expect, it } from 'vitest';
import { detectAskedKind } from '../../src/question/asked-kind.js';
import { translateEnglish } from '../../src/question/glossary-en.js';
import { placeGlossaryEn } from '../../src/question/places-en.js';

describe('translateEnglish with the statistical vocabulary', () => {
  it('maps the terms of a statistical communiqué with no corpus glossary', () => {
    expect(translateEnglish('What was the GDP in 2016?').terms).toContain('地区生产总值 生产总值 国内生产总值');
    expect(translateEnglish('How much was the value added of the tertiary industry?').terms).toEqual(
      expect.arrayContaining(['增加值', '第三产业']),
    );
    expect(translateEnglish('What were the total retail sales of consumer goods?').terms).toContain('社会消费品零售总额 消费品零售总额');
  });

  it('takes the longest phrase first: a registered urban unemployment rate is 失业率, not 城镇 and a stray word', () => {
    const { terms, unmatched } = translateEnglish('What was the registered urban unemployment rate?');
    expect(terms).toEqual(['失业率']);
    expect(unmatched).toEqual([]);
  });

  it('leaves a word it cannot map unmatched, so the question is not answered by a guess', () => {
    expect(translateEnglish('How many unicorns were there?').unmatched).toEqual(['unicorns']);
  });
});

describe('placeGlossaryEn', () => {
  const glossary = placeGlossaryEn(['周口市', '黔东南州', '城']);
  const place = (q: string) => translateEnglish(q, glossary).terms.find((t) => /周口|黔东南/.test(t));

  it('names a corpus place by its pinyin, with or without its English suffix', () => {
    expect(place("What was Zhoukou's grain output?")).toBe('周口市 周口');
    expect(place('How many tourists came to Zhoukou City?')).toBe('周口市 周口');
    expect(place('How many beds are there in Qiandongnan Prefecture?')).toBe('黔东南州 黔东南');
  });

  it('leaves out a one-character name and marks each entry as a place', () => {
    expect(glossary).toHaveLength(2);
    expect(glossary.every((g) => g.place === true)).toBe(true);
  });
});

describe('detectAskedKind on English questions for a value', () => {
  it.each([
    ['What was the GDP of Qiandongnan in 2016?', 'number'],
    ['What was the registered urban unemployment rate?', 'number'],
    ['What was the PM2.5 concentration in Hebei in 2023?', 'number'],
    ['How much tax revenue did Beijing collect in 2023?', 'number'],
    // A company report's line items.
    ['What was the operating profit in 2023?', 'number'],
    ['What were total assets at the end of 2019?', 'number'],
    ['What were administrative expenses?', 'number'],
    ['What were basic earnings per share?', 'number'],
    ['What are the three leading industries?', 'list'],
    ['Which industry has the largest investment?', 'list'],
  ] as const)('%s → %s', (q, kind) => {
    expect(detectAskedKind(q)).toBe(kind);
  });
});

describe('translateEnglish on a company report', () => {
  it.each([
    ["What was Ankura's operating revenue in 2019?", '营业收入 营业总收入'],
    ['What was the net profit attributable to shareholders in 2019?', '归属于上市公司股东的净利润 归属于母公司所有者的净利润 归母净利润'],
    ['How much did the company spend on R&D?', '研发投入'],
    ['What were R&D expenses?', '研发费用'],
    ['What was revenue in the fourth quarter?', '第四季度'],
  ] as const)('%s → %s', (q, zh) => {
    expect(translateEnglish(q).terms).toContain(zh);
  });
});
