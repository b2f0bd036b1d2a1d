/**
 * The pieces of a Chinese computation question: subjects split at 、/和/与, a named group
 * ("三大主导产业"), the shared measure, the measure word, and the figure kinds that can answer.
 */
import type { FigureKind } from '../facts/index.js';
import { parseChineseNumber } from '../facts/index.js';
import type { ComputeRequest, Operation, SubjectSpec } from './operation-types.js';
import { CLASSIFIERS, COUNT_WORDS, GROUP_NOUNS, trailingMetric } from './lexicon.js';

/** A question being read: as asked, its normalised Simplified form, and the document-phrase check. */
export interface Ctx {
  question: string;
  /** Simplified, without spaces, leading fillers or final punctuation. */
  q: string;
  isPhrase: (phrase: string, ...alongside: string[]) => boolean;
  /** The corpus's place names (a share of one of them is stated, not computed). */
  places: ReadonlySet<string>;
}

/** Periods a comparison may be made against: "比2018年同期多多少" asks for a stated change, not two subjects. */
export const TIME_LIKE = /同期|去年|今年|前年|上半年|下半年|年初|年底|原来|以前|过去|^(?:\d{4}|[一二三四五六七八九〇零]{4})年?$/;
/** Wholes a share is stated against ("占全市的27.4%"): the document states those shares directly. */
export const WHOLE_PLACE = /^(?:全市|全省|全国|全区|全县|全州|全球|东北|全东北|.{1,3}[市省国])$/;
const NUMERAL = '[一二两三四五六七八九十]+|\\d+';
const GROUP_RE = new RegExp(`(${NUMERAL})[大个类项种条]([\\u4e00-\\u9fa5]{0,4}?(?:${GROUP_NOUNS.join('|')}))`);
const SEPARATORS = /、|，|,|以及|及|和|跟|加上/;
/** Connectors left around subjects and measures once the cue words are cut out. */
const EDGE_JUNK_START = /^(?:从|对于|关于|其中|各|的)+/;
const EDGE_JUNK_END = /(?:的|中|(?<![公英海])里|当中|之中|里面|之间|方面|各自|分别|相比|比较|对比|两者|三者|这两个|这三个|这几个)+$/;
/** The same without the locatives (中, 里): a name inside a list ends in its own 中 (普通高中和普通初中…). */
const EDGE_JUNK_END_INNER = /(?:的|之间|方面|各自|分别|相比|比较|对比|两者|三者|这两个|这三个|这几个)+$/;

export function clean(s: string, inner = false): string {
  const end = inner ? EDGE_JUNK_END_INNER : EDGE_JUNK_END;
  let out = s;
  for (let i = 0; i < 3; i++) out = out.replace(EDGE_JUNK_START, '').replace(end, '');
  return out;
}

export function dropCountWords(s: string, inner = false): string {
  return clean(s.replace(COUNT_WORDS, ''), inner);
}

export function classifierOf(s: string): string | null {
  // "高几个百分点" counts points of a rate, not things.
  return new RegExp(`(?:多少|几)([${CLASSIFIERS}])(?!百分点)`).exec(s)?.[1] ?? null;
}

/** A unit alone, which names no measure: 亿元, 万人, 公里. */
const UNIT_ONLY = /^[万亿千百]*(?:元|人|吨|公里|平方公里|公顷|亩|千瓦时|户|家|个|件|辆|张|次|人次|美元)$/;
/** Places and times a subject's label may open with ("德清县1-10月", "全市2023年"). */
const SETTING_START = /^(?:(?:全[市省国区县州])|(?:\d{4}年)|(?:\d{1,2}(?:-|－|—|～|~|至|到)\d{1,2}月份?)|(?:今年|去年|全年|上半年|下半年))/;

const ADMINISTRATIVE = /^(?!城区|市区)[\u4e00-\u9fa5]{1,8}(?:省|市|县|区|州|旗|盟)$/;

/** A subject's label without the places and times it opens with, as long as something is left. */
function withoutSetting(label: string, places: ReadonlySet<string>): string {
  // An administrative place only: 城镇居民 and 农村居民 are groups of people, not places.
  // (德清 of 德清县: a county is named without its 县 too.)
  const named = [...places].filter((p) => ADMINISTRATIVE.test(p)).flatMap((p) => (p.length >= 3 ? [p, p.slice(0, -1)] : [p]));
  let out = label;
  for (let i = 0; i < 4; i++) {
    const place = named.find((p) => out.startsWith(p) && out.length > p.length);
    const next = place ? out.slice(place.length) : out.replace(SETTING_START, '');
    if (next === out || next.length === 0) break;
    out = next;
  }
  return out === label ? label : clean(out, true);
}

