/** What a question asks for, read from its wording: 多少人 → people, 多大/面积 → area ... */
import { ANSWER_TYPES } from './lexicon.js';

/** What the question asks for, as far as it can be told. */
export type AskedKind =
  | 'people'
  | 'count'
  | 'area'
  | 'money'
  | 'percent'
  | 'duration'
  | 'multiple'
  | 'date'
  | 'number'
  | 'rank'
  | 'person'
  | 'place'
  | 'list'
  | 'definition'
  | 'yesno'
  | null;

/**
 * "What was the GDP / the unemployment rate / the total retail sales…": an English question for the value
 * of a statistical measure (Chinese says 是多少, which the cues below read as it is).
 */
const EN_VALUE_OF =
  /\bwhat(?:'s| (?:was|were|is|are))\b(?![^?]*\b(?:which|who|kinds?|types?|names?)\b)[^?]*\b(?:rates?|ratios?|values?|output|volumes?|revenues?|income|sales|investment|population|gdp|product|numbers?|amounts?|total|expenditures?|spending|index|production|turnover|deposits?|loans?|size|area|shares?|proportion|level|prices?|coefficient|yield|consumption|emissions?|balance|surplus|loss(?:es)?|capacity|coverage|growth|increase|decrease|concentration|density|intensity|length|mileage|scale|figure|quantity|sum|costs?|count|profits?|assets|liabilities|earnings|expenses|margins?|dividends?|cash flows?|equity|eps|receivables?|inventor(?:y|ies))\b/i;

/** First match wins, so the more specific cues come first. */
const CUES: ReadonlyArray<readonly [Exclude<AskedKind, null>, RegExp]> = [
  // A place in a ranking: 排第几, 排名多少, 位列第几; 第几 alone ("第几届") asks an ordinal, a number like any other.
  [
    'rank',
    /(?:排|排名|排在|位列|位居|居|名列)(?:第几|多少位|多少名)|排名(?:多少|怎样|如何|情况)|名次|\bwhat (?:rank|place|position)\b|\branks?(?:ed)? (?:where|how)\b/i,
  ],
  ['number', /第几/],
  // "有哪几座", "哪几个铁道": which ones, a list — not how many.
  ['list', /哪几/],
  ['people', /(多少|几)(个人|人|名|位)|(多少|几)个?(院士|专家|博士|人才|员工|干部|学生|居民)/],
  ['count', /(多少|几)(个|家|户|项|次|条|座|所|批|件|种|类|届)(?!工作日|小时|月)/],
  [
    'multiple',
    /几倍|多少倍|是.*的几倍|\bhow many times (as|more|larger|bigger|higher|greater)\b|\btimes (as (many|much|large)|that of)\b/i,
  ],
  [
    'percent',
    /比例|占比|百分之|百分比|比重|占.{0,8}(多少|几)|(增长|增速|增幅|下降|上涨|涨了|率).{0,3}(多少|几)|percent|(?<!per )\bshares?\b(?! (?:capital|price))|proportion|\bgrowth\b|\bhow much did\b.*\b(?:grow|rise|increase|decline|decrease|fall|drop)\b/i,
  ],
  // ("above designated size" is a scope of statistics, not an area.)
  // (多大 of a place is its area; of a capacity, an age, a length or a share it is not: 容量有多大, 当主时多大.)
  [
    'area',
    /面积|(?<!(?:容量|年龄|岁数|年纪|体长|身长|长度|体积|重量|规模|份额|比重|比例|力度|排量|功率|直径|半径|时|时候)有?)多大|多少平方|占地|\bhow (big|large)\b|\barea\b|(?<!designated )\bsize\b/i,
  ],
  [
    'duration',
    /多久|多长时间|几天|几个小时|几个工作日|时限|用时|耗时|时间.{0,4}(多少|几|多久)|(多少|几).{0,2}时间|\bhow long\b|\bhow many (working |business )?(days|hours|weeks|months|minutes)\b/i,
  ],
  [
    'date',
    /什么时候|何时|何年|哪一年|哪年|哪个月|几月|几号|日期|年份|哪一天|(?:西元|公元|民国)前?(?:几|多少)年|几世纪|哪个世纪|哪一世纪|哪个朝代|哪一朝代?|\bwhen\b|\bwhat year\b/i,
  ],
  [
    'money',
    /多少钱|投资|资金|基金|金额|经费|(?<!每)(?:亿元|万元)(?!GDP|生产总值|地区生产总值|工业增加值|增加值|产值)|多少元|花了|支出|\binvest|\bfund|\bmoney\b|\bspen[dt]\b|\bcost\b|\bbudget\b/i,
  ],
  [
    'people',
    /多少人|几人|几个人|人口|多少名|几名|几位|多少位|人数|人才|专家|院士|博士|\bpeople\b|\bpopulation\b|\bpersons?\b|\btalents?\b|\bexperts?\b/i,
  ],
  ['person', /谁|哪位|什么人|\bwho\b/i],
  ['place', /哪里|哪儿|什么地方|在哪|哪一?个?(?:城市|国家|省份?|地区)|哪座|位于|\bwhere\b/i],
  ['number', /多[高长重远深宽厚大]|多少[米岁吨年]|几[米岁年]/],
  ['count', /多少|几|数量|总数|数目|\bhow many\b|\bnumber of\b/i],
  ['number', EN_VALUE_OF],
  ['number', /\bhow much\b/i],
  ['definition', /^(什么是|何谓|何为)[^的]{1,20}[？?]?$|^[^的]{1,20}是(什么|啥)[？?]?$|^\s*what is (an? )?[a-z ]{1,30}\?$/i],
  ['list', /哪些|有什么|有啥|包括|都有|\bwhich\b|\bwhat are\b/i],
  ['yesno', /吗[？?]?$|是不是|是否|有没有|^(is|are|does|do|did|can|has|have)\b/i],
];

/** Kinds that ask for a quantity: only inferred when the question asks "how much" in some form. */
const QUANTITY_KINDS: ReadonlySet<AskedKind> = new Set(['people', 'count', 'money', 'percent', 'area', 'duration', 'multiple', 'number']);
const QUANTITY_CUE =
  /多少|几|多大|多久|多长|多高|多远|多重|多深|多宽|比例|占比|比重|百分|倍|面积|人口|人数|规模|\bhow (many|much|big|large|long|high|far)\b|\bpopulation\b|\barea\b|\bsize\b|\bnumber of\b|\bpercent(age)?\b|\bshare\b|\bproportion\b/i;

/** "How much" said outright: a quantity asked, whatever else the question names. */
const HOW_MUCH = /多少|几|多大|多久|多长|多高|多远|多重|多深|多宽|\bhow (many|much|big|large|long|high|far)\b/i;
/** "Which one" in Chinese: a thing named, not a quantity, unless "how much" is said too (哪一个阶层是人数最多的阶层). */
const WHICH = /哪|什么|谁|何种|何处|何地/;

/**
 * A question for a thing, however it names a rate: "以哪一种产业的比例最低", "由于什么原因物价上涨" are answered by a
 * name, not by a figure of the role their words name.
 */
export function asksForThing(question: string): boolean {
  return (
    !HOW_MUCH.test(question) && (/哪(?:一)?(?:个|种|类|家|项|所|座|位|国|些|方面|领域)/.test(question) || THING_AFTER_WHAT.test(question))
  );
}
const THING_AFTER_WHAT = new RegExp(`(?:什么|何种)(?:${ANSWER_TYPES.join('|')}|效应|疾病|组织|机构|产业|行业|颜色|东西)`);

export function detectAskedKind(question: string): AskedKind {
  const quantity = (QUANTITY_CUE.test(question) || EN_VALUE_OF.test(question)) && (HOW_MUCH.test(question) || !WHICH.test(question));
  for (const [kind, re] of CUES) {
    if (QUANTITY_KINDS.has(kind) && !quantity) continue;
    if (re.test(question)) return kind;
  }
  return null;
}

/** The figure kinds that can answer each asked kind (null: any fact may answer, figure or not). */
export const ANSWERING_FIGURE_KINDS: Readonly<Record<Exclude<AskedKind, null>, readonly string[] | null>> = {
  multiple: ['multiple'],
  percent: ['percent', 'ratio'],
  area: ['area'],
  duration: ['duration'],
  date: ['date'],
  money: ['money'],
  people: ['people', 'count'],
  rank: ['rank', 'number'],
  count: ['count', 'people', 'money', 'area', 'percent', 'multiple', 'duration', 'number', 'magnitude'],
  number: ['count', 'people', 'money', 'area', 'percent', 'multiple', 'duration', 'number', 'magnitude'],
  person: null,
  place: null,
  list: null,
  definition: null,
  yesno: null,
};

const NUMERIC_ASKS: ReadonlySet<AskedKind> = new Set([
  'people',
  'count',
  'area',
  'money',
  'percent',
  'duration',
  'multiple',
  'number',
  'rank',
]);

/** Whether a figure is asked for (not a date, a name, a place, a list or a yes or no). */
export function isNumericAsk(asked: AskedKind): boolean {
  return NUMERIC_ASKS.has(asked);
}
