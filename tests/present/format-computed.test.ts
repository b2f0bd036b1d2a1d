import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { formatReplyText, plainFormat, renderSourceLine } from '../../src/present/index.js';
import { computeAnswer } from '../../src/app/compute/compute.js';
import type { ComputedAnswer } from '../../src/app/compute/computed-answer.js';
import { computedToJson, ComputedJsonSchema } from '../../src/present/computed-json.js';
import { detectComputation, documentPhrases } from '../../src/question/operation.js';
import { seedEngine } from '../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

/** The plain text every medium prints for a computed answer. */
function formatComputedText(a: ComputedAnswer, options: { lang?: 'zh' | 'en' } = {}): string {
  return formatReplyText(a, { language: options.lang === 'en' ? 'en' : 'zh-Hans', subjectsEn: engine.vocabulary.subjectsEn });
}

function compute(q: string): ComputedAnswer {
  return computeAnswer(detectComputation(q, { isDocumentPhrase: documentPhrases(engine.facts) })!, engine);
}

describe('a computed answer, as plain text', () => {
  it('shows the result, the working and each operand with its citation (Chinese)', () => {
    const a = compute('三大主导产业在建项目一共有多少个？');
    const text = formatComputedText(a);
    const lines = text.split('\n');
    expect(lines[0]).toBe('▶ 合计：122个');
    expect(lines[1]).toBe('计算: 91 + 3 + 28 = 122');
    expect(text).toContain('在建智能制造产业项目【91个】');
    for (const o of a.operands) expect(text).toContain(renderSourceLine(o.hit.citation, 'zh', plainFormat));
  });

  it('names the winner of a comparison', () => {
    expect(formatComputedText(compute('三大主导产业中哪个计划投资最多？')).split('\n')[0]).toBe('▶ 最多：智能制造（414.5亿元）');
    expect(formatComputedText(compute('智能制造比新能源汽车在建项目多多少个？')).split('\n')[0]).toBe('▶ 智能制造比新能源汽车多88个');
    expect(formatComputedText(compute('新登记企业占市场主体的比例？')).split('\n')[0]).toBe('▶ 新登记企业约占市场主体的11.3%');
  });

  it('renders figures for an English reader and quotes the Chinese sentences verbatim', () => {
    const a = compute('三大主导产业中哪个计划投资最多？');
    const text = formatComputedText(a, { lang: 'en' });
    expect(text.split('\n')[0]).toBe('▶ Largest: intelligent manufacturing (智能制造) — CNY 41.45 billion');
    expect(text).toContain(
      'Working: intelligent manufacturing 41.45 billion > biomedicine and healthcare 9.57 billion > new energy vehicles 7.77 billion (CNY)',
    );
    for (const o of a.operands) {
      expect(text.replace(/[【】]/g, '')).toContain(`“${o.hit.fact.text}”`);
      expect(text).toContain(renderSourceLine(o.hit.citation, 'en', plainFormat));
    }
  });

  it('says what is missing instead of a result', () => {
    const a = compute('智能制造和休闲养老在建项目一共多少个？');
    expect(formatComputedText(a)).toContain('文档中没有找到这些数据：休闲养老');
    expect(formatComputedText(a, { lang: 'en' })).toMatch(
      /^▶ This cannot be computed from the document\.\nThe document gives no figure for: 休闲养老/,
    );
  });

  it('flags approximate results', () => {
    const text = formatComputedText(compute('高层次人才和国家级专家一共多少人？'), { lang: 'en' });
    expect(text).toContain('▶ Total: about 779 people');
    expect(text).toContain('近700人 is an approximate figure');
  });
});

describe('computedToJson', () => {
  it('marks the operation and each operand with its text, figure and citation', () => {
    const a = compute('院士工作站和博士后工作站一共多少个？');
    const json = ComputedJsonSchema.parse(JSON.parse(JSON.stringify(computedToJson(a))));
    expect(json).toMatchObject({ computed: true, found: true, operation: 'sum', arithmetic: '14 + 14 = 28', result: { value: 28 } });
    expect(json.operands).toHaveLength(2);
    expect(json.operands[0]).toMatchObject({
      label: '院士工作站',
      text: '拥有院士工作站14个，在站院士22人；',
      figure: { raw: '14个', value: 14, kind: 'count' },
    });
    expect(json.operands[1]!.citation).toEqual(a.operands[1]!.hit.citation);
    expect(json.answers.map((x) => x.keyFigure)).toEqual(['14个', '14个']);
  });

  it('is found: false with the missing operands named when nothing could be computed', () => {
    const json = computedToJson(compute('智能制造和休闲养老在建项目一共多少个？'));
    expect(json).toMatchObject({ found: false, result: null, missing: ['休闲养老'] });
    expect(json.note).toContain('休闲养老');
  });
});
