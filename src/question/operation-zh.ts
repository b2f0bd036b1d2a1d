/**
 * The Chinese computation questions: shares and multiples ("A占B的比例", "A是B的几倍"),
 * differences ("A比B多多少"), extremes ("哪个最多") and sums ("一共多少").
 */
import type { ComputeRequest, Operation, SubjectSpec } from './operation-types.js';
import { CLASSIFIERS, GROUP_NOUNS, METRIC_WORDS, trailingMetric } from './lexicon.js';
import {
  classifierOf,
  clean,
  dropCountWords,
  parseSubjects,
  request,
  TIME_LIKE,
  WHOLE_PLACE,
  type Ctx,
  type Parsed,
} from './operation-parts.js';

/** The first computation the question asks for, or null. */
export function detectChineseComputation(ctx: Ctx): ComputeRequest | null {
  return detectRemainder(ctx) ?? detectRatio(ctx) ?? detectDifference(ctx) ?? detectExtreme(ctx) ?? detectSum(ctx);
}

// ---- A中B以外的部分 -------------------------------------------------------------------------------

/** "全部固定资产投资中，项目投资以外的部分有多少": the whole, the part left out, and what follows (the measure). */
const REMAINDER_RE =
  /^(.+?)(?:中|里|当中|之中)[，,]?(?:除(?:了|去)?)?(.+?)(?:以外|之外)(?:[（(][^）)]*[）)])?的?(?:部分|其他|其余)?的?(.*?)(?:有|是|为|共|一共|总共)?(?:多少|几)/;

/** What is left of a whole once a part is taken out: the whole less the part. */
function detectRemainder(ctx: Ctx): ComputeRequest | null {
  const m = REMAINDER_RE.exec(ctx.q);
  if (!m) return null;
  let whole = clean(m[1]!);
  let part = clean(m[2]!);
  const tail = dropCountWords(clean(m[3]!.replace(/(?:了|完成|实现)$/, '')));
  const metric = (tail || null) ?? trailingMetric(whole) ?? trailingMetric(part);
  if (metric) {
    if (whole.endsWith(metric) && whole.length > metric.length) whole = clean(whole.slice(0, -metric.length));
    if (part.endsWith(metric) && part.length > metric.length) part = clean(part.slice(0, -metric.length));
  }
  // "全部固定资产投资": the whole is what the document states the total of (固定资产投资).
  whole = whole.replace(/(?:全部|所有|全体)(?=[\u4e00-\u9fa5]{2})/, '');
  if (!whole || !part || TIME_LIKE.test(part)) return null;
  const subjects: SubjectSpec[] = [whole, part].map((label) => ({ kind: 'named', label }));
  return request(ctx, 'remainder', { subjects, metric }, { classifier: classifierOf(ctx.q) });
}

// ---- 占…的比例 / 是…的几倍 -------------------------------------------------------------------
// 占地, 占有, 占据 are words of their own, not "a share of".

const SHARE_RE = /^(.+?)占(?![地有据用领比])(.{2,}?)(?:的)?(?:比例|比重|百分比|百分之几|百分之多少|份额|几成|几分之几|多大比例|多少|多大)/;
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
  if (!a || !b || TIME_LIKE.test(b) || WHOLE_PLACE.test(b) || ctx.places.has(b)) return null;
  // "智能制造计划投资是新能源汽车的几倍": the measure named once applies to both.
  const metric = trailingMetric(a) ?? trailingMetric(b);
  if (metric) {
    if (a.endsWith(metric)) a = clean(a.slice(0, -metric.length));
    if (b.endsWith(metric)) b = clean(b.slice(0, -metric.length));
  }
  if (!a || !b) return null;
  const parsed: Parsed = {
    subjects: [
      { kind: 'named', label: a },
      { kind: 'named', label: b },
    ],
    metric,
  };
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
  const classifier = classifierOf(more ? `多少${tail}` : ctx.q) ?? new RegExp(`^([${CLASSIFIERS}])(?!百分点)`).exec(tail)?.[1] ?? null;
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
  // (A locative after the list is splitNames's to drop: it knows the document's names, 普通高中.)
  pre = clean(pre, true);
  // "在建项目最多的是哪个产业": what comes first is the measure, not a subject.
  const preIsMetric = (METRIC_WORDS as readonly string[]).includes(dropCountWords(pre));
  const parsed: Parsed =
    pre && !preIsMetric ? parseSubjects(pre, ctx.isPhrase) : { subjects: [], metric: preIsMetric ? dropCountWords(pre) : null };
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
  // "A加B" is "A和B"; the 加 of a word (增加值, 追加, 加工, 加快) is not.
  const pre = clean(
    ctx.q.slice(0, cue.index).replace(/(?<![增追参附施更添外再])加(?=[\u4e00-\u9fa5])(?![值工快强大入盟速剧倍])/g, '和'),
    true,
  );
  const post = ctx.q.slice(cue.index + cue[0].length);
  const parsed = parseSubjects(pre, ctx.isPhrase);
  // "一共有多少个在建项目": the measure after the question words.
  const postMetric = dropCountWords(clean(post.replace(new RegExp(`^(?:是|有|为|达到|达|共)*(?:多少|几)(?:[${CLASSIFIERS}])?`), '')));
  return request(ctx, 'sum', parsed, { metric: postMetric || null });
}
