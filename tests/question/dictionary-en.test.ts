// The general English dictionary (CC-CEDICT, data/cedict): senses reduced to stemmed content words, looked up among
// a corpus's own words only, and English questions through it.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import { corpusDictionaryEn, senseWords, sharesSense } from '../../src/question/dictionary-en.js';
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

describe('sharesSense', () => {
  it('holds for two words with one sense word for word, not for words that only look alike', () => {
    expect(sharesSense('修建', '建造')).toBe(true);
    expect(sharesSense('举办', '举行')).toBe(true);
    expect(sharesSense('成立', '成立')).toBe(true);
    expect(sharesSense('成立', '完成')).toBe(false);
    expect(sharesSense('出生', '去世')).toBe(false);
    expect(sharesSense('不是一个词', '建造')).toBe(false);
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

  it('names the compound a rendered word makes with the term it qualifies', () => {
    const english = translateEnglish('How much project investment was made?', [], corpusOf('项目'));
    expect(english.compounds).toEqual(['项目投资']);
    expect(translateEnglish('What was the value of goods?', [], corpusOf('产品')).compounds).toEqual([]);
  });

  it('reads months counted together as one span', () => {
    expect(translateEnglish('investment in January–October 2016').terms).toContain('1-10月');
    expect(translateEnglish('investment in Jan-Oct').terms).toContain('1-10月');
    expect(translateEnglish('growth in the first ten months').terms).toContain('1-10月');
    expect(translateEnglish('growth in the first ten months').unmatched).not.toContain('months');
  });
});

describe('the dictionary as a thesaurus (paraphrase)', () => {
  it('finds the corpus words glossed alike for a word the corpus never uses', () => {
    const dictionary = corpusOf('收入', '支出', '园区', '城区', '目前', '国有企业', '存款');
    const words = (text: string) => dictionary.paraphrase(text).map((p) => [p.word, p.alternatives]);
    expect(words('全州营收')).toEqual([['营收', ['收入']]]);
    expect(words('财政花销')).toEqual([['花销', ['支出']]]);
    // 国企 and 国有企业 "state-owned enterprise", 存钱 and 存款 "to deposit money": one sense in common, the first of both.
    expect(words('国企增加值')).toContainEqual(['国企', ['国有企业']]);
    expect(words('存钱多少')).toContainEqual(['存钱', ['存款']]);
  });

  it('needs two senses in common, or the first of both when it is a phrase', () => {
    const dictionary = corpusOf('园区', '城区', '目前');
    expect(dictionary.paraphrase('公园').length).toBe(0);
    expect(dictionary.paraphrase('建成区').length).toBe(0);
    expect(dictionary.paraphrase('今天').length).toBe(0);
  });

  it("leaves the corpus's own words alone, and what is inside them", () => {
    expect(corpusOf('营业收入', '收入').paraphrase('营业收入')).toEqual([]);
  });
});

describe('a question in words the document never uses', () => {
  it('is answered through them once its own words find nothing, and verified as any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-paraphrase-'));
    try {
      const file = 'qiandongnan-2016-tongjigongbao.txt';
      copyFileSync(new URL(`../fixtures/documents/${file}`, import.meta.url).pathname, join(dir, file));
      const { engine } = await buildEngineFromDir(dir);
      const spent = engine.ask('全州一般公共预算花销是多少？');
      expect(spent.kind === 'found' && spent.hits[0]!.keyFigure?.raw).toBe('376.82亿元');
      // Read through 支出, the question still names a year the document does not give.
      expect(engine.ask('2015年全州一般公共预算花销是多少？').kind).toBe('not-found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
