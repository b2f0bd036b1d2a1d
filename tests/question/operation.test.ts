import { beforeAll, describe, expect, it } from 'vitest';
import { detectComputation, documentPhrases } from '../../src/question/operation.js';
import type { ComputeRequest } from '../../src/app/compute/computed-answer.js';
import type { Synonym } from '../../src/question/synonyms.js';
import { readGolden } from '../helpers/golden.js';
import { seedGlossary } from '../app/compute/pipeline.js';

const names = (r: ComputeRequest | null) => r?.subjects.map((s) => (s.kind === 'named' ? s.label : `[${s.name}]`));
const isDocumentPhrase = documentPhrases([{ text: '构建完善智能制造、新能源汽车、生物医药与健康医疗三大主导产业' }]);

let glossaryEn: Synonym[];
beforeAll(async () => {
  glossaryEn = await seedGlossary();
});

describe('detectComputation: what each operand is', () => {
  it('drops the place and time every operand shares, and a unit named as the measure', () => {
    const r = detectComputation('德清县1-10月项目投资比第三产业投资多多少亿元？', { places: new Set(['德清县']) });
    expect(names(r)).toEqual(['项目', '第三产业']);
    expect(r).toMatchObject({ operation: 'difference', metric: '投资', kinds: ['money'] });
    const units = detectComputation('出口比进口多多少亿元？');
    expect(units).toMatchObject({ metric: null, kinds: ['money'] });
    expect(names(units)).toEqual(['出口', '进口']);
  });

  it('keeps groups of people whole (城镇居民 is no place), and a kilometre a unit', () => {
    const r = detectComputation('城镇居民人均可支配收入比农村居民多多少？', { places: new Set(['城镇', '农村']) });
    expect(names(r)).toEqual(['城镇居民', '农村居民']);
    expect(detectComputation('高速公路和国道一共多少公里？')?.metric).toBeNull();
  });

  it('gives every name the measure the last one names after 的 (华东和华南的营业收入)', () => {
    const r = detectComputation('华东和华南的营业收入哪个更多？');
    expect(names(r)).toEqual(['华东', '华南']);
    expect(r?.metric).toBe('营业收入');
  });

  it('gives the second operand the measure the first names after their shared head', () => {
    const r = detectComputation('城镇居民人均可支配收入比农村居民多多少？');
    expect(names(r)).toEqual(['城镇居民', '农村居民']);
    expect(r?.metric).toBe('人均可支配收入');
  });

  it('keeps the 中 of a name inside a list, and drops a locative after the list', () => {
    const isDocumentPhrase = documentPhrases([{ text: '普通高中46所。普通初中175所。' }]);
    expect(names(detectComputation('普通高中和普通初中一共多少所？', { isDocumentPhrase }))).toEqual(['普通高中', '普通初中']);
    expect(names(detectComputation('猪肉、牛肉、羊肉、禽肉中哪种产量最少？'))).toEqual(['猪肉', '牛肉', '羊肉', '禽肉']);
    expect(names(detectComputation('万企行动里，包服干部总共走访了多少次？'))).toEqual(['万企行动', '包服干部']);
  });

  it('gives parallel names the measure after the last one when the document states it with the first', () => {
    const isDocumentPhrase = documentPhrases(
      ['普通高中46所，招生34952人，在校学生103181人。', '普通初中175所，在校学生182169人。', '初级中学461所。', '普通小学学校1705所。'].map(
        (text) => ({ text }),
      ),
    );
    const r = detectComputation('普通高中和普通初中在校学生一共多少人？', { isDocumentPhrase });
    expect(r?.metric).toBe('在校学生');
    expect(names(r)).toEqual(['普通高中', '普通初中']);
    // 初级中学 is never said with 学校: 普通小学学校 is one name.
    const schools = detectComputation('初级中学和普通小学学校一共有多少所？', { isDocumentPhrase });
    expect(schools?.metric).toBeNull();
    expect(names(schools)).toEqual(['初级中学', '普通小学学校']);
  });

  it('reads a whole less a part it leaves out (A中B以外的部分), the measure named once', () => {
    const r = detectComputation('全部固定资产投资中，项目投资以外的部分有多少亿元？');
    expect(r).toMatchObject({ operation: 'remainder', metric: '投资' });
    expect(names(r)).toEqual(['固定资产', '项目']);
    expect(names(detectComputation('第三产业投资里，生产性服务业以外的部分投资了多少亿元？'))).toEqual(['第三产业', '生产性服务业']);
  });

  it('spells out ordinals listed before the noun they share (第一、二产业)', () => {
    expect(names(detectComputation('第一、二产业投资占比合计是多少？'))).toEqual(['第一产业投资', '第二产业投资']);
    expect(names(detectComputation('第一、第二和第三产业增加值一共多少？'))).toEqual([
      '第一产业增加值',
      '第二产业增加值',
      '第三产业增加值',
    ]);
  });

  it('compares rates in points: 几个百分点 counts no things, and 增速 asks for percentages', () => {
    const r = detectComputation('全县固定资产投资增速比第三产业投资增速高几个百分点？');
    expect(r).toMatchObject({ metric: '增速', classifier: null, kinds: ['percent'] });
    expect(names(r)).toEqual(['固定资产投资', '第三产业投资']);
  });

  it('reads 占比是多少 as a share asked, not as A占B', () => {
    expect(detectComputation('去年同期三次产业投资占比是多少？')).toBeNull();
  });
});

