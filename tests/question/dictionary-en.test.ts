// The general English dictionary (CC-CEDICT, data/cedict): senses reduced to stemmed content words, looked up among
// a corpus's own words only, and English questions through it.
import { describe, expect, it } from 'vitest';
import { corpusDictionaryEn, senseWords } from '../../src/question/dictionary-en.js';
import { translateEnglish } from '../../src/question/glossary-en.js';

const corpusOf = (...words: string[]) => {
  const set = new Set(words);
  return corpusDictionaryEn((zh) => set.has(zh));
};

describe('senseWords', () => {
  it('keeps content words, stemmed, without parentheses and grammar', () => {
    expect(senseWords('to complete (a task)')).toEqual(['complet']);
    expect(senseWords('tertiary sector of industry')).toEqual(['tertiari', 'sector', 'industri']);
    expect(senseWords("sb's hotels")).toEqual(['hotel']);
  });
});

describe('corpusDictionaryEn', () => {
  it('renders a word by the corpus words whose senses are tightest', () => {
    const dictionary = corpusOf('完成', '项目', '计划', '投资');
    const renderings = dictionary.translate(['project', 'complete']);
    expect(renderings.get('complete')).toEqual(['完成']);
    expect(new Set(renderings.get('project'))).toEqual(new Set(['项目', '计划']));
  });

  it('renders a run of words by one sense holding them all, in any order', () => {
    const renderings = corpusOf('第三产业', '产业').translate(['tertiary', 'industry']);
    expect(renderings.get('tertiary')).toEqual(['第三产业']);
    expect(renderings.get('industry')).toEqual(['第三产业']);
  });

  it('knows only the corpus words of two characters or more', () => {
    expect(corpusOf('首').translate(['head']).size).toBe(0);
    expect(corpusOf('完成').translate(['project']).size).toBe(0);
  });
});

describe('translateEnglish with the dictionary', () => {
  it('keeps rendered words unmatched, with their renderings beside them', () => {
    const english = translateEnglish('How much project investment did Deqing complete?', [], corpusOf('项目', '完成'));
    expect(english.terms).toContain('投资');
    expect(english.unmatched).toEqual(['project', 'deqing', 'complete']);
    expect(english.renderings.get('complete')).toEqual(['完成']);
    expect(english.renderings.has('deqing')).toBe(false);
  });

  it('reads months counted together as one span', () => {
    expect(translateEnglish('investment in January–October 2016').terms).toContain('1-10月');
    expect(translateEnglish('investment in Jan-Oct').terms).toContain('1-10月');
    expect(translateEnglish('growth in the first ten months').terms).toContain('1-10月');
    expect(translateEnglish('growth in the first ten months').unmatched).not.toContain('months');
  });
});
