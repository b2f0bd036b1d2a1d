/**
 * Words that tell a measure from the thing measured, for questions about several subjects
 * ("智能制造和新能源汽车在建项目…") and for follow-ups ("那计划投资呢？"). Generic question
 * vocabulary of Chinese economic reporting, not a list of this document's subjects.
 */

/**
 * Measures that apply across subjects: "A和B在建项目" shares 在建项目. Longest first, so that
 * 计划总投资 wins over 投资. A measure here is kept in the sub-question and matched in the fact.
 */
export const METRIC_WORDS = [
  '计划总投资',
  '计划投资额',
  '计划投资',
  '投资总额',
  '投资规模',
  '总投资',
  '投资额',
  '投资',
  '在建项目',
  '项目',
  '同比增长率',
  '同比增长',
  '增长率',
  '增速',
  '增长',
  '常住人口',
  '区域总面积',
  '总面积',
  '人口',
  '面积',
  '比例',
  '占比',
] as const satisfies readonly string[];

/** Words that only say "how many" ("次数", "数量"): dropped from labels, never matched. */
export const COUNT_WORDS = /(?:的)?(?:数量|个数|次数|人数|家数|户数|数目|总量|多少)$/;

/** Measure words after 多少/几 that name what is counted. */
export const CLASSIFIERS = '个家户人次项位名条所座件批种类';

/** Nouns that name a group the document may enumerate ("三大主导产业", "哪个产业"). */
export const GROUP_NOUNS = ['主导产业', '产业', '行业', '领域', '业态', '板块'] as const satisfies readonly string[];

/**
 * Qualifiers that make a figure a different measure of the same subject: 412家 国家高新技术企业
 * against 74家 新认定 ones, 61家 双创载体 against 19家 国家级 ones, 529家 总数 against 86家 新认定.
 */
export const QUALIFIERS = [
  '新认定',
  '新登记',
  '新签约',
  '新引进',
  '新增',
  '国家级',
  '省级',
  '市级',
  '在站',
  '在建',
  '总数',
  '累计',
  '实地',
  '电话',
] as const satisfies readonly string[];

/** The metric word a phrase ends with, longest first, or null. */
export function trailingMetric(phrase: string): string | null {
  let best: string | null = null;
  for (const m of METRIC_WORDS) if (phrase.endsWith(m) && phrase.length > m.length && (!best || m.length > best.length)) best = m;
  return best;
}

/** The first metric word a phrase contains (longest at the earliest position), with its offset. */
export function findMetric(phrase: string): { metric: string; index: number } | null {
  let found: { metric: string; index: number } | null = null;
  for (const m of METRIC_WORDS) {
    const index = phrase.indexOf(m);
    if (index < 0) continue;
    if (!found || index < found.index || (index === found.index && m.length > found.metric.length)) found = { metric: m, index };
  }
  return found;
}

/**
 * Nouns that name the kind of answer a question wants, not what it is about (the answer-type classes of question
 * classification: a place, a person's role, a kind, a purpose, a name): "潘嘉丽的职业是什么" is answered by "…歌手",
 * "《捉鬼男》是哪个国家的电视剧" by "美国…", and the answer sentence need not say 职业 or 国家. Relations and roles
 * that name a thing of the document (区长, 弟弟, 主导产业) are not among them.
 */
export const ANSWER_TYPES = [
  '地方',
  '地区',
  '国家',
  '城市',
  '省份',
  '位置',
  '地点',
  '出生地',
  '原生地',
  '发源地',
  '籍贯',
  '国籍',
  '类型',
  '种类',
  '类别',
  '性质',
  '职业',
  '身份',
  '职务',
  '职位',
  '工作',
  '作用',
  '功能',
  '用途',
  '意思',
  '含义',
  '意义',
  '目的',
  '原因',
  '特点',
  '特征',
  '奖项',
  '荣誉',
  '服务',
  '图案',
  '颜色',
  '形状',
  '样子',
  '内容',
  '方式',
  '方法',
  '名字',
  '名称',
  '称号',
  '别名',
  '别称',
  '语言',
  '人员',
  '人物',
  '时间',
  '日期',
  '年份',
] as const satisfies readonly string[];
