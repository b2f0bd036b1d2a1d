/**
 * Question analysis: normalise the text, tell what kind of figure it asks for and which time it
 * asks about, and turn it into weighted search terms (its own words, synonyms, English glossary).
 */
import type { AskedKind } from '../answer/answer.js';
import type { Tokenizer } from '../search/tokenize.js';
import { detectAskedKind } from './asked-kind.js';
import { translateEnglish } from './glossary-en.js';
import { normalizeQuestion } from './normalize.js';
import { expandSynonyms } from './synonyms.js';

export interface QueryTerm {
  term: string;
  /** 1 for the question's own words; less for added synonyms. */
  weight: number;
  /** Whether a miss on this term counts against the answer's coverage (synonyms only ever add). */
  required: boolean;
}

export interface AnalyzedQuestion {
  original: string;
  /** Simplified, NFKC-normalised text. */
  text: string;
  language: 'zh' | 'en';
  traditional: boolean;
  asked: AskedKind;
  /** Years named in the question ("2018"), and period words (上半年, 同期, 目前 ...). */
  times: string[];
  terms: QueryTerm[];
}

/** Weight of a term added by the synonym table or the English glossary's secondary terms. */
export const SYNONYM_WEIGHT = 0.5;

/** Question phrasing that carries no content: stripped before the words are looked up. */
const QUESTION_PHRASES =
  /请问|告诉我|我想知道|想了解|一共|总共|大概|大约|是多少|有多少|多少|多长时间|多久|多大|几个|几家|几位|几人|几所|哪一年|哪些|哪个|哪里|哪儿|什么样的?|什么|数量|怎么样|怎样|如何|是不是|有没有|是否|需要|要|一家|一个|呢|吗|吧|啊/g;
/** Weight of a bare number or year in the question: it qualifies what is asked more than it names it. */
const NUMBER_WEIGHT = 0.5;

const PERIOD_WORDS = /上半年|下半年|同期|去年|今年|目前|现在|截至|月末|年底|first half|this year|last year/gi;
const HAS_HAN = /[\u3400-\u9FFF]/;

export function analyzeQuestion(question: string, tokenizer: Tokenizer): AnalyzedQuestion {
  const { text, traditional } = normalizeQuestion(question);
  const language = HAS_HAN.test(text) || !/[a-z]/i.test(text) ? 'zh' : 'en';
  const times = [...(text.match(/(19|20)\d{2}/g) ?? []), ...(text.match(PERIOD_WORDS) ?? []).map(mapPeriod)];
  const terms = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, required: boolean) => {
    const prev = terms.get(term);
    if (!prev || prev.weight < weight) terms.set(term, { term, weight, required: required || (prev?.required ?? false) });
  };
  if (language === 'en') {
    const { terms: zh, unmatched } = translateEnglish(text);
    for (const group of zh) for (const t of tokenizer.terms(group)) add(t, 1, true);
    for (const w of unmatched) add(w, 1, true);
  } else {
    const { expansions, rest } = expandSynonyms(text);
    for (const t of tokenizer.terms(rest.replace(QUESTION_PHRASES, ' '))) add(t, /^\d+(\.\d+)?$/.test(t) ? NUMBER_WEIGHT : 1, true);
    for (const group of expansions) for (const t of tokenizer.terms(group)) add(t, SYNONYM_WEIGHT, false);
  }
  return { original: question, text, language, traditional, asked: detectAskedKind(text), times, terms: [...terms.values()] };
}

function mapPeriod(p: string): string {
  const lower = p.toLowerCase();
  if (lower === 'first half') return '上半年';
  if (lower === 'this year') return '今年';
  if (lower === 'last year') return '去年';
  if (p === '现在') return '目前';
  return p;
}
