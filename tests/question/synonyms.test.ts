// The corpus's synonym table (how people ask → how the documents say it) and the English glossaries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSynonyms, expandSynonyms } from '../../src/question/synonyms.js';
import { GENERAL_EN, STOPWORDS_EN, translateEnglish } from '../../src/question/glossary-en.js';
import { attributeCues } from '../../src/question/attribute-cues.js';
import { SynonymFileSchema } from '../../src/corpus/vocabulary-file.js';

const table = compileSynonyms([
  { cue: '人口|住了?多少人|居民', terms: '常住人口' },
  { cue: '高企|高新企业', terms: '高新技术企业' },
  { cue: '公司', terms: '企业' },
]);

describe('compileSynonyms', () => {
  it('compiles each cue to a global, case-insensitive expression, keeping its terms', () => {
    expect(table).toHaveLength(3);
    expect(table[0]!.cue.source).toBe('人口|住了?多少人|居民');
    expect(table[0]!.cue.flags).toBe('gi');
    expect(table[0]!.terms).toBe('常住人口');
  });

  it('names the entry whose cue is not a valid expression', () => {
    expect(() => compileSynonyms([{ cue: '好(', terms: 'x' }])).toThrow('invalid synonym cue /好(/');
  });

  it('compiles every entry of the seed corpus', () => {
    for (const file of ['synonyms.json', 'glossary-en.json']) {
      const entries = SynonymFileSchema.parse(JSON.parse(readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8')));
      expect(compileSynonyms(entries)).toHaveLength(entries.length);
    }
  });
});

describe('expandSynonyms', () => {
  it('adds the document terms and takes the cue out of the question', () => {
    expect(expandSynonyms('浑南区住了多少人？', table)).toEqual({ expansions: ['常住人口'], rest: '浑南区 ？' });
    expect(expandSynonyms('高企有多少家？', table)).toEqual({ expansions: ['高新技术企业'], rest: ' 有多少家？' });
  });

  it('keeps a cue the expansion itself contains (人口 in 常住人口)', () => {
    expect(expandSynonyms('常住人口多少？', table)).toEqual({ expansions: ['常住人口'], rest: '常住人口多少？' });
  });

  it('expands each entry once, in table order, and takes out every occurrence of its cue', () => {
    const r = expandSynonyms('公司和高新企业的公司数', table);
    expect(r.expansions).toEqual(['高新技术企业', '企业']);
    expect(r.rest).not.toMatch(/公司|高新企业/);
  });

  it('a question without cues is returned unchanged', () => {
    expect(expandSynonyms('面积多大？', table)).toEqual({ expansions: [], rest: '面积多大？' });
    expect(expandSynonyms('面积多大？', [])).toEqual({ expansions: [], rest: '面积多大？' });
  });

  it('gives the same answer however often it is called (the global cues carry no state over)', () => {
    const first = expandSynonyms('浑南区居民多少？', table);
    for (let i = 0; i < 3; i++) expect(expandSynonyms('浑南区居民多少？', table)).toEqual(first);
    expect(first.expansions).toEqual(['常住人口']);
  });
});

describe('attributeCues', () => {
  it('general Chinese attribute words add the words answers use', () => {
    expect(attributeCues('黄鳍紫鱼是什么颜色的？')).toEqual(['色 呈']);
    expect(attributeCues('他的死因是什么？')[0]).toContain('身亡');
    expect(attributeCues('浑南区面积多大？')).toEqual([]);
  });
});

const glossary = compileSynonyms([
  { cue: 'high[- ]?tech(nology)? (enterprises?|companies)', terms: '高新技术企业' },
  { cue: 'hunnan', terms: '浑南区' },
]);

describe('translateEnglish', () => {
  it('maps glossary phrases to the documents’ terms, case-insensitively, and takes them out', () => {
    expect(translateEnglish('How many High-Tech Enterprises are in Hunnan?', glossary)).toEqual({
      terms: ['高新技术企业', '浑南区'],
      unmatched: [],
      renderings: new Map(),
      compounds: [],
    });
  });

  it('reads the general phrasing without any corpus glossary (first half, year on year, total, currently)', () => {
    expect(translateEnglish('What was the total in the first half?').terms).toEqual(['上半年', '总']);
    expect(translateEnglish('How much did it grow year-on-year?').terms).toEqual(['同比 增长', '增长']);
    expect(translateEnglish('How many are there currently?').terms).toEqual(['目前']);
    expect(translateEnglish('What about H1?').terms).toEqual(['上半年']);
  });

  it('the corpus glossary comes before the general one', () => {
    const own = compileSynonyms([{ cue: 'first half of 2019', terms: '2019年上半年' }]);
    expect(translateEnglish('growth in the first half of 2019', own).terms).toEqual(['2019年上半年', '增长']);
  });

  it('keeps content words no glossary maps as unmatched, without stopwords or single letters', () => {
    expect(translateEnglish('What is the unicorn count of Hunnan?', glossary)).toEqual({
      terms: ['浑南区'],
      unmatched: ['unicorn', 'count'],
      renderings: new Map(),
      compounds: [],
    });
    expect(translateEnglish('How many airports does Hunnan have?', glossary).unmatched).toEqual(['airports']);
    expect(translateEnglish('What is a b c?').unmatched).toEqual([]);
  });

  it('every general entry maps to Chinese, and the stopwords are lower-case', () => {
    for (const [re, zh] of GENERAL_EN) {
      expect(re).toBeInstanceOf(RegExp);
      expect(zh).toMatch(/^[\u4e00-\u9fff ]+$/);
    }
    for (const w of STOPWORDS_EN) expect(w).toBe(w.toLowerCase());
  });

  it('a glossary cue written with capitals (SMEs) matches the lower-cased question', () => {
    const upper = compileSynonyms([{ cue: 'Tech SMEs', terms: '科技型中小企业' }]);
    expect(translateEnglish('How many tech SMEs are there?', upper).terms).toEqual(['科技型中小企业']);
  });
});
