// Segmentation, property-tested with segmentDocument as the oracle: every fact's offsets slice back to
// its text, facts never overlap, and together they cover every sentence of the document (every
// non-blank character of every sentence lies in exactly one fact, and every fact in one sentence).
// On the real corpus, and on random documents built from Chinese sentences through buildEngine([doc]).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { segmentDocument } from '../../src/corpus/segment.js';
import type { Fact } from '../../src/facts/fact.js';
import { realEngine } from '../telegram/harness.js';
import { hostileText } from './hostile-text.js';

/** Throws (failing the property) unless the facts of `doc` tile its sentences exactly. */
function expectFactsTileSentences(doc: CorpusDocument, facts: readonly Fact[]): void {
  const own = facts.filter((f) => f.docId === doc.id);
  // 1. offsets slice back to the text, and the text is never blank
  for (const fact of own) {
    expect(doc.text.slice(fact.start, fact.end)).toBe(fact.text);
    expect(fact.text.trim()).not.toBe('');
    expect(fact.start).toBeLessThan(fact.end);
    for (const figure of fact.figures) expect(fact.text.slice(figure.start, figure.end)).toBe(figure.raw);
  }
  // 2. no overlap (and ids are unique)
  const sorted = [...own].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  expect(new Set(own.map((f) => f.id)).size).toBe(own.length);
  // 3. every sentence covered: each of its non-blank characters lies in exactly one fact inside it
  const { sentences } = segmentDocument(doc.text);
  const owner = new Int32Array(doc.text.length).fill(-1);
  sorted.forEach((fact, index) => owner.fill(index, fact.start, fact.end));
  const used = new Set<number>();
  for (const sentence of sentences) {
    expect(doc.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    for (let at = sentence.start; at < sentence.end; at++) {
      if (/\s/.test(doc.text[at]!)) continue;
      const index = owner[at]!;
      expect(
        index,
        `character ${at} (${JSON.stringify(doc.text[at])}) of sentence "${sentence.text}" is in no fact`,
      ).toBeGreaterThanOrEqual(0);
      const fact = sorted[index]!;
      expect(fact.start).toBeGreaterThanOrEqual(sentence.start);
      expect(fact.end).toBeLessThanOrEqual(sentence.end);
      expect(fact.paragraph).toBe(sentence.paragraph);
      expect(fact.sentence).toBe(sentence.sentence);
      used.add(index);
    }
  }
  // ...and no fact lies outside the sentences
  expect(used.size).toBe(sorted.length);
}

describe('segmentation of the real corpus', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await realEngine();
  });

  it('tiles every sentence of every document with facts, exactly', () => {
    expect(engine.facts.length).toBeGreaterThan(10);
    for (const doc of engine.documents) expectFactsTileSentences(doc, engine.facts);
  });
});

// Random documents: titles, headings (Markdown and inline), paragraphs with ideographic-space indents,
// several paragraphs on one line, quotes and brackets (balanced or not), "；" chains, figures, source lines.
const word = fc.constantFrom(
  '浑南区',
  '常住人口',
  '国家高新技术企业',
  '地区生产总值',
  '同比增长',
  '其中',
  '全年',
  '累计',
  '新增',
  '面积',
  '达到',
  '共有',
  '实现',
  '工业',
  '企业',
  '项目',
  '投资',
  '亿元',
  '万人',
  '家',
  '个',
  '平方公里',
  '412家',
  '69万人',
  '27.4%',
  '3.4倍',
  '414.5亿元',
  '2019年',
  '上半年',
  '近700人',
  '5400余万元',
  '1：7',
  '，',
  '、',
  '：',
  '“',
  '”',
  '（',
  '）',
  '《',
  '》',
  '「',
  '」',
  '【',
  '】',
  'GDP',
  'A',
  '1+1>2',
  ' ',
  '\u3000',
);
const ender = fc.constantFrom('。', '！', '？', '!', '?', '。”', '？”', '……。', '。）');
const clause = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(''));
const sentence = fc.tuple(fc.array(clause, { minLength: 1, maxLength: 4 }), ender).map(([clauses, end]) => clauses.join('；') + end);
const paragraph = fc
  .tuple(fc.constantFrom('', '\u3000\u3000', '  ', '\t'), fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([indent, sentences, trailingPunctless]) => indent + sentences.join('') + (trailingPunctless ? '没有句号的结尾' : ''));
const heading = fc.constantFrom('一、基本情况', '二、经济发展', '## 社会事业', '# 标题', '三、科技创新', '数据来源：统计局', '附表');
const block = fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 1, arbitrary: heading });
const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\u3000\u3000', '\n\u3000\u3000', '  \n');
const documentText = fc
  .tuple(fc.option(heading, { nil: undefined }), fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 12 }))
  .map(([title, blocks]) => (title ? `${title}\n` : '') + blocks.map(([b, sep]) => b + sep).join(''));

describe('segmentation of random documents (buildEngine([doc]))', () => {
  it('tiles every sentence with facts: offsets slice back, no overlap, full coverage', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc: CorpusDocument = { id: 'random', title: 'random', publisher: null, period: null, file: 'random.txt', text };
        const engine = buildEngine([doc]);
        expectFactsTileSentences(doc, engine.facts);
      }),
      { numRuns: 40 },
    );
  });

  it('holds for hostile text too (control, zero-width, RTL, emoji, markup, lone surrogates)', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText(60), { maxLength: 8 }).map((lines) => lines.join('。\n')),
        (text) => {
          const doc: CorpusDocument = { id: 'hostile', title: 'h', publisher: null, period: null, file: 'h.txt', text };
          expectFactsTileSentences(doc, buildEngine([doc]).facts);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps offsets exact through a byte-order mark, CRLF line ends and astral characters', () => {
    const text = '\ufeff# 标题\r\n\u3000\u3000𠀀𪚥浑南区常住人口69万人；国家高新技术企业412家。😀面积803平方公里！\r\n';
    const doc: CorpusDocument = { id: 'bom', title: 't', publisher: null, period: null, file: 'bom.txt', text };
    const engine = buildEngine([doc]);
    expect(engine.facts.length).toBeGreaterThanOrEqual(2);
    expectFactsTileSentences(doc, engine.facts);
  });
});
