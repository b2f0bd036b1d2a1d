// rankFacts over a small hand-made corpus: which fact wins, and why (each part of the score).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine, sharedTokenizer } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import type { Fact } from '../../src/facts/fact.js';
import { findTimeMentions } from '../../src/facts/time.js';
import { analyzeQuestion } from '../../src/question/analyze.js';
import { DEFAULT_RANKING, type RankingParams } from '../../src/ranking/defaults.js';
import { enumerationTails, rankFacts, type FactFeatures, type Ranked } from '../../src/ranking/rank.js';
import { buildFactIndex, type FactIndex } from '../../src/search/build-index.js';
import type { Tokenizer } from '../../src/text/tokenize.js';

const doc = (id: string, title: string, body: string): CorpusDocument => ({
  id,
  title,
  publisher: null,
  period: null,
  file: `${id}.txt`,
  text: `${title}\n${body}\n`,
});

const DOCUMENTS: CorpusDocument[] = [
  doc(
    'lvcheng',
    '绿城区发展概况',
    '绿城区常住人口52万人。绿城区区域总面积320平方公里。绿城区共有高新企业210家，其中2018年新增高新企业45家。' +
      '2019年上半年，绿城区新登记市场主体3200户。绿城区拥有院士工作站8个，在站院士12人。绿城区的湖泊风光优美。' +
      '绿城区位于河东省北部。孵化器科技企业入驻120家。',
  ),
  doc('lanwan', '蓝湾港年度报告', '蓝湾港货物吞吐量1.2亿吨。蓝湾港现有科技企业30家。蓝湾港码头泊位46个。蓝湾港新建孵化器3个。'),
  doc('songlin', '松林公园', '松林公园是一座城市森林公园。它占地约两平方公里，园内有松树三万株。公园始建于1958年。'),
];
/** The two invented place names kept whole, as a corpus's *.dict would. */
const USER_DICTIONARY = new TextEncoder().encode('绿城区 1000 ns\n蓝湾港 1000 ns\n');

let engine: Engine;
let tokenizer: Tokenizer;
let facts: readonly Fact[];
let features: FactFeatures[];
let index: FactIndex;

/** What the engine knows of each fact (answer/engine.ts featuresOf, which is not exported). */
function featuresOf(fact: Fact): FactFeatures {
  const tagged = tokenizer.tag(fact.text);
  return {
    persons: tagged.filter((w) => w.tag === 'nr' || w.tag === 'nrt').map((w) => w.word),
    places: tagged.filter((w) => w.tag === 'ns').map((w) => w.word),
    hasDate: fact.figures.some((f) => f.kind === 'date') || findTimeMentions(fact.text).length > 0 || /\d+年/.test(fact.text),
    listTails: enumerationTails(fact.text),
    text: tokenizer.normalize(fact.text).toLowerCase(),
  };
}

const newIndex = () => buildFactIndex(facts, DOCUMENTS, tokenizer);

beforeAll(() => {
  engine = buildEngine(DOCUMENTS, { userDictionary: USER_DICTIONARY });
  tokenizer = sharedTokenizer(USER_DICTIONARY); // the engine's own (one per dictionary)
  facts = engine.facts;
  features = facts.map(featuresOf);
  index = newIndex();
});

function rank(question: string, params: Partial<RankingParams> = {}, on: FactIndex = index): Ranked[] {
  return rankFacts(analyzeQuestion(question, tokenizer), facts, features, on, { ...DEFAULT_RANKING, ...params });
}
const textOf = (r: Ranked) => facts[r.pos]!.text;
const docOf = (r: Ranked) => facts[r.pos]!.docId;
/** The ranked fact whose text contains `snippet` (it must be a candidate). */
function hit(ranked: Ranked[], snippet: string): Ranked {
  const r = ranked.find((x) => textOf(x).includes(snippet));
  if (!r) throw new Error(`no candidate holds ${snippet}: ${ranked.map(textOf).join(' | ')}`);
  return r;
}
const sumOfParts = (r: Ranked) => r.parts.terms + r.parts.document + r.parts.kind + r.parts.time;

