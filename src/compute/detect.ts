/**
 * Tells a question that needs several figures from one that needs one: sums ("A和B一共多少"),
 * the largest or smallest ("三大主导产业中哪个计划投资最多"), differences ("A比B多多少") and
 * shares or multiples ("A占B的比例", "A是B的几倍"). Pure: reads only the question; the
 * document is consulted later, by computeAnswer.
 */
import type { FigureKind } from '../facts/fact.js';
import { parseChineseNumber } from '../facts/figures.js';
import { normalizeQuestion } from '../question/normalize.js';
import type { Synonym } from '../question/synonyms.js';
import type { ComputeRequest, Operation, SubjectSpec } from './computed-answer.js';
import { detectEnglishComputation } from './detect-en.js';
import { CLASSIFIERS, COUNT_WORDS, GROUP_NOUNS, METRIC_WORDS, trailingMetric } from './lexicon.js';

export interface DetectOptions {
  /**
   * Whether a phrase occurs in the document, so that a name joined with 与 ("生物医药与健康医疗")
   * is kept whole rather than split into two subjects. Default: never (与 always separates).
   * `documentPhrases(engine.facts)` builds one.
   */
  isDocumentPhrase?: (phrase: string) => boolean;
  /**
   * The corpus's English glossary (corpus/glossary-en.json, compiled with compileSynonyms): how an
   * English question's subjects and measures reach the document's terms. Default: none, so
   * English questions are never computations.
   */
  glossaryEn?: readonly Synonym[];
}

/** A phrase checker over fact texts, for DetectOptions.isDocumentPhrase. */
export function documentPhrases(facts: readonly { text: string }[]): (phrase: string) => boolean {
  return (phrase) => phrase.length >= 4 && facts.some((f) => f.text.includes(phrase));
}

/** The computation a question asks for, or null when one figure (or none) answers it. */
export function detectComputation(question: string, options: DetectOptions = {}): ComputeRequest | null {
  const { text } = normalizeQuestion(question);
  const q = text
    .replace(/[\s？?。！!…]+$/u, '')
    .replace(/^(?:请问|我想知道|想知道|想问一下|问一下|那么|那)[，,]?/, '')
    .replace(/\s+/g, '');
  if (!q) return null;
  if (!/[\u3400-\u9FFF]/.test(q)) return detectEnglishComputation(question, text, options.glossaryEn ?? []);
  const ctx: Ctx = { question, q, isPhrase: options.isDocumentPhrase ?? (() => false) };
  return detectRatio(ctx) ?? detectDifference(ctx) ?? detectExtreme(ctx) ?? detectSum(ctx);
}

interface Ctx {
  question: string;
  q: string;
  isPhrase: (phrase: string) => boolean;
}

/** Periods a comparison may be made against: "比2018年同期多多少" asks for a stated change, not two subjects. */
const TIME_LIKE = /同期|去年|今年|前年|上半年|下半年|年初|年底|原来|以前|过去|^(?:\d{4}|[一二三四五六七八九〇零]{4})年?$/;
/** Wholes a share is stated against ("占全市的27.4%"): the document states those shares directly. */
const WHOLE_PLACE = /^(?:全市|全省|全国|全区|全球|东北|全东北|沈阳|辽宁|.{1,3}[市省国])$/;
const NUMERAL = '[一二两三四五六七八九十]+|\\d+';
const GROUP_RE = new RegExp(`(${NUMERAL})[大个类项种条]([\\u4e00-\\u9fa5]{0,4}?(?:${GROUP_NOUNS.join('|')}))`);
const SEPARATORS = /、|，|,|以及|及|和|跟|加上/;
/** Connectors left around subjects and measures once the cue words are cut out. */
const EDGE_JUNK_START = /^(?:从|对于|关于|其中|各|的)+/;
const EDGE_JUNK_END = /(?:的|中|里|当中|之中|里面|之间|方面|各自|分别|相比|比较|对比|两者|三者|这两个|这三个|这几个)+$/;

