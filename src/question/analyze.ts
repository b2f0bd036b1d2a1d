/**
 * Question analysis: the question's frame (question/frame.ts) turned into weighted search terms (its own
 * words, synonyms, English glossary), the words coverage is measured over, and its bigrams.
 */
import { bigramsOf } from '../text/index.js';
import { ANSWER_TYPES } from './lexicon.js';
import type { Tokenizer } from '../text/index.js';
import { isNumericAsk, type AskedKind } from './asked-kind.js';
import { DEFAULT_QUESTION, type QuestionParams } from './defaults.js';
import { readQuestion, type QuestionFrame } from './frame.js';
import { attributeCues } from './attribute-cues.js';
import { translateEnglish, type EnglishReading } from './glossary-en.js';
import type { DictionaryEn, Paraphrase } from './dictionary-en.js';
import { expandSynonyms, type Synonym } from './synonyms.js';

export interface QueryTerm {
  term: string;
  /** 1 for the question's own words; less for added synonyms. */
  weight: number;
  /** Whether a miss on this term counts against the answer's coverage (synonyms only ever add). */
  required: boolean;
}

/** A word the question names, for coverage: matched whole, or in part through its search terms. */
export interface QueryWord {
  word: string;
  weight: number;
  required: boolean;
  /** The word's search-mode parts other than itself ("高新技术企业" → 高新, 技术, 企业); shared, never changed. */
  parts: readonly string[];
  /** Corpus words that stand for it (an English word's renderings through the dictionary): any of them holds it. */
  alternatives?: readonly string[];
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
  /** The same content as whole words, each counted once: what coverage is measured over. */
  words: QueryWord[];
  /** Character bigrams of the question's content (its own words, not synonyms). */
  bigrams: Set<string>;
  /** The question's verbs other than 是/有/在 ("成为", "释放"): the event a date question asks about. */
  verbs: string[];
  /** An English question's glossary terms and the content words no glossary maps (translateEnglish), read once; null in Chinese. */
  english: EnglishReading | null;
}

/** Question phrasing that carries no content: stripped before the words are looked up. */
const QUESTION_PHRASES =
  /(?:[又也还]?(?:叫做|叫作|称为|称作|叫|指)|(?<![拥具所含没享占持])有|是)(?=什么|哪些|哪个|哪位|哪里|哪儿|哪一|哪种|谁|何)|百分之(?:几|多少)|请问|告诉我|我想知道|想了解|(?:花了|花掉了?|花费了?|用了|投了|投入了)(?=多少)|(?:排名|排在|排|位列|位居|居)第几(?:名|位)?|排名(?:多少|怎样|如何)|名次|一共|总共|大概|大约|是多少|有多少|多少钱|(?:多少|几)[户个家位人所项次条种座件名]|多少|多长时间|有?多[久大]|几个|几家|几位|几人|几所|什么时候|什么时间|何时|何年|(?:西元|公元|民国)前?(?:几|多少)年|几世纪|哪[个一]世纪|哪[个一]朝代?|几月几[日号]|在?(?:哪一年|哪年|哪一?天|哪一?个?月)|为什么|为何|是由谁|由谁|是谁|谁|哪些|哪个|哪位|哪里|哪儿|在哪|做了什么|什么样的?|什么|啥|数量|怎么样|怎样|如何|是不是|有没有|是否|需要|要|一家|一个|呢|吗|吧|啊/g;
const COMPARED_WITH = /比(?=上年|去年|上月|同期|年初|[0-9]{4}年)/g;
/** A figure's role, kept whole: "占比降到" is 占比 + 降到, not 占 + 比降 ("gradient"). */
const ROLE_WORDS = /(占比|比重)/g;
/** "降到了多少", "调整为多少": the value a figure changed to is the figure asked, whatever verb the document uses. */
const CHANGED_TO = /(?:降|下降|减少|提高|提升|上升|升|增加|增长|调整|变)(?:到|至|为|成)了?(?=多少|几|什么)/g;
/** An answer-type noun where the question asks for one: after 什么/哪个…, or before 是什么/是谁/在哪…. */
const ANSWER_TYPE_WORD = ANSWER_TYPES.join('|');
const ANSWER_TYPE = new RegExp(
  `(?<=什么|哪个|哪一个|哪一|哪位|哪种|哪类|哪些|何种|哪家|哪所|哪座)(${ANSWER_TYPE_WORD})|(${ANSWER_TYPE_WORD})(?=是什么|是谁|是哪|有哪些|在哪|叫什么|指什么|是怎样|是如何|怎样|如何)`,
);
const LOCATIVES: ReadonlySet<string> = new Set(['中', '里', '内', '当中', '之中', '里面', '之内']);
const DIMENSION_QUESTION = /有?多([高长重远深宽厚])/g;
/** A bare number, year or period word ("2018", "今年", "上半年"): it qualifies what is asked rather than names it. */
function isQualifier(term: string): boolean {
  return /^\d+(\.\d+)?$/.test(term) || /^(今年|去年|本年|上半年|下半年|同期|目前|现在|截至|年底|年初|以来)$/.test(term);
}

