// detectAskedKind: what a question asks for, read from its wording (Chinese and English cues).
import { describe, expect, it } from 'vitest';
import { ANSWERING_FIGURE_KINDS, asksForThing, detectAskedKind, type AskedKind } from '../../src/question/asked-kind.js';

const TABLE: ReadonlyArray<readonly [string, AskedKind]> = [
  // number: an ordinal or a dimension
  ['浑南区的综合实力排第几？', 'rank'],
  ['电视塔有多高？', 'number'],
  ['跑道有多少米？', 'number'],
  ['他今年几岁？', 'number'],
  // people
  ['浑南区有多少名院士？', 'people'],
  ['引进了几位专家？', 'people'],
  ['有多少个博士？', 'people'],
  ['浑南区常住人口多少？', 'people'],
  ['浑南区有多少人？', 'people'],
  ['人才有多少？', 'people'],
  ['How many people live in Hunnan?', 'people'],
  ['What is the population of Hunnan?', 'people'],
  // count
  ['浑南区有多少家国家高新技术企业？', 'count'],
  ['新登记市场主体多少户？', 'count'],
  ['在建项目有几个？', 'count'],
  ['一共有多少？', 'count'],
  ['How many enterprises are there?', 'count'],
  ['What is the number of incubators?', 'count'],
  // multiple
  ['是2018年的几倍？', 'multiple'],
  ['增长了多少倍？', 'multiple'],
  ['How many times as large is it?', 'multiple'],
  // percent
  ['国家级专家的比例是多少？', 'percent'],
  ['常住人口占全市多少？', 'percent'],
  ['同比增长了多少？', 'percent'],
  // The compound's head decides: a rate of 人口 is a rate, energy per 万元 of GDP is no sum of money.
  ['常住人口城镇化率是多少？', 'percent'],
  ['固定资产投资在三县两区里排第几？', 'rank'],
  ['How much did fixed asset investment grow?', 'percent'],
  ['How much steel was produced by industrial enterprises above designated size?', 'number'],
  ['第三产业投资排名第几名？', 'rank'],
  ['人口自然增长率是多少？', 'percent'],
  ['电视人口综合覆盖率是多少？', 'percent'],
  ['万元GDP能耗是多少？', 'count'],
  ['计划投资多少亿元？', 'money'],
  ['What share of the enterprises are high-tech?', 'percent'],
  ['What percentage of GDP is it?', 'percent'],
  // area
  ['区域总面积多大？', 'area'],
  ['占地面积有多大？', 'area'],
  ['How big is Hunnan?', 'area'],
  ['What is the area of Hunnan?', 'area'],
  // duration: 几个工作日 is a duration, not a count
  ['企业注册需要几个工作日？', 'duration'],
  ['审批需要多久？', 'duration'],
  ['多长时间能办完？', 'duration'],
  ['How long does registration take?', 'duration'],
  ['How many working days does it take?', 'duration'],
  // date
  ['浑南区什么时候成立的？', 'date'],
  ['哪一年设立的？', 'date'],
  ['When was the zone founded?', 'date'],
  ['What year did it open?', 'date'],
  // (DRCD's wordings: a year of the era, an era, a century.)
  ['奥斯陆被提升为主教辖区于西元几年？', 'date'],
  ['巴布亚纽几内亚于何年正式独立？', 'date'],
  ['史特拉斯堡成为总主教的驻地是于几世纪开始？', 'date'],
  ['楚昭辅是哪一朝代的人？', 'date'],
  // "Which one" names a thing, though the question names a quantity, unless it asks how much too.
  ['哪一个阶层是法国人数最多的阶层？', null],
  ['世界上哪一个国家的女性国会议员比例最高？', 'place'],
  ['哪个区的人口最多，有多少人？', 'people'],
  ['凤岭校区的高水平实验室有哪几座？', 'list'],
  ['炮身的容量有多大？', 'number'],
  ['毛利幸松丸被拥立为下任当主时多大？', 'number'],
  ['浑南区有多大？', 'area'],
  // money
  ['计划投资多少？', 'money'],
  ['总共花了多少钱？', 'money'],
  ['基金会有多少资金？', 'money'],
  ['How much money was invested?', 'money'],
  // person
  ['谁是区长？', 'person'],
  ['Who founded the park?', 'person'],
  // place
  ['浑南区在哪里？', 'place'],
  ['Where is Hunnan?', 'place'],
  // definition
  ['什么是双创？', 'definition'],
  ['双创是什么？', 'definition'],
  ['What is an incubator?', 'definition'],
  // list
  ['浑南区有哪些主导产业？', 'list'],
  ['Which industries lead?', 'list'],
  // yes / no
  ['浑南区是最年轻的新城区吗？', 'yesno'],
  ['是否设有自贸区？', 'yesno'],
  ['Is it the largest district?', 'yesno'],
  // nothing to tell
  ['浑南区怎么样？', null],
  ['介绍一下浑南区', null],
];

