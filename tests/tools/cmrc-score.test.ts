import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answer, Hit } from '../../src/answer/answer.js';
import { buildEngine } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { readQuestion } from '../../src/question/frame.js';
import { cmrcDocuments, cmrcQuestions, parseCmrc } from '../../tools/eval/cmrc-data.js';
import { CLAUSE_ENDS, computeCeiling, evaluateCmrc, scoreAnswer, splitSentences } from '../../tools/eval/cmrc-score.js';

const mini = parseCmrc(JSON.parse(readFileSync(new URL('../fixtures/cmrc-mini.json', import.meta.url), 'utf8')));

function hitFor(text: string): Hit {
  return {
    fact: {
      id: 'mini:1.1.1',
      docId: 'mini',
      section: null,
      paragraph: 1,
      sentence: 1,
      clause: 1,
      text,
      start: 0,
      end: text.length,
      figures: [],
      time: null,
      subject: null,
    },
    citation: {
      document: 'mini',
      title: 'mini',
      publisher: null,
      section: null,
      paragraph: 1,
      sentence: 1,
      clause: null,
      start: 0,
      end: text.length,
    },
    keyFigure: null,
    score: 1,
    // Scoring reads only fact.text; the ranking breakdown is left empty so this helper outlives its changes.
    why: { matched: [] } as unknown as Hit['why'],
  };
}

function found(question: string, ...texts: string[]): Answer {
  return { kind: 'found', question, asked: null, hits: texts.map(hitFor) };
}

/** Replies per question, whatever the corpus: the scoring, not the retrieval, is under test. */
const SCRIPT: Record<string, Answer> = {
  青石镇的面积有多大: found('', '青石镇位于临江县东部，面积约52平方公里。'), // top-1 hit
  青石古桥建于什么时候: found('', '镇上常住人口1.8万人，以种植茶叶为主；', '“青石古桥”建于明朝万历年间。'), // top-3 only
  白鹭湖最深处有多深: { kind: 'not-found', question: '', asked: null, suggestions: [] }, // miss
  白鹭湖哪年建成: found('', '湖水最深处达12米！'), // gold crosses a sentence: miss
  林阳的代表作有哪些: found('', '他的代表作有《山歌》和《远方》；'), // top-1 hit
  林阳哪部作品获得了金钟奖: { kind: 'invalid', question: '', reason: 'no-words' }, // miss
};

function scriptedFactory(): { build: (documents: CorpusDocument[]) => Engine; builds: string[][] } {
  const builds: string[][] = [];
  const build = (documents: CorpusDocument[]): Engine => {
    builds.push(documents.map((doc) => doc.id));
    return {
      documents,
      facts: [],
      vocabulary: { synonyms: [], glossaryEn: [], subjectsEn: new Map() },
      questionContext: {},
      readQuestion: (question) => readQuestion(question),
      ask(asked) {
        const question = typeof asked === 'string' ? asked : asked.original;
        const key = Object.keys(SCRIPT).find((prefix) => question.startsWith(prefix));
        if (key === undefined) throw new Error(`unscripted question ${question}`);
        return SCRIPT[key] as Answer;
      },
      related: () => [],
      factById: () => undefined,
      topics: () => [],
    };
  };
  return { build, builds };
}

describe('cmrc-data', () => {
  it('turns each passage into a document and trims gold answers', () => {
    const documents = cmrcDocuments(mini);
    expect(documents.map((doc) => [doc.id, doc.title])).toEqual([
      ['cmrc-MINI_1', '青石镇'],
      ['cmrc-MINI_2', '白鹭湖'],
      ['cmrc-MINI_3', '林阳'],
    ]);
    const questions = cmrcQuestions(mini);
    expect(questions).toHaveLength(6);
    expect(questions[4]?.answers).toEqual(['《山歌》和《远方》', '山歌']);
    expect(questions[4]?.docId).toBe('cmrc-MINI_3');
  });

  it('rejects a file without passages', () => {
    expect(() => parseCmrc({ data: [{ title: 'x', paragraphs: [] }] })).toThrow();
  });
});