/** What the corpus says about how its documents' words are asked for. */
export interface QuestionVocabulary {
  /** Colloquial Chinese → document terms (corpus synonyms.json). */
  synonyms?: readonly Synonym[];
  /** English → document terms (corpus glossary-en.json). */
  glossaryEn?: readonly Synonym[];
  /** English words no glossary maps → the corpus's words, through the general dictionary. */
  dictionaryEn?: DictionaryEn;
}

/**
 * The question's search terms and words, from its frame (a string is read first, for tests and tools);
 * `paraphrases` are its words the corpus never uses, read through the dictionary's senses (paraphrasesIn).
 */
export function analyzeQuestion(
  question: string | QuestionFrame,
  tokenizer: Tokenizer,
  vocabulary: QuestionVocabulary = {},
  params: QuestionParams = DEFAULT_QUESTION,
  paraphrases: readonly Paraphrase[] = [],
): AnalyzedQuestion {
  const frame = typeof question === 'string' ? readQuestion(question, vocabulary) : question;
  const synonyms = vocabulary.synonyms ?? [];
  const { text, traditional, times, asked } = frame;
  const language = frame.searchLanguage;
  const terms = new Map<string, QueryTerm>();
  const words = new Map<string, QueryWord>();
  const add = (text: string, weight: number, required: boolean) => {
    for (const term of tokenizer.terms(text, true)) {
      const w = isQualifier(term) ? weight * params.qualifierWeight : weight;
      const prev = terms.get(term);
      if (!prev || prev.weight < w) terms.set(term, { term, weight: w, required: required || (prev?.required ?? false) });
    }
    for (const word of tokenizer.words(text, true)) {
      if (words.has(word) && words.get(word)!.required) continue;
      // "在三县两区中", "在浑南里": a locative standing alone says where to look, and names nothing.
      if (LOCATIVES.has(word)) continue;
      const w = isQualifier(word) ? weight * params.qualifierWeight : weight;
      words.set(word, { word, weight: w, required, parts: partsOf(tokenizer, word) });
    }
  };
  /** A word's alternatives (its renderings, its paraphrases) are searched for too, never required. */
  const searchAlso = (alternatives: readonly string[], weight: number) => {
    for (const alt of alternatives)
      for (const term of tokenizer.terms(alt, true)) if (!terms.has(term)) terms.set(term, { term, weight, required: false });
  };
  const english = language === 'en' ? translateEnglish(text, vocabulary.glossaryEn, vocabulary.dictionaryEn) : null;
  if (english) {
    const { terms: zh, unmatched, renderings } = english;
    for (const group of zh) add(group, 1, true);
    for (const w of unmatched) {
      add(w, params.unmappedEnglishWeight, true);
      const alternatives = renderings.get(w);
      const word = words.get(w);
      if (!alternatives || !word) continue;
      words.set(w, { ...word, alternatives });
      // At the weight the English word has.
      searchAlso(alternatives, params.unmappedEnglishWeight);
    }
  } else {
    const { expansions, rest } = expandSynonyms(text, synonyms);
    // "潘嘉丽的职业是什么": the kind of answer asked for is searched for, not required of the answer (…歌手).
    const typed = isNumericAsk(asked) ? null : ANSWER_TYPE.exec(rest);
    const noun = typed?.[1] ?? typed?.[2];
    if (typed && noun) {
      add(contentOf(rest.slice(0, typed.index) + ' ' + rest.slice(typed.index + typed[0].length), []), 1, true);
      add(noun, params.synonymWeight, false);
    } else add(contentOf(rest, []), 1, true);
    // A synonym only adds: a cue found inside a longer word of the question (小巨人 in 科技小巨人企业) does not
    // stand for that word, which stays the question's own.
    const own = synonyms.length ? tokenizer.words(text, true) : [];
    for (const { cue } of synonyms) {
      for (const m of text.matchAll(new RegExp(cue.source, 'g'))) {
        const word = own.find((w) => w.length >= m[0].length + 2 && w.includes(m[0]) && !/[有是在的了吗呢]/.test(w));
        if (word) add(word, 1, true);
      }
    }
    for (const group of expansions) add(group, params.synonymWeight, false);
    for (const group of attributeCues(text)) add(group, params.synonymWeight, false);
    // A word the corpus never uses (营收), cut into pieces by the corpus's dictionary, is one word again, held by
    // any corpus word sharing one of its senses (收入, 营业收入): searched for, counted for it, and accepted for it by
    // verification.
    for (const p of paraphrases) {
      for (const w of [...words.keys()]) if (w.length < p.word.length && p.word.includes(w)) words.delete(w);
      words.set(p.word, { word: p.word, weight: 1, required: true, parts: [], alternatives: p.alternatives });
      searchAlso(p.alternatives, params.synonymWeight);
    }
  }
  nestTerms(terms, params.nestedTermShare);
  // "高企有多少家": when every word was a synonym cue, the expansion is the question.
  if (![...terms.values()].some((t) => t.required)) {
    for (const t of terms.values()) t.required = true;
    for (const w of words.values()) w.required = true;
  }
  return {
    original: frame.original,
    text,
    language,
    traditional,
    asked,
    times,
    terms: [...terms.values()],
    words: [...words.values()],
    verbs: language === 'zh' && asked === 'date' ? questionVerbs(text, tokenizer) : [],
    bigrams: language === 'zh' ? bigramsOf(contentOf(text, synonyms)) : new Set(),
    english,
  };
}