function clean(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) out = out.replace(EDGE_JUNK_START, '').replace(EDGE_JUNK_END, '');
  return out;
}

function dropCountWords(s: string): string {
  return clean(s.replace(COUNT_WORDS, ''));
}

function classifierOf(s: string): string | null {
  return new RegExp(`(?:多少|几)([${CLASSIFIERS}])`).exec(s)?.[1] ?? null;
}

/** Which figure kinds can answer, from the measure and the words of the question. */
function kindsFor(q: string, classifier: string | null): FigureKind[] {
  if (/投资|资金|基金|金额|多少钱|亿元|万元|支出|经费/.test(q)) return ['money'];
  if (/面积|平方/.test(q)) return ['area'];
  if (classifier && '人位名'.includes(classifier)) return ['people', 'count'];
  if (/项目|企业|平台|园区|联盟|工作站|载体|事项|次/.test(q)) return ['count'];
  if (classifier) return ['count', 'people'];
  return ['count', 'people', 'money', 'area', 'duration'];
}

/** Splits "A、B和C" into names, keeping a 与-joined name the document uses as one ("生物医药与健康医疗"). */
function splitNames(phrase: string, isPhrase: (p: string) => boolean): string[] {
  const out: string[] = [];
  for (const part of phrase.split(SEPARATORS)) {
    const pieces = part.split('与');
    let i = 0;
    while (i < pieces.length) {
      let j = i;
      for (let k = pieces.length - 1; k > i; k--) {
        if (isPhrase(pieces.slice(i, k + 1).join('与'))) {
          j = k;
          break;
        }
      }
      out.push(pieces.slice(i, j + 1).join('与'));
      i = j + 1;
    }
  }
  return out.map(clean).filter((s) => s.length > 0);
}

interface Parsed {
  subjects: SubjectSpec[];
  metric: string | null;
}

/**
 * The subjects and shared measure of a phrase: a named group ("三大主导产业在建项目"), or a list
 * whose last name carries the measure for all ("智能制造和新能源汽车在建项目").
 */
function parseSubjects(phrase: string, isPhrase: (p: string) => boolean): Parsed {
  const group = GROUP_RE.exec(phrase);
  if (group) {
    const rest = clean(dropCountWords(phrase.slice(0, group.index) + phrase.slice(group.index + group[0].length)));
    const size = /^\d+$/.test(group[1]!) ? Number(group[1]) : parseChineseNumber(group[1]!);
    return {
      subjects: [{ kind: 'group', name: group[0], noun: nounOf(group[2]!), size: Number.isFinite(size) ? size : null }],
      metric: rest || null,
    };
  }
  const names = splitNames(dropCountWords(phrase), isPhrase);
  const last = names[names.length - 1];
  const metric = last ? trailingMetric(last) : null;
  const labels = names.map((n) => clean(metric && n.endsWith(metric) && n.length > metric.length ? n.slice(0, -metric.length) : n));
  return { subjects: labels.filter(Boolean).map((label) => ({ kind: 'named', label })), metric };
}

function nounOf(groupWords: string): string {
  return GROUP_NOUNS.find((n) => groupWords.endsWith(n)) ?? groupWords;
}

function request(
  ctx: Ctx,
  operation: Operation,
  parsed: Parsed,
  extra: { classifier?: string | null; metric?: string | null; ratioAs?: 'percent' | 'multiple' } = {},
): ComputeRequest | null {
  const groups = parsed.subjects.filter((s) => s.kind === 'group').length;
  const named = parsed.subjects.length - groups;
  // A computation needs two subjects, or a group and something to measure about its members.
  const metric = parsed.metric || extra.metric || null;
  if (named + groups === 0 || (groups === 0 && named < 2) || (groups > 0 && !metric && named === 0)) return null;
  const classifier = extra.classifier ?? classifierOf(ctx.q);
  return {
    question: ctx.question,
    operation,
    subjects: parsed.subjects,
    metric,
    classifier,
    kinds: kindsFor(`${metric ?? ''}${ctx.q}`, classifier),
    ratioAs: extra.ratioAs ?? 'percent',
  };
}

