// The follow-up cues' edges (tests/app/context/follow-up.test.ts has the common cases and the rewriting).
import { describe, expect, it } from 'vitest';
import { chineseBody, englishBody, MAX_FOLLOW_UP_CHARS, TIME_BODY } from '../../src/question/follow-up-cues.js';

describe('chineseBody', () => {
  it.each([
    ['那么，计划投资呢？', '计划投资'],
    ['关于计划投资呢', '计划投资'],
    ['那是计划投资的情况呢', '计划投资'],
    ['计划投资嘞', '计划投资'],
    ['  新能源汽车呢 ？ ', '新能源汽车'],
    ['浑南区呢。', '浑南区'],
    ['那2019年上半年呢', '2019年上半年'],
    // Without 呢, a lead word (另外, 还有) is what makes it a follow-up.
    ['另外院士工作站', '院士工作站'],
    ['还有，博士后工作站', '博士后工作站'],
  ])('"%s" → "%s"', (q, body) => expect(chineseBody(q)).toBe(body));

  it.each(['计划投资', '那多少呢', '谁呢', '呢', '我想了解计划投资呢', '请告诉我计划投资呢'])('"%s" is no follow-up', (q) =>
    expect(chineseBody(q)).toBeNull(),
  );

  it(`a body of at most ${MAX_FOLLOW_UP_CHARS} characters is a fragment, a longer one a question of its own`, () => {
    const body = '一二三四五六七八九十甲乙'.slice(0, MAX_FOLLOW_UP_CHARS);
    expect(chineseBody(`${body}呢`)).toBe(body);
    expect(chineseBody(`${body}丙呢`)).toBeNull();
  });

  it.fails('takes the lead 那个 off the body ("那个新能源汽车呢" is about 新能源汽车)', () => {
    // BUG (follow-up-cues.ts ZH_FOLLOW_UP): the lead alternation tries 那么? before 那个, so 那 matches, the
    // lazy body starts at 个 and the 那个 alternative is never used. The body comes out "个新能源汽车", and
    // resolveFollowUp('智能制造在建项目有多少个？', '那个计划投资呢？') asks "个计划投资是多少？", losing 智能制造.
    expect(chineseBody('那个新能源汽车的数据呢')).toBe('新能源汽车');
    expect(chineseBody('那个计划投资呢？')).toBe('计划投资');
  });
});

describe('englishBody', () => {
  it.each([
    ['the same for SMEs?', 'SMEs'],
    ['So what of the incubators?', 'incubators'],
    ['and in 2018?', '2018'],
    ['ok, what about the investment?', 'investment'],
    ['what about one two three four five six', 'one two three four five six'],
  ])('"%s" → "%s"', (q, body) => expect(englishBody(q)).toBe(body));

  it.each(['what about one two three four five six seven', 'and which one?', 'And how many?', 'What about?', 'and?'])(
    '"%s" is no follow-up',
    (q) => expect(englishBody(q)).toBeNull(),
  );
});

describe('TIME_BODY', () => {
  it.each(['2018年', '2019年上半年', '2018', '去年同期', '今年以来', '上半年', '目前'])('"%s" names only a time', (b) =>
    expect(TIME_BODY.test(b)).toBe(true),
  );
  it.each(['2018年的', '计划投资', '2018年计划投资'])('"%s" names more than a time', (b) => expect(TIME_BODY.test(b)).toBe(false));
});