/** The words of a Chinese question the corpus never uses that the dictionary reads (see analyzeQuestion). */
export function paraphrasesIn(frame: QuestionFrame, vocabulary: QuestionVocabulary): readonly Paraphrase[] {
  if (frame.searchLanguage !== 'zh' || !vocabulary.dictionaryEn) return [];
  return vocabulary.dictionaryEn.paraphrase(contentOf(expandSynonyms(frame.text, vocabulary.synonyms ?? []).rest, []));
}

/** Words already split into their search-mode parts, per tokenizer (a question's words recur across questions). */
const partsMemo = new WeakMap<Tokenizer, Map<string, readonly string[]>>();
/** Bound on each memo; past it the memo starts afresh (odd questions cannot grow it without limit). */
const MAX_PARTS_MEMO = 20_000;

/** A word's search-mode parts other than itself ("高新技术企业" → 高新, 技术, 企业): one segmenter call per new word. */
function partsOf(tokenizer: Tokenizer, word: string): readonly string[] {
  let memo = partsMemo.get(tokenizer);
  if (!memo) partsMemo.set(tokenizer, (memo = new Map()));
  let parts = memo.get(word);
  if (parts === undefined) {
    parts = tokenizer.terms(word, true).filter((p) => p !== word);
    if (memo.size >= MAX_PARTS_MEMO) memo.clear();
    memo.set(word, parts);
  }
  return parts;
}

/** The question without its question phrasing; "有多高" keeps 高 ("树高可达55米"). */
function contentOf(text: string, synonyms: readonly Synonym[]): string {
  const { rest } = expandSynonyms(text, synonyms);
  // "价格比上年上涨": 比 opens the comparison, it is not part of the word before (价格比 "price ratio").
  return rest
    .replace(DIMENSION_QUESTION, ' $1 ')
    .replace(CHANGED_TO, ' ')
    .replace(QUESTION_PHRASES, ' ')
    .replace(COMPARED_WITH, ' 比')
    .replace(ROLE_WORDS, ' $1 ');
}

/** Verbs that name no event of their own: "何时发生", "什么时候开始" ask when the thing named happened. */
const LIGHT_VERBS = new Set([
  '是',
  '有',
  '在',
  '为',
  '要',
  '需要',
  '会',
  '能',
  '可以',
  '叫',
  '称',
  '发生',
  '开始',
  '出现',
  '进行',
  '产生',
  '形成',
]);

function questionVerbs(text: string, tokenizer: Tokenizer): string[] {
  return tokenizer
    .tag(text.replace(QUESTION_PHRASES, ' '))
    .filter((w) => w.tag.startsWith('v') && w.tag !== 'vn' && !LIGHT_VERBS.has(w.word))
    .map((w) => w.word);
}

/**
 * A required term inside a longer required term of the question (西兰 in 纽西兰, 部分 in 大部分, 上半 in 上半年) weighs
 * `share` of the longer one's weight, or of its own where that is less (see QuestionParams.nestedTermShare).
 */
function nestTerms(terms: Map<string, QueryTerm>, share: number): void {
  if (share >= 1) return;
  const required = [...terms.values()].filter((t) => t.required);
  for (const t of required) {
    let outer: QueryTerm | undefined;
    for (const o of required)
      if (o.term.length > t.term.length && o.term.includes(t.term) && (!outer || o.weight < outer.weight)) outer = o;
    if (outer) terms.set(t.term, { ...t, weight: Math.min(t.weight, outer.weight) * share });
  }
}