/** Which figure kinds can answer, from the measure and the words of the question. */
function kindsFor(q: string, classifier: string | null, metric: string | null): FigureKind[] {
  // Rates compared: 增速 of two investments is no sum of money.
  if (metric && /增速|增长率|增幅|比例|占比|比重/.test(metric)) return ['percent'];
  if (/投资|资金|基金|金额|多少钱|亿元|万元|支出|经费/.test(q)) return ['money'];
  if (/面积|平方/.test(q)) return ['area'];
  if (classifier && '人位名'.includes(classifier)) return ['people', 'count'];
  if (/项目|企业|平台|园区|联盟|工作站|载体|事项|次/.test(q)) return ['count'];
  if (classifier) return ['count', 'people'];
  return ['count', 'people', 'money', 'area', 'duration'];
}

/** Ordinals listed before the noun they share: "第一、二产业投资" is 第一产业投资 and 第二产业投资 (一、二产业 too). */
const SHARED_ORDINALS = /(第)?([一二三四五六七八九十])((?:[、和及与]第?[一二三四五六七八九十])+)([\u4e00-\u9fa5]+)$/;

export function spellOutOrdinals(phrase: string): string {
  const m = SHARED_ORDINALS.exec(phrase);
  if (!m || (!m[1] && !/^(?:次)?产业/.test(m[4]!))) return phrase;
  const ordinals = [
    m[2]!,
    ...m[3]!
      .split(/[、和及与]/)
      .filter(Boolean)
      .map((o) => o.replace(/^第/, '')),
  ];
  const noun = m[4]!;
  return phrase.slice(0, m.index) + ordinals.map((o) => `${m[1] ?? ''}${o}${noun}`).join('、');
}

/** Splits "A、B和C" into names, keeping a 与-joined name the document uses as one ("生物医药与健康医疗"). */
function splitNames(phrase: string, isPhrase: Ctx['isPhrase']): string[] {
  const out: string[] = [];
  // A name followed by a list's joiner (、, 和) is inside the list; one before a comma may end in a locative.
  const listed: boolean[] = [];
  const split = phrase.split(new RegExp(`(${SEPARATORS.source})`));
  for (let p = 0; p < split.length; p += 2) {
    const part = split[p]!;
    const joined = p + 1 < split.length && !/^[，,]$/.test(split[p + 1]!);
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
      listed.push(j + 1 < pieces.length || joined);
      i = j + 1;
    }
  }
  // The list's end keeps its 中 when the document has the name so (普通高中和普通初中一共多少所).
  return out
    .map((name, i) => {
      const kept = clean(name, true);
      return listed[i] || isPhrase(kept) ? kept : clean(name);
    })
    .filter((s) => s.length > 0);
}

/**
 * The measure the last name carries for every name, as the document words it: "第一产业和第二产业增加值" is
 * 第一产业增加值 and 第二产业增加值 because the document says 第一产业增加值 — the longest ending of the last
 * name that the first name takes in the document.
 */
function sharedMeasure(names: readonly string[], isPhrase: Ctx['isPhrase']): string | null {
  if (names.length < 2) return null;
  const [first, last] = [names[0]!, names[names.length - 1]!];
  for (let k = 1; k <= last.length - 2; k++) {
    const ending = last.slice(k);
    if (!first.endsWith(ending) && isPhrase(first + ending)) return ending;
  }
  // Names in a list are parallel: "普通高中和普通初中在校学生" — the last name opens with the first's counterpart (as
  // long, sharing its first or last character), and what follows it is every name's measure, when the document
  // states it with the first name (普通高中…在校学生; not 初级中学 with the 学校 of 普通小学学校).
  const k = first.length;
  const counterpart = last.slice(0, k);
  const rest = last.slice(k).replace(/^的/, '');
  const parallel = counterpart !== first && (counterpart[0] === first[0] || counterpart[k - 1] === first[k - 1]);
  if (k >= 2 && rest.length >= 2 && parallel && isPhrase(first, rest)) return rest;
  return null;
}

export interface Parsed {
  subjects: SubjectSpec[];
  metric: string | null;
}

