import type { DictionaryEn } from './dictionary-en.js';
import { STATISTICS_EN } from './statistics-en.js';
import type { Synonym } from './synonyms.js';

/*
 * English questions reach the Chinese index through glossaries: the corpus's own (glossary-en.json:
 * its domain terms) and the general one below. An English content word neither covers stays in the
 * question as an unmatched word, so "What is the GDP of Hunnan?" is "not in the document" rather
 * than a guess.
 */

/**
 * General English phrasing the engine understands for any corpus: time, comparison and change.
 * The corpus's own domain terms come from its `glossary-en.json` (same format as synonyms.json).
 */
export const GENERAL_EN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bfirst half\b|\bh1\b/, '上半年'],
  [/\bsecond half\b|\bh2\b/, '下半年'],
  [/\bsame period\b/, '同期'],
  [/\byear[- ]on[- ]year\b|\byoy\b|\bannual growth\b/, '同比 增长'],
  [/\bgrowth\b|\bgrew\b|\bgrow\b/, '增长'],
  [/\bincrease[sd]?\b|\bmore than last\b/, '增加'],
  [/\bin total\b|\btotal\b|\baltogether\b|\boverall\b/, '总'],
  [/\bshare\b|\bproportion\b|\bpercent(age)?\b/, '占'],
  [/\btimes (as|more|larger|higher|bigger|greater|that|the)\b|\bfold\b/, '倍'],
  [/\bcurrently\b|\bnow\b|\bat present\b/, '目前'],
  [/\bthis year\b/, '今年'],
  [/\bnational\b/, '国家'],
];

/** English words that carry no content in a question. */
export const STOPWORDS_EN: ReadonlySet<string> = new Set(
  (
    'a an the of in on at to for from by with and or is are was were be been being do does did has have had ' +
    'what which who whom whose when where why how many much long big large does it its this that these those there ' +
    'i me my we our you your he she they them their can could would should will shall may might please tell about ' +
    "district number total amount figure get take takes took it's s located based achieve achieved " +
    'make made held hold need needs set built been quickly quick any some run runs work works there much more ' +
    "over under kind type give given out up new newly does done doing did still also just only very there's " +
    'compared comparison same period year years yuan cny rmb people'
  ).split(/\s+/),
);

/** The statistical vocabulary (statistics-en.ts) as whole-word cues. */
const STATISTICS: ReadonlyArray<readonly [RegExp, string]> = STATISTICS_EN.map(
  ([cue, zh]) => [new RegExp(`\\b(?:${cue})\\b`, 'g'), zh] as const,
);

/** The same vocabulary as glossary entries: what a computation's subjects are named by when the corpus has no glossary. */
export const STATISTICS_GLOSSARY: readonly Synonym[] = STATISTICS.map(([cue, terms]) => ({ cue, terms }));

/**
 * The Chinese terms an English question maps to, and its content words no glossary covers: the corpus's
 * own glossary (and its places' pinyin names) first, then the statistical vocabulary, then GENERAL_EN.
 */
/**
 * Coordinated modifiers spelled out: "the secondary and tertiary industries" is the secondary industry and the
 * tertiary industry, each its own term (the offsets move; callers read the text this returns).
 */
export function spellOutCoordination(text: string): string {
  return text.replace(
    /\b([a-z][a-z-]*) (and|or|&) ([a-z][a-z-]*) (industrie|sector|enterprise|companie|area|region|district|countie|citie)s\b/gi,
    (_m, a: string, and: string, b: string, noun: string) => {
      const one = noun.replace(/ie$/, 'y');
      return `${a} ${one} ${and} ${b} ${one}`;
    },
  );
}

