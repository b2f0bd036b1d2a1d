/**
 * Short follow-ups read against the previous question: after "智能制造在建项目有多少个？",
 * "那计划投资呢？" keeps the subject and swaps the measure ("智能制造计划投资有多少？"), and
 * "新能源汽车呢？" keeps the measure and swaps the subject ("新能源汽车在建项目有多少个？").
 * Anything that is not a short follow-up is a full question and stands on its own.
 */
import { findTimeMentions } from '../../facts/index.js';
import {
  CLASSIFIERS,
  findMetric,
  METRIC_WORDS,
  QUESTION_WORDS,
  readQuestion,
  TIME_BODY,
  trailingMetric,
  type QuestionContext,
  type QuestionFrame,
} from '../../question/index.js';
import { resolveEnglish, toChineseTerms } from './follow-up-en.js';

/**
 * What the corpus tells follow-up resolution: its English glossary (to tell subject from measure in English
 * questions; without it English follow-ups swap nothing they cannot place) and its places (浑南区 before the
 * subject is the setting, kept when the subject changes).
 */
export type FollowUpOptions = Pick<QuestionContext, 'glossaryEn' | 'places'>;

export interface ResolvedQuestion {
  /** The question to ask: the rewrite when context was used, else the question as given. */
  question: string;
  /** True when the previous question supplied the subject or the measure. */
  usedContext: boolean;
}

/**
 * A follow-up rewritten against the previous question ("那计划投资呢？" after "智能制造在建项目有多少个？" →
 * "智能制造计划投资有多少？"), or null when the frame is a question of its own or nothing could be carried.
 * Both come as frames: neither question is read again.
 */
export function rewriteFollowUp(previous: QuestionFrame, frame: QuestionFrame, options: FollowUpOptions = {}): string | null {
  const cue = frame.followUp;
  if (cue === null || !previous.text.trim()) return null;
  const glossary = options.glossaryEn ?? [];
  const prev = previous.text;
  if (!/[\u3400-\u9FFF]/.test(prev)) {
    // An English thread: rewrite the English question; a Chinese fragment gets a Chinese question.
    return cue.language === 'en'
      ? resolveEnglish(prev, cue.body, glossary, options.places)
      : chineseFromEnglish(prev, cue.body, glossary, options.places);
  }
  const body = cue.language === 'zh' ? cue.body : toChineseTerms(cue.body, glossary, options.places).join('');
  if (!body) return null;
  return rewriteChinese(previous, body);
}

/** The same over two strings (tests, tools): each is read into a frame first. */
export function resolveFollowUp(previous: string | null, question: string, options: FollowUpOptions = {}): ResolvedQuestion {
  if (!previous || !previous.trim()) return { question, usedContext: false };
  const rewritten = rewriteFollowUp(readQuestion(previous, options), readQuestion(question, options), options);
  return rewritten ? { question: rewritten, usedContext: true } : { question, usedContext: false };
}

/** Nouns for people ("在站院士", "国家级专家"): counted in 人. */
const PERSON_NOUN = /(?:院士|博士|专家|人才|人员|员工|职工|学生|教师|医生|干部|居民|人口)$/;

const CLASSIFIER_AFTER = new RegExp(`(多少|几)[${CLASSIFIERS}]`, 'g');
const LEADING_FILLER = /^(?:请问|我想知道|想知道|那么|那)[，,]?/;

function ensureQuestionMark(s: string): string {
  return `${s.replace(/[？?]+$/, '')}？`;
}

/** The measure a fragment names ("计划投资", "的计划总投资"), or null. */
function metricOf(body: string): string | null {
  const b = body.replace(/^的/, '');
  return (METRIC_WORDS as readonly string[]).includes(b) ? b : null;
}