describe('the corpus', () => {
  it('is cut into the facts the tests below rely on', () => {
    expect(facts.map((f) => f.docId)).toEqual([...Array(8).fill('lvcheng'), ...Array(4).fill('lanwan'), ...Array(3).fill('songlin')]);
    expect(facts[0]!.text).toBe('绿城区常住人口52万人。');
    expect(facts[0]!.figures.map((f) => f.kind)).toEqual(['people']);
    expect(facts[1]!.figures.map((f) => f.kind)).toEqual(['area']);
    expect(facts[5]!.figures).toEqual([]);
    expect(index.subjects[0]!.has('绿城区')).toBe(true);
  });

  it('the features replayed here are the engine’s: its ranking is this one', () => {
    for (const q of ['绿城区有多少人？', '蓝湾港的科技企业有多少家？', '松林公园有多大？', '松林公园什么时候建的？', '绿城区位于哪里？']) {
      const answer = engine.ask(q, { abstain: false, limit: 20 });
      expect(answer.kind).toBe('found');
      if (answer.kind !== 'found') continue;
      const ranked = rank(q).slice(0, 20);
      expect(answer.hits.map((h) => h.fact.id)).toEqual(ranked.map((r) => facts[r.pos]!.id));
      expect(answer.hits.map((h) => h.score)).toEqual(ranked.map((r) => Math.round(r.score * 1000) / 1000));
    }
  });
});

describe('rankFacts: terms', () => {
  it('a fact with the question’s rare word outranks those with only the common one', () => {
    const ranked = rank('绿城区的湖泊怎么样？');
    const top = ranked[0]!;
    expect(textOf(top)).toBe('绿城区的湖泊风光优美。');
    expect(top.parts.matched).toContain('湖泊');
    for (const r of ranked.slice(1)) {
      expect(r.parts.matched).not.toContain('湖泊');
      expect(r.parts.terms).toBeLessThan(top.parts.terms);
      expect(r.score).toBeLessThan(top.score);
    }
    // 绿城区 is in every fact of its document: holding it alone is worth little.
    expect(hit(ranked, '常住人口').parts.terms).toBeLessThan(top.parts.terms / 4);
  });

  it('terms are normalised to at most 1', () => {
    for (const q of ['绿城区的湖泊怎么样？', '蓝湾港的科技企业有多少家？', '2018年新增高新企业多少家？'])
      for (const r of rank(q)) {
        expect(r.parts.terms).toBeGreaterThanOrEqual(0);
        expect(r.parts.terms).toBeLessThanOrEqual(1);
      }
  });

  it('a question with no terms, or none the corpus holds, ranks nothing', () => {
    expect(rank('请问有多少？')).toEqual([]);
    expect(rank('机场跑道多长？')).toEqual([]);
  });
});

describe('rankFacts: document', () => {
  it('puts the right document first: its facts get the whole document weight, the other less', () => {
    const ranked = rank('蓝湾港的科技企业有多少家？');
    expect(textOf(ranked[0]!)).toBe('蓝湾港现有科技企业30家。');
    const lanwan = ranked.filter((r) => docOf(r) === 'lanwan');
    // Every fact of the best documents is a candidate, even one sharing no word with the question.
    expect(lanwan).toHaveLength(4);
    for (const r of lanwan) expect(r.parts.document).toBe(DEFAULT_RANKING.documentWeight);
    const other = hit(ranked, '高新企业210家');
    expect(other.parts.document).toBeGreaterThan(0);
    expect(other.parts.document).toBeLessThan(DEFAULT_RANKING.documentWeight);
  });

  it('the document part scales with documentWeight, and decides when the terms are close', () => {
    expect(rank('蓝湾港的科技企业有多少家？', { documentWeight: 0 }).every((r) => r.parts.document === 0)).toBe(true);
    // 绿城区's fact holds more of the question's words; 蓝湾港's document is the one the question names.
    const q = '蓝湾港孵化器科技企业有多少家？';
    expect(docOf(rank(q, { documentWeight: 0 })[0]!)).toBe('lvcheng');
    expect(docOf(rank(q, { documentWeight: 1 })[0]!)).toBe('lanwan');
  });

  it('a word of the document’s title counts in its facts that do not say it (它占地约两平方公里)', () => {
    const ranked = rank('松林公园有多大？');
    const top = ranked[0]!;
    expect(textOf(top)).toBe('它占地约两平方公里，园内有松树三万株。');
    expect(index.facts[top.pos]!.tf.has('松林')).toBe(false);
    expect(top.parts.matched).toEqual(['松林', '公园']);
    const off = hit(rank('松林公园有多大？', { topicRankShare: 0 }), '它占地');
    expect(off.parts.matched).toEqual([]);
    expect(off.parts.terms).toBe(0);
  });

  it('the title’s words do not tell its facts apart: the words the question adds do (topicRankShare)', () => {
    // At the default share a sentence that names the park and one that says 它 hold its name alike …
    const ranked = rank('松林公园有多大？');
    // (公园 twice in "松林公园是一座城市森林公园" is the one difference left, and k1 keeps it small) …
    expect(hit(ranked, '它占地').parts.terms / hit(ranked, '是一座').parts.terms).toBeGreaterThan(0.95);
    // … at half an occurrence (k1 saturates it to about 0.7 of one), the sentence that only names it is ahead.
    const half = rank('松林公园有多大？', { topicRankShare: 0.5 });
    expect(hit(half, '它占地').parts.terms / hit(half, '是一座').parts.terms).toBeLessThan(0.9);
  });
});