describe('detectComputation', () => {
  it('takes the measure the last name carries as the document words it, and keeps 增加值 whole', () => {
    const phrases = documentPhrases([{ text: '分产业看，第一产业增加值184.11亿元；第二产业增加值261.36亿元' }]);
    const r = detectComputation('第一产业和第二产业增加值一共多少？', { isDocumentPhrase: phrases });
    expect(r).toMatchObject({ operation: 'sum', metric: '增加值' });
    expect(names(r)).toEqual(['第一产业', '第二产业']);
    expect(names(detectComputation('智能制造加新能源汽车一共多少个在建项目？'))).toEqual(['智能制造', '新能源汽车']);
  });

  it('reads a sum over a group the document names, with the shared measure', () => {
    const r = detectComputation('三大主导产业在建项目一共有多少个？');
    expect(r).toMatchObject({ operation: 'sum', metric: '在建项目', classifier: '个', kinds: ['count'] });
    expect(r?.subjects).toEqual([{ kind: 'group', name: '三大主导产业', noun: '主导产业', size: 3 }]);
  });

  it('reads a sum over listed subjects', () => {
    expect(names(detectComputation('院士工作站和博士后工作站一共多少个？'))).toEqual(['院士工作站', '博士后工作站']);
    expect(names(detectComputation('双创示范园区、双创服务平台和创新联盟一共多少个？'))).toEqual([
      '双创示范园区',
      '双创服务平台',
      '创新联盟',
    ]);
    expect(detectComputation('智能制造和新能源汽车在建项目加起来多少个？')).toMatchObject({ metric: '在建项目' });
  });

  it('keeps a 与-joined name whole when the document uses it, and splits 与 otherwise', () => {
    const q = '新能源汽车与生物医药与健康医疗哪个计划投资多？';
    expect(names(detectComputation(q, { isDocumentPhrase }))).toEqual(['新能源汽车', '生物医药与健康医疗']);
    expect(names(detectComputation(q))).toEqual(['新能源汽车', '生物医药', '健康医疗']);
  });

  it('reads the largest and the smallest, however the question is ordered', () => {
    expect(detectComputation('三大主导产业中哪个计划投资最多？')).toMatchObject({ operation: 'max', metric: '计划投资', kinds: ['money'] });
    expect(detectComputation('三大主导产业计划投资哪个最多？')).toMatchObject({ operation: 'max', metric: '计划投资' });
    expect(detectComputation('三大主导产业中哪个在建项目最少？')).toMatchObject({ operation: 'min', metric: '在建项目' });
    expect(detectComputation('在建项目最多的是哪个产业？')).toMatchObject({
      operation: 'max',
      metric: '在建项目',
      subjects: [{ kind: 'group', noun: '产业', size: null }],
    });
    expect(names(detectComputation('实地走访和电话联系，哪种方式次数更多？'))).toEqual(['实地走访', '电话联系']);
  });

  it('reads a difference, the larger named first', () => {
    const more = detectComputation('智能制造比新能源汽车在建项目多多少个？');
    expect(more).toMatchObject({ operation: 'difference', metric: '在建项目', classifier: '个' });
    expect(names(more)).toEqual(['智能制造', '新能源汽车']);
    expect(names(detectComputation('新能源汽车比智能制造在建项目少多少个？'))).toEqual(['智能制造', '新能源汽车']);
    expect(names(detectComputation('智能制造计划投资比生物医药与健康医疗多多少？', { isDocumentPhrase }))).toEqual([
      '智能制造',
      '生物医药与健康医疗',
    ]);
  });

  it('reads a share and a multiple, part first', () => {
    expect(detectComputation('新登记企业占市场主体的比例？')).toMatchObject({ operation: 'ratio', ratioAs: 'percent' });
    expect(names(detectComputation('新登记企业占市场主体的比例？'))).toEqual(['新登记企业', '市场主体']);
    expect(names(detectComputation('实地走访占联系企业次数的比例？'))).toEqual(['实地走访', '联系企业']);
    const times = detectComputation('智能制造计划投资是新能源汽车的几倍？');
    expect(times).toMatchObject({ operation: 'ratio', ratioAs: 'multiple', metric: '计划投资' });
    expect(names(times)).toEqual(['智能制造', '新能源汽车']);
  });

  it('reads Traditional characters as their Simplified form', () => {
    expect(detectComputation('三大主導產業在建項目一共有多少個？')).toMatchObject({ operation: 'sum', metric: '在建项目' });
  });

  it('reads English forms through the corpus glossary', () => {
    const sum = detectComputation('How many projects are under construction in the three leading industries in total?', { glossaryEn });
    expect(sum).toMatchObject({ operation: 'sum', metric: '在建项目', subjects: [{ kind: 'group', noun: '主导产业', size: 3 }] });
    expect(detectComputation('Which leading industry has the most planned investment?', { glossaryEn })).toMatchObject({
      operation: 'max',
      kinds: ['money'],
    });
    expect(names(detectComputation('What share of market entities are newly registered enterprises?', { glossaryEn }))).toEqual([
      '新登记企业',
      '市场主体',
    ]);
    expect(
      names(detectComputation('How much more is invested in intelligent manufacturing than in new energy vehicles?', { glossaryEn })),
    ).toEqual(['智能制造', '新能源汽车']);
    expect(detectComputation('How many projects are under construction in the three leading industries in total?')).toBeNull();
  });

  it.each([
    ['沈阳市一共有几个区县？', 'one subject'],
    ['双创载体一共多少家？', 'one subject'],
    ['主导产业一共有几个？', 'a group with nothing to measure'],
    ['重点项目比2018年同期增加了多少个？', 'a change the document states'],
    ['国家高新技术企业比2018年同期多多少家？', 'a comparison with a period'],
    ['新认定高企数量是2018年同期的几倍？', 'a multiple the document states'],
    ['科技型中小企业占全市多少？', 'a share the document states'],
    ['国家级双创载体占沈阳市的比例是多少？', 'a share the document states'],
    ['渾南區佔地面積有多大？', '占地 is not a share'],
    ['自贸区和高新区怎么协同发展？', 'no arithmetic'],
    ['浑南区在沈阳哪个方位？', 'no arithmetic'],
    ['How many people live in Hunnan?', 'one figure'],
  ])('leaves "%s" to the engine (%s)', (q) => {
    expect(detectComputation(q, { isDocumentPhrase, glossaryEn })).toBeNull();
  });

  it('finds no computation in the single-fact golden questions', () => {
    const golden = [...readGolden('seed-dev.jsonl'), ...readGolden('hunnan-zh.jsonl')];
    const fired = golden.filter((g) => detectComputation(g.q, { isDocumentPhrase, glossaryEn }) !== null).map((g) => `${g.id} ${g.q}`);
    expect(fired).toEqual([]);
  });
});