describe('detectAskedKind', () => {
  it.each(TABLE)('"%s" → %s', (q, kind) => expect(detectAskedKind(q)).toBe(kind));

  it('the table covers every kind', () => {
    const kinds = new Set(TABLE.map(([, k]) => k));
    for (const k of Object.keys(ANSWERING_FIGURE_KINDS)) expect(kinds).toContain(k);
    expect(kinds).toContain(null);
  });
});

describe('detectAskedKind: the quantity gate', () => {
  it('a money word alone does not make a money question (基金会 is not 多少钱)', () => {
    expect(detectAskedKind('基金会')).toBeNull();
    expect(detectAskedKind('浑南区的投资环境')).toBeNull();
    expect(detectAskedKind('基金会是什么？')).toBe('definition');
    expect(detectAskedKind('多少钱？')).toBe('money');
    expect(detectAskedKind('基金会有多少？')).toBe('money');
  });

  it('a people word needs the gate too, except the quantity nouns themselves (人口, 人数)', () => {
    expect(detectAskedKind('人才政策')).toBeNull();
    expect(detectAskedKind('浑南区人口')).toBe('people');
    expect(detectAskedKind('在站院士人数')).toBe('people');
  });

  it('without a quantity cue a question falls through to the non-numeric kinds', () => {
    // 投资 would say money, but nothing asks "how much": the list cue decides.
    expect(detectAskedKind('浑南区有哪些投资项目？')).toBe('list');
    expect(detectAskedKind('Which funds invest in Hunnan?')).toBe('list');
  });
});

describe('detectAskedKind: 占地 (occupies land) asks for an area', () => {
  it.fails('"占地面积多少" and "占地多少平方公里" ask for an area, not a percent', () => {
    // BUG (asked-kind.ts): the percent cue 占.{0,8}(多少|几) comes before the area cues and catches 占地, so
    // "松林公园占地面积多少？" is a percent question, no area figure answers it and the engine says "not in the
    // document" (with 有多大 instead of 多少 the same question is answered).
    expect(detectAskedKind('占地面积多少？')).toBe('area');
    expect(detectAskedKind('公园占地多少平方公里？')).toBe('area');
  });
});

describe('ANSWERING_FIGURE_KINDS', () => {
  it('a people question is answered by people or count figures, a money question only by money', () => {
    expect(ANSWERING_FIGURE_KINDS.people).toEqual(['people', 'count']);
    expect(ANSWERING_FIGURE_KINDS.money).toEqual(['money']);
    expect(ANSWERING_FIGURE_KINDS.percent).toEqual(['percent', 'ratio']);
  });

  it('non-figure kinds take any fact', () => {
    for (const k of ['person', 'place', 'list', 'definition', 'yesno'] as const) expect(ANSWERING_FIGURE_KINDS[k]).toBeNull();
  });
});

describe('asksForThing', () => {
  it('is a question for a name, though it names a rate', () => {
    expect(asksForThing('1992年彰化市的产业结构中以哪一种产业的比例最低？')).toBe(true);
    expect(asksForThing('1973年，由于什么原因，世界物价水平上涨？')).toBe(true);
  });

  it('is not a question for the rate itself, nor one that asks how much', () => {
    expect(asksForThing('浑南区GDP增长率是多少？')).toBe(false);
    expect(asksForThing('2015年浑南区GDP增速是什么？')).toBe(false);
    expect(asksForThing('哪个产业的比例最低，是多少？')).toBe(false);
  });
});
