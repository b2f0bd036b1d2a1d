// analyzeQuestion with the engine's real tokenizer (jieba + the seed corpus's dictionary, synonyms and glossary).
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedTokenizer } from '../../src/answer/build-engine.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { analyzeQuestion, type AnalyzedQuestion, type QuestionVocabulary } from '../../src/question/analyze.js';
import { DEFAULT_QUESTION } from '../../src/question/defaults.js';
import { readQuestion } from '../../src/question/frame.js';
import { compileSynonyms } from '../../src/question/synonyms.js';
import type { Tokenizer } from '../../src/text/tokenize.js';

/** The question weights (question/defaults.ts): a year or period word weighs half. */
const NUMBER_WEIGHT = DEFAULT_QUESTION.qualifierWeight;
/** …an English word no glossary maps; a synonym. */
const UNMAPPED_EN_WEIGHT = DEFAULT_QUESTION.unmappedEnglishWeight;
const SYNONYM_WEIGHT = DEFAULT_QUESTION.synonymWeight;
/** A term inside a longer term of the question weighs this share of it (西兰 in 纽西兰). */
const NESTED = DEFAULT_QUESTION.nestedTermShare;

let tokenizer: Tokenizer;
let vocabulary: QuestionVocabulary;
beforeAll(async () => {
  const corpus = await loadCorpus(new URL('../../corpus', import.meta.url).pathname);
  tokenizer = sharedTokenizer(corpus.userDictionary);
  vocabulary = { synonyms: compileSynonyms(corpus.synonyms), glossaryEn: compileSynonyms(corpus.glossaryEn) };
});

const analyze = (q: string) => analyzeQuestion(q, tokenizer, vocabulary);
const termsOf = (a: AnalyzedQuestion) => Object.fromEntries(a.terms.map((t) => [t.term, [t.weight, t.required]]));
const wordsOf = (a: AnalyzedQuestion) => a.words.map((w) => [w.word, w.weight, w.required]);

describe('analyzeQuestion: the question’s own words', () => {
  it('strips the question phrasing (请问, 有多少家, 呢) and keeps the content as terms and whole words', () => {
    const a = analyze('请问浑南区有多少家国家高新技术企业呢？');
    expect(a.language).toBe('zh');
    expect(a.asked).toBe('count');
    expect(wordsOf(a)).toEqual([
      ['浑南区', 1, true],
      ['国家高新技术企业', 1, true],
    ]);
    // (The pieces jieba's search mode also cuts out of a word weigh NESTED of it: the word is not counted four times.)
    expect(termsOf(a)).toEqual({
      浑南: [NESTED, true],
      南区: [NESTED, true],
      浑南区: [1, true],
      国家: [NESTED, true],
      高新: [NESTED, true],
      技术: [NESTED, true],
      企业: [NESTED, true],
      国家高新技术企业: [1, true],
    });
  });

  it('strips phrasing the tokenizer would keep as words (一共, 大概, 数量)', () => {
    expect(tokenizer.words('浑南区一共大概数量企业')).toEqual(expect.arrayContaining(['一共', '大概', '数量']));
    expect(wordsOf(analyze('浑南区一共大概有多少家企业？'))).toEqual([
      ['浑南区', 1, true],
      ['企业', 1, true],
    ]);
    expect(wordsOf(analyze('企业数量是多少？'))).toEqual([['企业', 1, true]]);
  });

  it('gives each word its search-mode parts other than itself, the same array for the same word', () => {
    const a = analyze('浑南区有多少家国家高新技术企业？');
    const word = a.words.find((w) => w.word === '国家高新技术企业')!;
    expect(word.parts).toEqual(['国家', '高新', '技术', '企业']);
    expect(a.words.find((w) => w.word === '浑南区')!.parts).toEqual(['浑南', '南区']);
    const again = analyze('国家高新技术企业有几家？').words.find((w) => w.word === '国家高新技术企业')!;
    expect(again.parts).toBe(word.parts);
  });

  it('keeps the dimension a 有多高 question asks about (树高可达55米)', () => {
    const a = analyze('电视塔有多高？');
    expect(a.asked).toBe('number');
    expect(a.words.map((w) => w.word)).toEqual(['电视塔', '高']);
  });

  it('a question of phrasing only has no terms', () => {
    const a = analyze('请问有多少？');
    expect(a.terms).toEqual([]);
    expect(a.words).toEqual([]);
    expect(a.bigrams.size).toBe(0);
  });

  it('reads Traditional characters as Simplified', () => {
    const a = analyze('渾南區常住人口有多少？');
    expect(a.traditional).toBe(true);
    expect(a.text).toBe('浑南区常住人口有多少?');
    expect(a.words.map((w) => w.word)).toEqual(['浑南区', '常住人口']);
  });

  it('analyses a frame as it analyses the string it was read from', () => {
    const q = '2019年上半年新登记市场主体多少户？';
    expect(analyzeQuestion(readQuestion(q, vocabulary), tokenizer, vocabulary)).toEqual(analyze(q));
  });
});