/** The subject of a question: after "多少家" when the noun follows, else before the measure or the question words. */
function subjectSpan(prev: string, places: readonly string[]): { start: number; end: number } | null {
  const lead = LEADING_FILLER.exec(prev)?.[0].length ?? 0;
  const after = new RegExp(`(?:多少|几)[${CLASSIFIERS}]?([\\u4e00-\\u9fa5]{2,})(?:呢|吗)?[？?]?$`).exec(prev);
  if (after && !QUESTION_WORDS.test(after[1]!) && !findMetric(after[1]!)) {
    const start = after.index + after[0].indexOf(after[1]!);
    return { start, end: start + after[1]!.length };
  }
  const metric = findMetric(prev);
  const cue = QUESTION_WORDS.exec(prev);
  const end = metric && metric.index > lead ? metric.index : cue ? cue.index : prev.replace(/[？?]$/, '').length;
  let region = prev.slice(lead, end);
  region = region.replace(/(?:中|里|当中|之中)?(?:哪个|哪一个|哪项|谁)?(?:的)?$/, '');
  region = region.replace(/(?:一共|总共|合计|共)?(?:有|是|为|达到|住了|拥有|引进了|引进|的|了)*$/, '');
  // A place before the subject ("浑南区…") is the setting, not the subject: keep it.
  const place = leadingPlace(region, places);
  if (region.length - place.length < 1) return null;
  return { start: lead + place.length, end: lead + region.length };
}

/** The place a text starts with (one of the question's places, with its 的), or ''. */
function leadingPlace(text: string, places: readonly string[]): string {
  const place = [...places].sort((a, b) => b.length - a.length).find((p) => text.startsWith(p));
  return place === undefined ? '' : text.startsWith(`${place}的`) ? `${place}的` : place;
}

function rewriteChinese(previous: QuestionFrame, body: string): string | null {
  const p = previous.text.replace(/[\s。！!]+$/u, '');
  // "那2018年呢": the same question about another time.
  if (TIME_BODY.test(body)) {
    const times = findTimeMentions(p).filter((t) => t.role === 'point');
    const stem = times.length ? p.slice(0, times[0]!.start) + p.slice(times[0]!.end) : p.replace(LEADING_FILLER, '');
    return ensureQuestionMark(`${body}${stem.replace(/^[，,]/, '')}`);
  }
  const newMetric = metricOf(body);
  if (newMetric) {
    const old = findMetric(p);
    if (old)
      return ensureQuestionMark(p.slice(0, old.index) + newMetric + p.slice(old.index + old.metric.length).replace(CLASSIFIER_AFTER, '$1'));
    const span = subjectSpan(p, previous.places);
    const subject = span ? p.slice(0, span.end).replace(LEADING_FILLER, '') : leadingPlace(p, previous.places).replace(/的$/, '');
    return ensureQuestionMark(`${subject}${newMetric}是多少`);
  }
  // "那新能源汽车的计划投资呢": subject and measure both named, the fragment stands on its own.
  if (trailingMetric(body)) return ensureQuestionMark(`${body}是多少`);
  // "新能源汽车呢" after a computation over a group: one subject gets the plain question.
  const computation = previous.operation;
  if (computation && !/[、和与及]/.test(body)) {
    const ask = computation.kinds[0] === 'money' ? '是多少' : computation.classifier ? `有多少${computation.classifier}` : '有多少';
    return ensureQuestionMark(`${body}${computation.metric ?? ''}${ask}`);
  }
  const span = subjectSpan(p, previous.places);
  if (!span) return null;
  // "实地走访了多少次" → "座谈会有多少次": the verb went with the old subject.
  let rest = p.slice(span.end).replace(/^了(?=多少|几)/, '有');
  // "院士工作站有几个" → "在站院士有多少人": people are counted in 人, whatever counted the old subject (个 for 工作站).
  if (PERSON_NOUN.test(body))
    rest = rest.replace(new RegExp(`^(有|是|共有|一共有)?(?:多少|几)[${CLASSIFIERS}]`), (_m, verb = '') => `${verb}多少人`);
  return ensureQuestionMark(p.slice(0, span.start) + body + rest);
}

/** A Chinese fragment after an English question: the English question's Chinese terms around it. */
function chineseFromEnglish(
  prev: string,
  body: string,
  glossary: FollowUpOptions['glossaryEn'] = [],
  places?: ReadonlySet<string>,
): string | null {
  const terms = toChineseTerms(prev, glossary, places);
  const metric = metricOf(body);
  if (metric) {
    const subjects = terms.filter((t) => !metricOf(t) && t !== '在建');
    return ensureQuestionMark(`${subjects.join('')}${metric}是多少`);
  }
  const measures = terms.filter((t) => metricOf(t) || t === '在建');
  const measure = measures.includes('在建') && measures.includes('项目') ? '在建项目' : measures.filter((t) => t !== '在建').join('');
  return ensureQuestionMark(`${body}${measure}有多少`);
}