describe('rankFacts: kind', () => {
  it('a figure the question itself says is no answer of its kind (孵化器…120家 for 入驻120家的孵化器有多少个)', () => {
    const ranked = rank('入驻120家的孵化器有多少个？');
    expect(hit(ranked, '入驻120家')).toMatchObject({ answersKind: false });
    expect(hit(ranked, '新建孵化器3个')).toMatchObject({ answersKind: true });
  });

  it('多少人 prefers a people figure; a figure of another kind loses half the penalty, no figure all of it', () => {
    const ranked = rank('绿城区有多少人？');
    const people = hit(ranked, '常住人口52万人');
    const area = hit(ranked, '总面积320平方公里');
    const none = hit(ranked, '湖泊');
    expect(people).toMatchObject({ answersKind: true, parts: { kind: DEFAULT_RANKING.kindBonus } });
    expect(area).toMatchObject({ answersKind: false, parts: { kind: -DEFAULT_RANKING.noFigurePenalty / 2 } });
    expect(none).toMatchObject({ answersKind: false, parts: { kind: -DEFAULT_RANKING.noFigurePenalty } });
    // The three hold the same question words: the kind decides.
    expect(area.parts.terms).toBe(people.parts.terms);
    expect(none.parts.terms).toBe(people.parts.terms);
    expect(people.score).toBeGreaterThan(area.score);
    expect(area.score).toBeGreaterThan(none.score);
    expect(ranked.indexOf(people)).toBeLessThan(ranked.indexOf(area));
  });

  it('the bonus and the penalty are the parameters', () => {
    const ranked = rank('绿城区有多少人？', { kindBonus: 0.5, noFigurePenalty: 0.8 });
    expect(hit(ranked, '常住人口').parts.kind).toBe(0.5);
    expect(hit(ranked, '总面积').parts.kind).toBe(-0.4);
    expect(hit(ranked, '湖泊').parts.kind).toBe(-0.8);
  });

  it('a question that asks for no figure neither rewards nor penalises figures', () => {
    for (const r of rank('绿城区的湖泊怎么样？')) expect(r.parts.kind).toBe(0);
  });

  it('a date question rewards a fact with a date and penalises none', () => {
    const ranked = rank('松林公园什么时候建的？');
    expect(textOf(ranked[0]!)).toBe('公园始建于1958年。');
    expect(ranked[0]!.parts.kind).toBe(DEFAULT_RANKING.kindBonus);
    expect(hit(ranked, '森林公园').parts.kind).toBe(0);
  });

  it('a place question rewards a place the question does not name', () => {
    const ranked = rank('绿城区位于哪里？');
    expect(textOf(ranked[0]!)).toBe('绿城区位于河东省北部。');
    expect(ranked[0]!.parts.kind).toBe(DEFAULT_RANKING.entityBonus);
    expect(hit(ranked, '常住人口').parts.kind).toBe(0); // names only 绿城区, which the question names
  });

  it('a definition question rewards the sentence that defines the thing', () => {
    const ranked = rank('什么是松林公园？');
    expect(textOf(ranked[0]!)).toBe('松林公园是一座城市森林公园。');
    expect(ranked[0]!.parts.kind).toBe(DEFAULT_RANKING.kindBonus);
    expect(hit(ranked, '始建').parts.kind).toBe(0);
  });
});

describe('rankFacts: time', () => {
  it('adds timeBonus for the question’s year in the fact', () => {
    const ranked = rank('2018年新增高新企业多少家？');
    expect(textOf(ranked[0]!)).toContain('2018年新增高新企业45家');
    expect(ranked[0]!.parts.time).toBe(DEFAULT_RANKING.timeBonus);
    for (const r of ranked.slice(1)) expect(r.parts.time).toBe(0);
  });

  it('adds it once per time word: 2019 and 上半年', () => {
    const ranked = rank('2019年上半年新登记市场主体多少户？');
    expect(textOf(ranked[0]!)).toContain('3200户');
    expect(ranked[0]!.parts.time).toBeCloseTo(2 * DEFAULT_RANKING.timeBonus, 10);
    expect(hit(rank('2018年新登记市场主体多少户？'), '3200户').parts.time).toBe(0);
  });
});