// ---- 占…的比例 / 是…的几倍 -------------------------------------------------------------------

const SHARE_RE = /^(.+?)占(.{2,}?)(?:的)?(?:比例|比重|百分比|百分之几|百分之多少|份额|几成|几分之几|多大比例|多少|多大)/;
const SHARE_IN_RE = /^(.+?)在(.{2,}?)(?:中|里|当中)的?(?:占比|比例|比重|份额)/;
const MULTIPLE_RE = /^(.+?)是(.+?)的(?:几|多少)倍/;
const QUOTIENT_RE = /^(.+?)(?:和|与|跟)(.+?)(?:之比|的比值|的比例|的比)/;

function detectRatio(ctx: Ctx): ComputeRequest | null {
  const share = SHARE_RE.exec(ctx.q) ?? SHARE_IN_RE.exec(ctx.q);
  const multiple = share ? null : MULTIPLE_RE.exec(ctx.q);
  const quotient = share || multiple ? null : QUOTIENT_RE.exec(ctx.q);
  const m = share ?? multiple ?? quotient;
  if (!m) return null;
  let a = dropCountWords(clean(m[1]!));
  let b = dropCountWords(clean(m[2]!));
  if (!a || !b || TIME_LIKE.test(b) || WHOLE_PLACE.test(b)) return null;
  // "智能制造计划投资是新能源汽车的几倍": the measure named once applies to both.
  const metric = trailingMetric(a) ?? trailingMetric(b);
  if (metric) {
    if (a.endsWith(metric)) a = clean(a.slice(0, -metric.length));
    if (b.endsWith(metric)) b = clean(b.slice(0, -metric.length));
  }
  if (!a || !b) return null;
  const parsed: Parsed = { subjects: [{ kind: 'named', label: a }, { kind: 'named', label: b }], metric };
  return request(ctx, 'ratio', parsed, { ratioAs: share ? 'percent' : 'multiple' });
}

// ---- A比B多多少 / A和B相差多少 ---------------------------------------------------------------

const MORE_THAN_RE = /^(.+?)比(.+?)(多|少|高|低|大|小)(?:了|出)?(?:多少|几)(.*)$/;
const APART_RE = /^(.+?)(?:和|与|跟|同)(.+?)(?:之间)?(?:相差|差距|差了|差)(?:是|有|为)?(?:多少|几|多大)(.*)$/;

function detectDifference(ctx: Ctx): ComputeRequest | null {
  const more = MORE_THAN_RE.exec(ctx.q);
  const apart = more ? null : APART_RE.exec(ctx.q);
  const m = more ?? apart;
  if (!m) return null;
  let a = clean(m[1]!);
  let b = clean(m[2]!);
  if (TIME_LIKE.test(b) || TIME_LIKE.test(a)) return null;
  const tail = more ? m[4]! : m[3]!;
  const tailMetric = dropCountWords(clean(tail.replace(new RegExp(`^[${CLASSIFIERS}]`), '')));
  const metric = trailingMetric(a) ?? trailingMetric(b) ?? (tailMetric || null);
  if (metric) {
    if (a.endsWith(metric) && a.length > metric.length) a = clean(a.slice(0, -metric.length));
    if (b.endsWith(metric) && b.length > metric.length) b = clean(b.slice(0, -metric.length));
  }
  a = dropCountWords(a);
  b = dropCountWords(b);
  if (!a || !b) return null;
  // "A比B少多少" is B − A: keep the larger first so the difference reads as "how many more".
  const less = more && /少|低|小/.test(m[3]!);
  const subjects: SubjectSpec[] = (less ? [b, a] : [a, b]).map((label) => ({ kind: 'named', label }));
  const classifier = classifierOf(more ? `多少${tail}` : ctx.q) ?? new RegExp(`^([${CLASSIFIERS}])`).exec(tail)?.[1] ?? null;
  return request(ctx, 'difference', { subjects, metric }, { classifier });
}