describe('analyzeQuestion: qualifiers', () => {
  it('weighs a year and a period word by NUMBER_WEIGHT, in terms and in words', () => {
    const a = analyze('2018年上半年新登记企业多少户？');
    expect(a.times).toEqual(['2018', '上半年']);
    expect(termsOf(a)['2018']).toEqual([NUMBER_WEIGHT, true]);
    expect(termsOf(a)['上半年']).toEqual([NUMBER_WEIGHT, true]);
    expect(termsOf(a)['新登记企业']).toEqual([1, true]);
    expect(wordsOf(a)).toEqual([
      ['2018', NUMBER_WEIGHT, true],
      ['上半年', NUMBER_WEIGHT, true],
      ['新登记企业', 1, true],
    ]);
  });

  it('weighs the search-mode parts of a period word (上半, 半年) as pieces of the word, not as content words', () => {
    // (isQualifier is tested term by term: 上半年 weighs NUMBER_WEIGHT, and its parts, no qualifiers themselves, once
    // weighed 1 each — the period word counted 2.5, nearly as much as the thing asked. Now NESTED of the word's.)
    const t = termsOf(analyze('2018年上半年新登记企业多少户？'));
    expect(t['上半']).toEqual([NUMBER_WEIGHT * NESTED, true]);
    expect(t['半年']).toEqual([NUMBER_WEIGHT * NESTED, true]);
  });
});

describe('analyzeQuestion: synonyms', () => {
  it('adds the corpus’s synonyms at SYNONYM_WEIGHT, not required, and takes the cue out', () => {
    const a = analyze('浑南区住了多少人？');
    expect(a.asked).toBe('people');
    expect(wordsOf(a)).toEqual([
      ['浑南区', 1, true],
      ['常住人口', SYNONYM_WEIGHT, false],
    ]);
    expect(termsOf(a)).toEqual({
      浑南: [NESTED, true],
      南区: [NESTED, true],
      浑南区: [1, true],
      常住: [SYNONYM_WEIGHT, false],
      人口: [SYNONYM_WEIGHT, false],
      常住人口: [SYNONYM_WEIGHT, false],
    });
    // Bigrams are of the question's own content: neither the cue nor the expansion.
    expect([...a.bigrams].sort()).toEqual(['南区', '浑南']);
  });

  it('a synonym never lowers the question’s own word (常住人口 asked and added)', () => {
    const a = analyze('浑南区常住人口多少？');
    expect(wordsOf(a)).toContainEqual(['常住人口', 1, true]);
    expect(termsOf(a)['常住人口']).toEqual([1, true]);
  });

  it('when every word is a synonym cue, the expansion is the question: required', () => {
    const a = analyze('高企有多少家？');
    expect(wordsOf(a)).toEqual([['高新技术企业', SYNONYM_WEIGHT, true]]);
    expect(a.terms.length).toBeGreaterThan(0);
    for (const t of a.terms) expect(t).toMatchObject({ weight: SYNONYM_WEIGHT, required: true });
  });

  it('adds general attribute cues (颜色 → 色, 呈) the same way, without a corpus table', () => {
    const a = analyzeQuestion('黄鳍紫鱼的身体是什么颜色的？', tokenizer);
    // (颜色 is the kind of answer asked for: searched for, not required.)
    expect(termsOf(a)['颜色']).toEqual([SYNONYM_WEIGHT, false]);
    expect(termsOf(a)['色']).toEqual([SYNONYM_WEIGHT, false]);
    expect(termsOf(a)['呈']).toEqual([SYNONYM_WEIGHT, false]);
  });

  it('searches for the kind of answer a question asks for (职业, 哪个国家) without requiring it, but not in a figure question', () => {
    const job = analyzeQuestion('潘嘉丽的职业是什么？', tokenizer);
    expect(termsOf(job)['潘嘉丽']).toEqual([1, true]);
    expect(termsOf(job)['职业']).toEqual([SYNONYM_WEIGHT, false]);
    expect(termsOf(analyzeQuestion('《捉鬼男》是哪个国家的电视剧？', tokenizer))['国家']).toEqual([SYNONYM_WEIGHT, false]);
    // A role or relation is what the question is about: 区长 stays required.
    expect(termsOf(analyzeQuestion('浑南区的区长是谁？', tokenizer))['区长']).toEqual([1, true]);
    expect(termsOf(analyzeQuestion('有多少家服务机构？', tokenizer))['服务']).toEqual([1, true]);
  });

  it('without the corpus table the colloquial words stay as asked', () => {
    const a = analyzeQuestion('浑南区住了多少人？', tokenizer);
    expect(a.words.map((w) => w.word)).not.toContain('常住人口');
  });
});