describe('rankFacts: coverage and focus', () => {
  it('are in [0, 1], measured for the top of the ranking only', () => {
    for (const q of ['绿城区的湖泊怎么样？', '绿城区有多少人？', '蓝湾港孵化器科技企业有多少家？', '松林公园有多大？']) {
      const ranked = rank(q);
      ranked.forEach((r, i) => {
        for (const v of [r.coverage, r.focus]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(r.parts.coverage).toBe(Math.round(r.coverage * 1000) / 1000);
        expect(r.parts.focus).toBe(Math.round(r.focus * 1000) / 1000);
        if (i >= 8) expect([r.coverage, r.focus]).toEqual([0, 0]);
      });
    }
  });

  it('a fact holding every word of the question covers it all', () => {
    expect(rank('绿城区的湖泊怎么样？')[0]).toMatchObject({ coverage: 1, focus: 1 });
  });

  it('focus is 0 when the fact holds only the document’s subject (绿城区的失业率)', () => {
    const ranked = rank('绿城区的失业率是多少？');
    for (const r of ranked.slice(0, 8)) {
      expect(r.focus).toBe(0);
      if (r.parts.matched.includes('绿城区')) expect(r.coverage).toBeGreaterThan(0);
    }
  });

  it('focus equals coverage when the question names nothing but the subject', () => {
    const ranked = rank('绿城区');
    for (const r of ranked.slice(0, 8)) {
      expect(r.focus).toBe(r.coverage);
      // Held whole, or (孵化器科技企业入驻120家) only through the title: topicShare of an occurrence.
      if (docOf(r) === 'lvcheng') expect(r.coverage).toBe(index.facts[r.pos]!.tf.has('绿城区') ? 1 : DEFAULT_RANKING.topicShare);
    }
  });
});

describe('rankFacts: the score is the sum of its parts (src/ranking/defaults.ts)', () => {
  const QUESTIONS = ['绿城区的湖泊怎么样？', '绿城区有多少人？', '2019年上半年新登记市场主体多少户？', '蓝湾港孵化器科技企业有多少家？'];
  // terms and document are rounded to 0.001 in the parts; kind and time are exact.
  const ROUNDING = 0.0011;

  it('terms + document + kind + time, when the bigram backstop is off', () => {
    for (const q of QUESTIONS)
      for (const r of rank(q, { bigramWeight: 0 })) expect(Math.abs(r.score - sumOfParts(r))).toBeLessThan(ROUNDING);
  });

  it('plus bigramWeight × the bigram share (0–1), which the parts do not show', () => {
    for (const q of QUESTIONS) {
      const without = new Map(rank(q, { bigramWeight: 0 }).map((r) => [r.pos, r.score]));
      for (const r of rank(q)) {
        const bigram = r.score - without.get(r.pos)!;
        expect(bigram).toBeGreaterThanOrEqual(0);
        expect(bigram).toBeLessThanOrEqual(DEFAULT_RANKING.bigramWeight + 1e-9);
        expect(Math.abs(r.score - sumOfParts(r) - bigram)).toBeLessThan(ROUNDING);
      }
    }
    const top = rank('绿城区的湖泊怎么样？')[0]!;
    expect(top.score - sumOfParts(top)).toBeGreaterThan(0.01);
  });
});

describe('rankFacts: deterministic', () => {
  const QUESTIONS = [
    '绿城区有多少人？',
    '蓝湾港的科技企业有多少家？',
    '2019年上半年新登记市场主体多少户？',
    '绿城区的湖泊怎么样？',
    '松林公园有多大？',
    '蓝湾港孵化器科技企业有多少家？',
    '什么是松林公园？',
    '绿城区位于哪里？',
  ];

  it('sorts by score, ties by position', () => {
    for (const q of QUESTIONS) {
      const ranked = rank(q);
      for (let i = 1; i < ranked.length; i++) {
        const [a, b] = [ranked[i - 1]!, ranked[i]!];
        expect(a.score > b.score || (a.score === b.score && a.pos < b.pos)).toBe(true);
      }
    }
  });

  it('a question asked after others ranks as it does first on a fresh index (the shared tables are left clean)', () => {
    const warm = newIndex();
    for (const q of QUESTIONS) rank(q, {}, warm);
    for (const q of [...QUESTIONS].reverse()) expect(rank(q, {}, warm)).toEqual(rank(q, {}, newIndex()));
  });

  it('a repeated question ranks identically', () => {
    const warm = newIndex();
    for (const q of QUESTIONS) {
      const first = rank(q, {}, warm);
      rank(QUESTIONS[0]!, {}, warm);
      expect(rank(q, {}, warm)).toEqual(first);
    }
  });

  it('through the engine: the answer after other questions is the answer a fresh engine gives first', () => {
    const fresh = (q: string) => buildEngine(DOCUMENTS, { userDictionary: USER_DICTIONARY }).ask(q, { abstain: false, limit: 20 });
    for (const q of QUESTIONS) engine.ask(q);
    for (const q of QUESTIONS) expect(engine.ask(q, { abstain: false, limit: 20 })).toEqual(fresh(q));
  });
});
