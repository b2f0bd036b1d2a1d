/**
 * The question read once. Every later stage — follow-up resolution, computation, ranking (and, next,
 * verification) — takes this frame instead of reading the string again.
 */
import { parseChineseNumber } from '../facts/index.js';
import { normalizeQuestion, questionLanguage, type QuestionLanguage } from '../text/index.js';
import { detectAskedKind, type AskedKind } from './asked-kind.js';
import { chineseBody, englishBody } from './follow-up-cues.js';
import { findMetric } from './lexicon.js';
import { detectComputationIn } from './operation.js';
import type { ComputeRequest } from './operation-types.js';
import type { Synonym } from './synonyms.js';

/** What the corpus tells the question reader (the engine builds it: see Engine.readQuestion). */
export interface QuestionContext {
  /**
   * Whether a phrase occurs in the corpus, so that a name joined with 与 ("生物医药与健康医疗") is kept whole
   * rather than split into two subjects; with words `alongside`, whether one fact has them all (普通高中 with
   * 在校学生). Default: never.
   */
  isDocumentPhrase?: (phrase: string, ...alongside: string[]) => boolean;
  /** The corpus's English glossary (glossary-en.json, compiled). Default: none. */
  glossaryEn?: readonly Synonym[];
  /**
   * Place names of the corpus (its words jieba tags as places: 浑南区, 沈阳市 …): a question that names one
   * sets where it asks about, not what. Default: none (the generic wholes 全市, 全省 … are always places).
   */
  places?: ReadonlySet<string>;
}

/** Where a follow-up fragment leans on the previous question ("那计划投资呢？" → 计划投资). */
export interface FollowUpCue {
  /** The fragment that names what changes. */
  body: string;
  language: 'zh' | 'en';
}

export interface QuestionFrame {
  /** As asked. */
  original: string;
  /** NFKC-normalised, markup out, Traditional characters converted to Simplified. */
  text: string;
  /** The language and script the user asked in. */
  language: QuestionLanguage;
  /** Chinese or English, as the index is searched ('zh' for any question with a Han character). */
  searchLanguage: 'zh' | 'en';
  /** The conversion to Simplified changed something. */
  traditional: boolean;
  /** What kind of figure (or sentence) it asks for. */
  asked: AskedKind;
  /** Years named ("2018") and period words (上半年, 同期, 目前 …), as the documents write them. */
  times: string[];
  /** Place names the question names (the corpus's places, 全市, 全省 …), in order. */
  places: string[];
  /** The measure named ("计划投资", "常住人口"), from the question vocabulary, or null. */
  measure: string | null;
  /** The arithmetic over several figures it asks for, or null for a look-up of one figure. */
  operation: ComputeRequest | null;
  /** A short fragment leaning on the previous question, or null for a question of its own. */
  followUp: FollowUpCue | null;
}

const HAS_HAN = /[\u3400-\u9FFF]/;
const PERIOD_WORDS = /上半年|下半年|同期|去年|今年|目前|现在|截至|月末|年底|first half|second half|this year|last year/gi;
/** Wholes a figure may be stated for, in any document: 全市, 全省, 全国 … */
const GENERIC_PLACES = /全(?:国|省|市|区|县|州|球)/g;
/** A quoted name: 「…」, 『…』, “…”, 《…》, "…". */
const QUOTED = /「[^」]*」|『[^』]*』|“[^”]*”|《[^》]*》|"[^"]*"/g;

/** Whether a piece of a text (at, length) stands inside quotation marks: part of a name, not a word of the question. */
export function inQuotes(text: string): (at: number, length: number) => boolean {
  const spans = [...text.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return (at, length) => spans.some((q) => at > q.start && at + length < q.end);
}

export function readQuestion(question: string, context: QuestionContext = {}): QuestionFrame {
  const { text: normalized, traditional } = normalizeQuestion(question);
  const text = monthsSoFar(normalized);
  const han = HAS_HAN.test(text);
  const searchLanguage = han || !/[a-z]/i.test(text) ? 'zh' : 'en';
  const zhBody = han ? chineseBody(text) : null;
  const enBody = !han ? englishBody(text) : null;
  return {
    original: question,
    text,
    language: questionLanguage(question, { text, traditional }),
    searchLanguage,
    traditional,
    asked: detectAskedKind(text),
    times: timesOf(text),
    places: placesOf(text, context.places),
    measure: findMetric(text)?.metric ?? null,
    operation: detectComputationIn(question, text, context),
    followUp: zhBody !== null ? { body: zhBody, language: 'zh' } : enBody !== null ? { body: enBody, language: 'en' } : null,
  };
}

/** "前十个月", "前3个月": the first months of the year, as reports write them (1-10月). */
function monthsSoFar(text: string): string {
  return text.replace(/前([一二三四五六七八九十]{1,2}|两|\d{1,2})个?月/g, (whole, n: string) => {
    const months = /\d/.test(n) ? Number(n) : parseChineseNumber(n);
    return months >= 2 && months <= 12 ? `1-${months}月` : whole;
  });
}

function timesOf(text: string): string[] {
  return [...(text.match(/(19|20)\d{2}/g) ?? []), ...(text.match(PERIOD_WORDS) ?? []).map(mapPeriod)];
}

function mapPeriod(p: string): string {
  const lower = p.toLowerCase();
  if (lower === 'first half') return '上半年';
  if (lower === 'second half') return '下半年';
  if (lower === 'this year') return '今年';
  if (lower === 'last year') return '去年';
  if (p === '现在') return '目前';
  return p;
}

function placesOf(text: string, places: ReadonlySet<string> | undefined): string[] {
  const found: { place: string; at: number }[] = [];
  for (const m of text.matchAll(GENERIC_PLACES)) found.push({ place: m[0], at: m.index });
  for (const place of places ?? []) {
    const at = text.indexOf(place);
    if (at >= 0) found.push({ place, at });
  }
  // A place inside quotation marks is part of a name ("被宣告为「和平都市」", 《沈阳市志》): no place asked.
  const quoted = inQuotes(text);
  const named = found.filter((f) => !quoted(f.at, f.place.length));
  // Longest first at one position (浑南区 over 浑南), then text order; a place inside a longer one is dropped.
  named.sort((a, b) => a.at - b.at || b.place.length - a.place.length);
  const kept: { place: string; at: number }[] = [];
  for (const f of named) if (!kept.some((k) => f.at >= k.at && f.at + f.place.length <= k.at + k.place.length)) kept.push(f);
  return kept.map((k) => k.place);
}