// ---- 哪个最多 / 哪个最少 ---------------------------------------------------------------------

const WHICH = '哪个|哪一个|哪一项|哪项|哪家|哪一家|哪种|哪一种|哪类|哪一类|哪些|谁';
const EXTREME_END_RE = new RegExp(
  `^(.*?)(${WHICH})(.*?)(最多|最大|最高|最少|最小|最低|更多|更大|更高|更少|更小|更低|多|大|高|少|小|低)(?:一些|些|一点)?$`,
);
const EXTREME_WHICH_RE = new RegExp(`^(.*?)(最多|最大|最高|最少|最小|最低)的(?:是|为)?(${WHICH})(.*)$`);

function detectExtreme(ctx: Ctx): ComputeRequest | null {
  let pre: string;
  let mid: string;
  let direction: string;
  const end = EXTREME_END_RE.exec(ctx.q);
  const which = end ? null : EXTREME_WHICH_RE.exec(ctx.q);
  if (end) [pre, mid, direction] = [end[1]!, end[3]!, end[4]!];
  else if (which) [pre, mid, direction] = [which[1]!, which[4]!, which[2]!];
  else return null;
  const operation: Operation = /少|小|低/.test(direction) ? 'min' : 'max';
  // "哪个产业", "哪种方式": a category after 哪个 is a group when nothing else names the subjects.
  let category: string | null = null;
  const nouns = [...GROUP_NOUNS, '方式', '项目', '平台'];
  mid = clean(mid);
  for (const n of nouns) {
    if (mid.startsWith(n)) {
      category = n;
      mid = clean(mid.slice(n.length));
      break;
    }
  }
  pre = clean(pre);
  // "在建项目最多的是哪个产业": what comes first is the measure, not a subject.
  const preIsMetric = (METRIC_WORDS as readonly string[]).includes(dropCountWords(pre));
  const parsed: Parsed = pre && !preIsMetric ? parseSubjects(pre, ctx.isPhrase) : { subjects: [], metric: preIsMetric ? dropCountWords(pre) : null };
  // "A和B哪个计划投资多": the measure sits between 哪个 and 多.
  const midMetric = dropCountWords(mid) || null;
  if (parsed.subjects.length === 0 && category && (GROUP_NOUNS as readonly string[]).includes(category)) {
    parsed.subjects.push({ kind: 'group', name: category, noun: category, size: null });
  }
  if (parsed.subjects.length === 1 && parsed.subjects[0]!.kind === 'named') {
    // "三大主导产业计划投资哪个最多" was caught as a group; a single name with its measure is one subject.
    return null;
  }
  return request(ctx, operation, { subjects: parsed.subjects, metric: [parsed.metric, midMetric].filter(Boolean).join('') || null });
}

// ---- 一共多少 ---------------------------------------------------------------------------------

const SUM_CUE_RE = /一共|总共|合计|加起来|加在一起|合起来|总计|共计|总和|共有|一起|总数|总量/;

function detectSum(ctx: Ctx): ComputeRequest | null {
  if (!/多少|几/.test(ctx.q)) return null;
  const cue = SUM_CUE_RE.exec(ctx.q);
  if (!cue) return null;
  const pre = clean(ctx.q.slice(0, cue.index).replace(/加(?=[\u4e00-\u9fa5])/g, '和'));
  const post = ctx.q.slice(cue.index + cue[0].length);
  const parsed = parseSubjects(pre, ctx.isPhrase);
  // "一共有多少个在建项目": the measure after the question words.
  const postMetric = dropCountWords(
    clean(post.replace(new RegExp(`^(?:是|有|为|达到|达|共)*(?:多少|几)(?:[${CLASSIFIERS}])?`), '')),
  );
  return request(ctx, 'sum', parsed, { metric: postMetric || null });
}