describe('analyzeQuestion: bigrams and verbs', () => {
  it('bigrams are of the content: the question phrasing is not in them', () => {
    const a = analyze('请问浑南区的面积是多少呢？');
    expect(a.bigrams).toContain('浑南');
    expect(a.bigrams).toContain('面积');
    for (const b of ['请问', '问浑', '多少', '是多', '少呢']) expect(a.bigrams).not.toContain(b);
  });

  it.fails('the measure word after 有多少 is phrasing too (no bigram 家企 in 有多少家企业)', () => {
    // BUG (analyze.ts QUESTION_PHRASES): 有多少 comes before (?:多少|几)[户个家…] in the alternation, so in
    // "有多少家企业" only 有多少 is stripped and 家 stays, giving the bigram 家企 (and 家国 in 多少家国家…).
    expect(analyze('浑南区有多少家企业？').bigrams).not.toContain('家企');
  });

  it('a date question keeps its verbs other than 是/有/在: the event it asks about', () => {
    expect(analyze('浑南区哪一年成为国家级开发区？')).toMatchObject({ asked: 'date', verbs: ['成为'] });
    expect(analyze('浑南区是什么时候设立的？').verbs).toEqual(['设立']);
  });

  it('a light verb before the question word is phrasing, not glued to the word before it', () => {
    // (jieba cuts 天门冬的根有什么特点 as …根有|什么|特点: the 有 of 有什么 made a word 根有 the answer lacks.)
    expect(analyze('天门冬的根有什么特点？').words.map((w) => w.word)).not.toContain('根有');
    expect(
      analyze('内台航路也叫什么？')
        .words.filter((w) => w.required)
        .map((w) => w.word),
    ).toEqual(['内台', '航路']);
    expect(analyze('MIT OpenCourseWare指什么？').words.map((w) => w.word)).not.toContain('指');
    // 拥有 is a verb of its own.
    expect(analyze('浑南区拥有哪些园区？').words.map((w) => w.word)).toContain('拥有');
  });

  it('does not cut a role word across the verb after it, and drops the verb of the value it changed to (占比降到了多少)', () => {
    const words = analyze('今年1-10月德清第一产业投资占比降到了多少？').words.map((w) => w.word);
    expect(words).not.toContain('比降');
    expect(words).not.toContain('降到');
    expect(analyze('投资完成了全年计划的百分之几？').words.map((w) => w.word)).not.toContain('百分');
  });

  it('the ways of asking for a date are phrasing: 何年, 西元几年, 哪一天, 几月几日, 哪个朝代', () => {
    for (const q of [
      '维也纳会议于何年召开？',
      '奥斯陆于西元几年成为主教辖区？',
      '色当会战在哪一天开打？',
      '国庆是几月几日？',
      '他是哪个朝代的人？',
    ])
      expect(
        analyze(q)
          .words.map((w) => w.word)
          .filter((w) => /何年|西元|几|哪|天|朝代/.test(w)),
      ).toEqual([]);
  });

  it('时间 and 日期 before 是什么 name the kind of answer, not required of it', () => {
    const a = analyze('西贡商信银行成立的时间是什么时候？');
    expect(a.words.find((w) => w.word === '时间')?.required ?? false).toBe(false);
  });

  it('other questions have no verbs', () => {
    expect(analyze('浑南区成为国家级开发区了吗？').verbs).toEqual([]);
    expect(analyze('浑南区有多少家企业？').verbs).toEqual([]);
  });
});

describe('analyzeQuestion: English', () => {
  it('maps the question to Chinese terms through the glossaries, weight 1 and required', () => {
    const a = analyze('How many high-tech enterprises are in Hunnan in the first half?');
    expect(a.language).toBe('en');
    expect(a.asked).toBe('count');
    expect(a.times).toEqual(['上半年']);
    expect(wordsOf(a)).toEqual([
      ['高新技术企业', 1, true],
      ['浑南区', 1, true],
      ['上半年', NUMBER_WEIGHT, true],
    ]);
    expect(a.bigrams.size).toBe(0);
    expect(a.verbs).toEqual([]);
  });

  it('keeps an English word no glossary maps, at the low weight and required', () => {
    const a = analyze('How many unicorns does Hunnan have?');
    expect(wordsOf(a)).toEqual([
      ['浑南区', 1, true],
      ['unicorns', UNMAPPED_EN_WEIGHT, true],
    ]);
    expect(termsOf(a)['unicorns']).toEqual([UNMAPPED_EN_WEIGHT, true]);
  });

  it('without a glossary every content word is unmapped', () => {
    const a = analyzeQuestion('How many enterprises are in Hunnan?', tokenizer);
    expect(wordsOf(a)).toEqual([
      ['enterprises', UNMAPPED_EN_WEIGHT, true],
      ['hunnan', UNMAPPED_EN_WEIGHT, true],
    ]);
  });
});
