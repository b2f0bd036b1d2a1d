/**
 * Short follow-ups read against the previous question: after "智能制造在建项目有多少个？",
 * "那计划投资呢？" keeps the subject and swaps the measure ("智能制造计划投资有多少？"), and
 * "新能源汽车呢？" keeps the measure and swaps the subject ("新能源汽车在建项目有多少个？").
 * Anything that is not a short follow-up is a full question and stands on its own.
 */
import { detectComputation } from '../../question/index.js';
import { CLASSIFIERS, findMetric, METRIC_WORDS, trailingMetric } from '../../question/index.js';
import { findTimeMentions } from '../../facts/index.js';
import { normalizeQuestion } from '../../text/index.js';
import type { Synonym } from '../../question/index.js';
import { englishBody, resolveEnglish, toChineseTerms } from './follow-up-en.js';

export interface FollowUpOptions {
  /**
   * The corpus's English glossary (corpus/glossary-en.json, compiled with compileSynonyms), to
   * tell subject from measure in English questions. Default: none (English follow-ups then swap
   * nothing they cannot place and are appended to the previous question).
   */
  glossaryEn?: readonly Synonym[];
}

export interface ResolvedQuestion {
  /** The question to ask: the rewrite when context was used, else the question as given. */
  question: string;
  /** True when the previous question supplied the subject or the measure. */
  usedContext: boolean;
}

/** Longest follow-up body read as a fragment ("那生物医药与健康医疗产业呢" still is one). */
export const MAX_FOLLOW_UP_CHARS = 12;

/** Words that make a fragment a question of its own ("那新能源汽车有多少个呢" is complete). */
const QUESTION_WORDS = /多少|几|什么|哪|怎么|如何|吗|谁|是否|有没有|多大|多久|多长|为何|为什么/;
const ZH_FOLLOW_UP = /^(?:那么?|那个|还有|另外|再问一下|那请问|请问)?[，,\s]*(.+?)(?:的情况|的数据|的)?(?:呢|咧|嘞)$/;
const ZH_LEAD_ONLY = /^(?:那么?|还有|另外)[，,\s]*(.+?)(?:的情况|的数据)?$/;
const FULL_QUESTION_LEAD = /^(?:我?想知道|我想了解|请?告诉我|我想问|请介绍)/;
const TIME_BODY = /^(?:(?:19|20)\d{2}年?(?:上半年|下半年|全年)?|去年(?:同期)?|今年(?:以来)?|上半年|下半年|目前|现在)$/;

/** The fragment of a Chinese follow-up ("计划投资" from "那计划投资呢？"), or null for a full question. */
export function chineseBody(question: string): string | null {
  const q = question.replace(/[\s？?。！!…]+$/u, '');
  // "想知道沈阳市浑南区常住人口的数字呢" asks in full, however it ends.
  if (FULL_QUESTION_LEAD.test(q)) return null;
  const m = ZH_FOLLOW_UP.exec(q) ?? ZH_LEAD_ONLY.exec(q);
  const body = m?.[1]?.replace(/^(?:是|关于|对于)/, '').trim();
  if (!body || body.length > MAX_FOLLOW_UP_CHARS || QUESTION_WORDS.test(body)) return null;
  return body;
}

export function resolveFollowUp(previous: string | null, question: string, options: FollowUpOptions = {}): ResolvedQuestion {
  const glossary = options.glossaryEn ?? [];
  const unchanged = { question, usedContext: false };
  if (!previous || !previous.trim()) return unchanged;
  const q = normalizeQuestion(question).text;
  const zhBody = /[\u3400-\u9FFF]/.test(q) ? chineseBody(q) : null;
  const enBody = zhBody === null && !/[\u3400-\u9FFF]/.test(q) ? englishBody(q) : null;
  if (zhBody === null && enBody === null) return unchanged;
  // Only a follow-up needs the previous question read (most questions are not one).
  const prev = normalizeQuestion(previous).text;
  const prevIsChinese = /[\u3400-\u9FFF]/.test(prev);

  if (!prevIsChinese) {
    // An English thread: rewrite the English question; a Chinese fragment gets a Chinese question.
    const rewritten = enBody !== null ? resolveEnglish(prev, enBody, glossary) : chineseFromEnglish(prev, zhBody!, glossary);
    return rewritten ? { question: rewritten, usedContext: true } : unchanged;
  }
  const body = zhBody ?? toChineseTerms(enBody!, glossary).join('');
  if (!body) return unchanged;
  const rewritten = rewriteChinese(prev, body);
  return rewritten ? { question: rewritten, usedContext: true } : unchanged;
}

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
function subjectSpan(prev: string): { start: number; end: number } | null {
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
  // "浑南区" before the subject is the setting, not the subject: keep it.
  const place = /^(?:浑南区|浑南|全区)(?:的)?/.exec(region)?.[0] ?? '';
  if (region.length - place.length < 1) return null;
  return { start: lead + place.length, end: lead + region.length };
}

function rewriteChinese(prev: string, body: string): string | null {
  const p = prev.replace(/[\s。！!]+$/u, '');
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
    const span = subjectSpan(p);
    const subject = span ? p.slice(0, span.end).replace(LEADING_FILLER, '') : (/^(?:浑南区|浑南)/.exec(p)?.[0] ?? '');
    return ensureQuestionMark(`${subject}${newMetric}是多少`);
  }
  // "那新能源汽车的计划投资呢": subject and measure both named, the fragment stands on its own.
  if (trailingMetric(body)) return ensureQuestionMark(`${body}是多少`);
  // "新能源汽车呢" after a computation over a group: one subject gets the plain question.
  const computation = detectComputation(p);
  if (computation && !/[、和与及]/.test(body)) {
    const ask = computation.kinds[0] === 'money' ? '是多少' : computation.classifier ? `有多少${computation.classifier}` : '有多少';
    return ensureQuestionMark(`${body}${computation.metric ?? ''}${ask}`);
  }
  const span = subjectSpan(p);
  if (!span) return null;
  // "实地走访了多少次" → "座谈会有多少次": the verb went with the old subject.
  const rest = p.slice(span.end).replace(/^了(?=多少|几)/, '有');
  return ensureQuestionMark(p.slice(0, span.start) + body + rest);
}

/** A Chinese fragment after an English question: the English question's Chinese terms around it. */
function chineseFromEnglish(prev: string, body: string, glossary: readonly Synonym[]): string | null {
  const terms = toChineseTerms(prev, glossary);
  const metric = metricOf(body);
  if (metric) {
    const subjects = terms.filter((t) => !metricOf(t) && t !== '在建');
    return ensureQuestionMark(`${subjects.join('')}${metric}是多少`);
  }
  const measures = terms.filter((t) => metricOf(t) || t === '在建');
  const measure = measures.includes('在建') && measures.includes('项目') ? '在建项目' : measures.filter((t) => t !== '在建').join('');
  return ensureQuestionMark(`${body}${measure}有多少`);
}
