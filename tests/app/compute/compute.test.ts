import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { computeAnswer, operandQuestion } from '../../../src/app/compute/compute.js';
import type { ComputedAnswer, ComputeRequest } from '../../../src/app/compute/computed-answer.js';
import { detectComputation, documentPhrases } from '../../../src/question/operation.js';
import { conflictingTimes, timeKey } from '../../../src/app/compute/time-key.js';
import { seedEngine } from '../../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

function compute(q: string): ComputedAnswer {
  const request = detectComputation(q, { isDocumentPhrase: documentPhrases(engine.facts) });
  if (!request) throw new Error(`no computation detected in ${q}`);
  return computeAnswer(request, engine);
}

function request(partial: Partial<ComputeRequest> & Pick<ComputeRequest, 'operation' | 'subjects'>): ComputeRequest {
  return { question: 'test', metric: null, classifier: null, kinds: ['count', 'people', 'money'], ratioAs: 'percent', ...partial };
}

describe('computeAnswer', () => {
  it('adds up the three leading industries’ projects: 91 + 3 + 28 = 122', () => {
    const a = compute('三大主导产业在建项目一共有多少个？');
    expect(a).toMatchObject({ operation: 'sum', arithmetic: '91 + 3 + 28 = 122', comparable: true, missing: [] });
    expect(a.result).toMatchObject({ value: 122, unit: '个', text: '122个' });
    expect(a.operands.map((o) => [o.label, o.figure.raw])).toEqual([
      ['智能制造', '91个'],
      ['新能源汽车', '3个'],
      ['生物医药与健康医疗', '28个'],
    ]);
  });

  it('cites each operand with its own fact', () => {
    const a = compute('三大主导产业在建项目一共有多少个？');
    for (const o of a.operands) {
      expect(o.hit.fact.text).toContain(o.figure.raw);
      expect(o.hit.fact.text.slice(o.figure.start, o.figure.end)).toBe(o.figure.raw);
      expect(o.hit.citation).toMatchObject({ document: 'hunnan-2019', section: '投资兴业的热土', start: o.hit.fact.start });
    }
    expect(new Set(a.operands.map((o) => o.hit.fact.id)).size).toBe(3);
  });

  it('names the largest planned investment: 智能制造 414.5亿元 against 77.7 and 95.7', () => {
    const a = compute('三大主导产业中哪个计划投资最多？');
    expect(a.result).toMatchObject({ value: 41_450_000_000, unit: '元', text: '414.5亿元', winners: ['智能制造'] });
    expect(a.arithmetic).toBe('智能制造 414.5 > 生物医药与健康医疗 95.7 > 新能源汽车 77.7（亿元）');
  });

  it('adds the two kinds of workstation: 14 + 14 = 28', () => {
    expect(compute('院士工作站和博士后工作站一共多少个？')).toMatchObject({ arithmetic: '14 + 14 = 28', result: { value: 28 } });
  });

  it('computes the share of newly registered enterprises: 6200 / 54900 ≈ 11.3%', () => {
    const a = compute('新登记企业占市场主体的比例？');
    expect(a.arithmetic).toBe('6200 / 54900 ≈ 11.3%');
    expect(a.result?.value).toBeCloseTo(11.293, 3);
    expect(a.result).toMatchObject({ unit: '%', text: '11.3%', approx: true });
  });

  it('writes money sums in the document’s 亿, without binary noise', () => {
    const a = compute('三大主导产业计划总投资一共多少？');
    expect(a.result).toMatchObject({ value: 58_790_000_000, text: '587.9亿元' });
    expect(a.arithmetic).toBe('414.5 + 77.7 + 95.7 = 587.9（亿元）');
  });

  it('signs a difference the question got the wrong way round', () => {
    const a = compute('国家高新技术企业比科技型中小企业多多少家？');
    expect(a.operands.map((o) => o.figure.raw)).toEqual(['412家', '529家']);
    expect(a.result).toMatchObject({ value: -117, text: '-117家' });
  });

  it('says which operand the document lacks, and computes nothing', () => {
    const a = compute('智能制造和休闲养老在建项目一共多少个？');
    expect(a).toMatchObject({ result: null, arithmetic: null, missing: ['休闲养老'] });
    expect(a.operands.map((o) => o.figure.raw)).toEqual(['91个']);
    expect(a.notes).toContainEqual({ code: 'missing', labels: ['休闲养老'] });
    expect(a.note).toContain('休闲养老');
  });

  it('does not add figures in different units', () => {
    const a = computeAnswer(
      request({
        operation: 'sum',
        subjects: [
          { kind: 'named', label: '高层次人才' },
          { kind: 'named', label: '双创载体' },
        ],
      }),
      engine,
    );
    expect(a.operands.map((o) => o.figure.raw)).toEqual(['近700人', '61家']);
    expect(a).toMatchObject({ result: null, comparable: false });
    expect(a.notes.map((n) => n.code)).toContain('units-differ');
  });

  it('computes figures from different times but says they differ', () => {
    const a = computeAnswer(
      request({
        operation: 'sum',
        kinds: ['money'],
        subjects: [
          { kind: 'named', label: '人才专项基金' },
          { kind: 'named', label: '新能源汽车计划总投资' },
        ],
      }),
      engine,
    );
    expect(a.operands.map((o) => o.figure.raw)).toEqual(['5400余万元', '77.7亿元']);
    expect(a.result?.value).toBe(7_824_000_000);
    expect(a.comparable).toBe(false);
    expect(a.notes).toContainEqual({ code: 'times-differ', times: ['2018年', '2019年'] });
    expect(a.notes).toContainEqual({ code: 'approximate', raws: ['5400余万元'] });
  });

  it('reports a tie for the largest', () => {
    const a = compute('院士工作站和博士后科研工作站哪个多？');
    expect(a.result?.winners).toEqual(['院士工作站', '博士后科研工作站']);
    expect(a.notes.map((n) => n.code)).toContain('tie');
  });

  it('marks sums of approximate figures as approximate', () => {
    const a = compute('高层次人才和国家级专家一共多少人？');
    expect(a.result).toMatchObject({ value: 779, text: '约779人', approx: true });
    expect(a.arithmetic).toBe('700 + 79 ≈ 779');
  });

  it('says when the document does not list a group', () => {
    const a = computeAnswer(
      request({ operation: 'sum', metric: '在建项目', subjects: [{ kind: 'group', name: '五大产业', noun: '产业', size: 5 }] }),
      engine,
    );
    expect(a).toMatchObject({ result: null, missing: ['五大产业'] });
    expect(a.notes).toContainEqual({ code: 'group-unknown', group: '五大产业' });
  });

  it('asks the engine one plain question per operand', () => {
    expect(operandQuestion('智能制造', { metric: '在建项目', classifier: '个', kinds: ['count'] })).toBe('智能制造在建项目有多少个？');
    expect(operandQuestion('新能源汽车', { metric: '计划投资', classifier: null, kinds: ['money'] })).toBe('新能源汽车计划投资是多少？');
  });
});

describe('timeKey', () => {
  it.each([
    ['截至2019年7月30日', '2019||7|30'],
    ['截至2019年7月末，同比', '2019||7|末'],
    ['2019年上半年', '2019|上半年||'],
    ['目前', null],
    [null, null],
  ])('%s → %s', (time, key) => expect(timeKey(time)).toBe(key));

  it('treats an unstated time or 目前 as matching any other', () => {
    expect(conflictingTimes([null, '2019年', '目前'])).toEqual([]);
    expect(conflictingTimes(['2018年', '2019年上半年'])).toEqual(['2018年', '2019年上半年']);
  });
});