describe('splitSentences', () => {
  it('keeps closing quotes with their sentence and rejoins into the text', () => {
    const text = '他说：“好了。”然后走了！剩下的？没有结尾';
    const segments = splitSentences(text);
    expect(segments).toEqual(['他说：“好了。”', '然后走了！', '剩下的？', '没有结尾']);
    expect(segments.join('')).toBe(text);
  });

  it('splits clauses at "；" only when asked', () => {
    expect(splitSentences('甲；乙。')).toEqual(['甲；乙。']);
    expect(splitSentences('甲；乙。', CLAUSE_ENDS)).toEqual(['甲；', '乙。']);
  });
});

describe('computeCeiling', () => {
  it('counts questions whose gold answer fits inside one sentence or clause', () => {
    const ceiling = computeCeiling(cmrcDocuments(mini), cmrcQuestions(mini));
    expect(ceiling).toMatchObject({ n: 6, sentence: 5, clause: 4 });
    expect(ceiling.sentenceRate).toBeCloseTo(5 / 6);
  });
});

describe('scoreAnswer', () => {
  it('counts top-1 and top-3 containment, and a not-found answer as a miss', () => {
    expect(scoreAnswer(found('q', 'a', 'xx金额yy'), ['金额'])).toEqual({ found: true, top1: false, top3: true, topText: 'a' });
    expect(scoreAnswer(found('q', 'a', 'b', 'c', '金额'), ['金额']).top3).toBe(false);
    expect(scoreAnswer({ kind: 'not-found', question: 'q', asked: null, suggestions: [] }, ['金额'])).toEqual({
      found: false,
      top1: false,
      top3: false,
      topText: null,
    });
  });
});

describe('evaluateCmrc', () => {
  it('scores both settings with one engine per passage and one global engine', () => {
    const { build, builds } = scriptedFactory();
    const report = evaluateCmrc(mini, build);
    expect(builds).toEqual([['cmrc-MINI_1'], ['cmrc-MINI_2'], ['cmrc-MINI_3'], ['cmrc-MINI_1', 'cmrc-MINI_2', 'cmrc-MINI_3']]);
    for (const setting of [report.perPassage, report.global]) {
      expect(setting).toMatchObject({ n: 6, top1: 2, top3: 3, found: 4 });
      expect(setting.top1Rate).toBeCloseTo(2 / 6);
      const tops = [
        '青石镇位于临江县东部，面积约52平方公里。',
        '镇上常住人口1.8万人，以种植茶叶为主；',
        '湖水最深处达12米！',
        '他的代表作有《山歌》和《远方》；',
      ];
      expect(setting.meanTopLength).toBeCloseTo(tops.join('').length / tops.length);
    }
    expect(report.ceiling).toMatchObject({ sentence: 5, clause: 4 });
    expect(report.globalMisses.map((miss) => [miss.id, miss.top])).toEqual([
      ['MINI_1_QUERY_1', '镇上常住人口1.8万人，以种植茶叶为主；'],
      ['MINI_2_QUERY_0', null],
      ['MINI_2_QUERY_1', '湖水最深处达12米！'],
      ['MINI_3_QUERY_1', null],
    ]);
  });

  it('asks only the first N questions with a limit, still over the whole corpus globally', () => {
    const { build, builds } = scriptedFactory();
    const report = evaluateCmrc(mini, build, { limit: 2 });
    expect(builds).toEqual([['cmrc-MINI_1'], ['cmrc-MINI_1', 'cmrc-MINI_2', 'cmrc-MINI_3']]);
    expect(report.global).toMatchObject({ n: 2, top1: 1, top3: 2 });
    expect(report.ceiling.n).toBe(2);
  });

  it('runs the real engine over the fixture, per passage and globally', () => {
    const report = evaluateCmrc(mini, (documents) => buildEngine(documents));
    for (const setting of [report.perPassage, report.global]) {
      expect(setting.n).toBe(6);
      expect(setting.top1).toBeLessThanOrEqual(setting.top3);
      expect(setting.top3).toBeLessThanOrEqual(setting.found);
    }
    expect(report.globalMisses).toHaveLength(6 - report.global.top1);
  });
});