/**
 * The subjects and shared measure of a phrase: a named group ("三大主导产业在建项目"), or a list
 * whose last name carries the measure for all ("智能制造和新能源汽车在建项目").
 */
export function parseSubjects(phrase: string, isPhrase: Ctx['isPhrase']): Parsed {
  const group = GROUP_RE.exec(phrase);
  if (group) {
    const rest = clean(dropCountWords(phrase.slice(0, group.index) + phrase.slice(group.index + group[0].length)));
    const size = /^\d+$/.test(group[1]!) ? Number(group[1]) : parseChineseNumber(group[1]!);
    return {
      subjects: [{ kind: 'group', name: group[0], noun: nounOf(group[2]!), size: Number.isFinite(size) ? size : null }],
      metric: rest || null,
    };
  }
  const names = splitNames(dropCountWords(spellOutOrdinals(phrase), true), isPhrase);
  const last = names[names.length - 1];
  const metric = last ? (sharedMeasure(names, isPhrase) ?? trailingMetric(last)) : null;
  // (splitNames has cleaned each name; one that carried the measure is cleaned again without it, its locatives
  // kept: 普通初中 of 普通初中在校学生.)
  const labels = names.map((n) =>
    metric !== null && n.endsWith(metric) && n.length > metric.length ? clean(n.slice(0, -metric.length), true) : n,
  );
  return { subjects: labels.filter(Boolean).map((label) => ({ kind: 'named', label })), metric };
}

function nounOf(groupWords: string): string {
  return GROUP_NOUNS.find((n) => groupWords.endsWith(n)) ?? groupWords;
}

export function request(
  ctx: Ctx,
  operation: Operation,
  parsed: Parsed,
  extra: { classifier?: string | null; metric?: string | null; ratioAs?: 'percent' | 'multiple' } = {},
): ComputeRequest | null {
  const groups = parsed.subjects.filter((s) => s.kind === 'group').length;
  const named = parsed.subjects.length - groups;
  // A computation needs two subjects, or a group and something to measure about its members.
  // A unit is no measure ("多多少亿元"); the kinds below read it from the question.
  let metric = parsed.metric || extra.metric || null;
  if (metric && UNIT_ONLY.test(metric)) metric = null;
  // Each subject without the question's place and time ("德清县1-10月项目"): they hold for every operand.
  let subjects = parsed.subjects.map((s) => (s.kind === 'named' ? { ...s, label: withoutSetting(s.label, ctx.places) } : s));
  // "城镇居民人均可支配收入比农村居民多多少": the second names its counterpart of the first's head (居民), and the
  // measure after it is both's.
  // "华东和华南的营业收入": the last name's measure after 的 is every name's.
  const last = subjects[subjects.length - 1];
  if (!metric && subjects.length >= 2 && last?.kind === 'named' && /^[^的]{2,}的[^的]{2,}$/.test(last.label)) {
    const [head, measure] = last.label.split('的') as [string, string];
    if (subjects.every((s) => s === last || (s.kind === 'named' && !s.label.includes('的')))) {
      metric = measure;
      subjects = [...subjects.slice(0, -1), { ...last, label: head }];
    }
  }
  const [a, b] = subjects;
  if (!metric && subjects.length === 2 && a?.kind === 'named' && b?.kind === 'named') {
    const split = (long: string, short: string) => {
      const at = short.length >= 2 ? long.indexOf(short.slice(-2)) : -1;
      return at > 0 && long.length - (at + 2) >= 2 && !long.startsWith(short)
        ? { head: long.slice(0, at + 2), metric: long.slice(at + 2) }
        : null;
    };
    const first = a.label.length > b.label.length + 1 ? split(a.label, b.label) : null;
    const second = b.label.length > a.label.length + 1 ? split(b.label, a.label) : null;
    if (first) {
      metric = first.metric;
      subjects = [{ ...a, label: first.head }, b];
    } else if (second) {
      metric = second.metric;
      subjects = [a, { ...b, label: second.head }];
    }
  }
  if (subjects.some((s) => s.kind === 'named' && !s.label)) return null;
  if (named + groups === 0 || (groups === 0 && named < 2) || (groups > 0 && !metric && named === 0)) return null;
  const classifier = extra.classifier ?? classifierOf(ctx.q);
  return {
    question: ctx.question,
    operation,
    subjects,
    metric,
    classifier,
    kinds: kindsFor(`${metric ?? ''}${ctx.q}`, classifier, metric),
    ratioAs: extra.ratioAs ?? 'percent',
  };
}
