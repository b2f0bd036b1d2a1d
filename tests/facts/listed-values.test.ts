// Values listed against names listed: each value takes the measure with its own name in place of the list.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import { sharedTokenizer } from '../../src/answer/build-engine.js';
import type { CorpusDocument } from '../../src/corpus/document.js';

const measures = (sentence: string) => {
  const doc: CorpusDocument = {
    id: 'd',
    title: '某州统计公报',
    publisher: null,
    period: null,
    file: 'd.txt',
    text: `某州统计公报\n${sentence}\n`,
  };
  const tag = sharedTokenizer().tag;
  return extractFacts(doc, tag)
    .flatMap((f) => f.figures)
    .map((f) => [f.raw, f.measure]);
};

describe('distributeListedValues', () => {
  it('gives each industry its own value (第一、二、三次产业…分别为)', () => {
    expect(measures('在三次产业中，第一、二、三次产业对经济增长的贡献率分别为8.9%、27.7%和63.4%。')).toEqual([
      ['8.9%', '第一产业对经济增长的贡献率'],
      ['27.7%', '第二产业对经济增长的贡献率'],
      ['63.4%', '第三产业对经济增长的贡献率'],
    ]);
  });

  it('names listed as many as the values, the first and last cut to the length of the ones between', () => {
    expect(measures('全州小学、初中和高中在校学生分别为10.2万人、8.1万人和5.3万人。')).toEqual([
      ['10.2万人', '小学在校学生'],
      ['8.1万人', '初中在校学生'],
      ['5.3万人', '高中在校学生'],
    ]);
  });

  it('leaves values alone where the names listed are not as many', () => {
    const m = measures('全州小学、初中在校学生分别为10.2万人、8.1万人和5.3万人。');
    expect(m.map(([, measure]) => measure)).not.toContain('小学在校学生');
  });
});