export function translateEnglish(question: string, glossary: readonly Synonym[] = [], dictionary?: DictionaryEn): EnglishReading {
  let rest = spellOutCoordination(question.toLowerCase());
  const terms: string[] = [];
  // Where each term was found: what is taken out is blanked, so offsets stay those of the question.
  const spans: { start: number; end: number; zh: string }[] = [];
  const blank = (m: string) => ' '.repeat(m.length);
  // "January–October", "the first ten months": the months of a year counted together (1-10月).
  rest = rest.replace(MONTH_SPAN, (m: string, a: string, b: string) => {
    terms.push(`${monthNumber(a)}-${monthNumber(b)}月`);
    return blank(m);
  });
  rest = rest.replace(FIRST_MONTHS, (m: string, n: string) => {
    terms.push(`1-${COUNT_WORDS.indexOf(n) + 1 || Number(n)}月`);
    return blank(m);
  });
  const take = (re: RegExp, zh: string) => {
    const global = re.global ? re : new RegExp(re.source, 'g');
    const found = [...rest.matchAll(global)];
    if (found.length === 0) return;
    terms.push(zh);
    for (const m of found) spans.push({ start: m.index, end: m.index + m[0].length, zh });
    rest = rest.replace(global, blank);
  };
  for (const g of glossary) take(g.cue, g.terms);
  // The statistical vocabulary by the longest phrase found first: "registered urban unemployment rate" is
  // 失业率, not 城镇 and an unmatched "unemployment rate".
  for (;;) {
    let best: { re: RegExp; zh: string; length: number } | null = null;
    for (const [re, zh] of STATISTICS) {
      re.lastIndex = 0;
      for (const m of rest.matchAll(re)) if (!best || m[0].length > best.length) best = { re, zh, length: m[0].length };
    }
    if (!best) break;
    take(best.re, best.zh);
  }
  for (const [re, zh] of GENERAL_EN) take(re, zh);
  // "tertiary-industry": the words of a compound, each its own.
  const words = [...rest.matchAll(/[a-z][a-z'-]*/g)];
  const unmapped = words.flatMap((m) => m[0].split(/-+/)).filter((w) => !STOPWORDS_EN.has(w) && w.length > 1);
  // The rest through the general dictionary, restricted to the corpus's words: each stays an unmatched word, which
  // its renderings may stand for (a general dictionary's sense is a guess at the document's wording, so they only
  // add: they are searched and count for the word, and no verification requires them).
  const renderings = dictionary?.translate(unmapped) ?? NO_RENDERINGS;
  // A rendered word right before a term qualifies it ("project investment"): the compounds it makes in Chinese
  // (项目投资, 计划投资) are what a figure measured exactly would be called.
  const compounds: string[] = [];
  for (const m of words) {
    const last = m[0].split(/-+/).pop()!;
    const zh = renderings.get(last);
    if (!zh) continue;
    const end = m.index + m[0].length;
    const nextWord = words.find((w) => w.index >= end)?.index ?? Infinity;
    const next = spans.filter((t) => t.start >= end && t.start < nextWord).sort((a, b) => a.start - b.start)[0];
    if (!next) continue;
    for (const head of next.zh.split(/\s+/)) for (const modifier of zh) compounds.push(modifier + head);
  }
  return { terms, unmatched: unmapped, renderings, compounds };
}

/** An English question as the Chinese corpus reads it. */
export interface EnglishReading {
  /** Glossary and statistical terms, each a group of alternatives ("营业收入 营业总收入"). */
  terms: string[];
  /** Content words no glossary maps. */
  unmatched: string[];
  /** The corpus words CC-CEDICT renders unmatched words by. */
  renderings: ReadonlyMap<string, readonly string[]>;
  /** A rendered word and the term it qualifies, in Chinese: 项目投资 for "project investment". */
  compounds: string[];
}

const NO_RENDERINGS: ReadonlyMap<string, readonly string[]> = new Map();

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_SPAN = new RegExp(`\\b${MONTH}\\s*(?:-|–|—|to|through|till|until)\\s*${MONTH}(?![a-z])`, 'g');
const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const FIRST_MONTHS = new RegExp(`\\b(?:the )?first (${COUNT_WORDS.join('|')}|\\d{1,2}) months\\b`, 'g');

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}
