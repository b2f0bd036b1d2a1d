/**
 * Re-ranks FlexSearch's candidates with a transparent score:
 *   terms    BM25 of the question's terms in the fact, with term rarity measured within the fact's
 *            own document, normalised to 0–1 by the most the question could score there;
 *   document how well the fact's document as a whole matches the question (0–1, times a weight);
 *   kind     the fact holds a figure (or entity) of the kind asked for;
 *   time     the fact matches the question's time words.
 * Coverage (share of the question's rare terms present, rarity across the corpus) decides whether
 * the best fact answers at all.
 */
import type { AskedKind } from '../question/index.js';
import type { ScoreParts } from './score-parts.js';
import type { Fact } from '../facts/index.js';
import { ANSWERING_FIGURE_KINDS, isNumericAsk } from '../question/index.js';
import type { AnalyzedQuestion, QueryWord } from '../question/index.js';
import type { FactIndex, TermBag, TermStats } from '../search/index.js';
import { DEFAULT_RANKING, type RankingParams } from './defaults.js';

/** What the ranker knows about each fact beyond its terms. */
export interface FactFeatures {
  /** Person names (jieba tag nr) in the fact. */
  persons: string[];
  /** Place names (jieba tag ns) in the fact. */
  places: string[];
  /** The fact mentions a date or time (a date figure or a time qualifier). */
  hasDate: boolean;
  /** Its enumerations (see enumerationTails), for "哪些" questions. */
  listTails: string[];
  /** The fact's text as questions are matched: Simplified, lower-case. */
  text: string;
}

export interface Ranked {
  /** Position in the facts array. */
  pos: number;
  score: number;
  /** Share of the question's weighted terms (rarity across the corpus) the fact holds, 0–1. */
  coverage: number;
  /**
   * Coverage of the words the question adds to its document's subjects (see FactIndex.subjects):
   * what decides whether the fact answers. Equal to `coverage` when the question names nothing else.
   */
  focus: number;
  /** The fact holds a figure of the asked kind (true when no figure is asked for). */
  answersKind: boolean;
  parts: ScoreParts;
}

const idfMemo = new WeakMap<TermStats, Map<number, Map<string, number>>>();

/** BM25 idf, memoised per statistics object and floor (the same terms come back question after question). */
function idf(stats: TermStats, term: string, minCount = 0): number {
  let byFloor = idfMemo.get(stats);
  if (!byFloor) idfMemo.set(stats, (byFloor = new Map()));
  let memo = byFloor.get(minCount);
  if (!memo) byFloor.set(minCount, (memo = new Map()));
  let value = memo.get(term);
  if (value === undefined) {
    const df = stats.df.get(term) ?? 0;
    const n = Math.max(stats.count, minCount);
    value = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    if (memo.size < MAX_MEMO) memo.set(term, value);
  }
  return value;
}
/**
 * The same idf without the memo, for the per-document statistics: one question meets hundreds of documents once
 * each, where keeping a memo per document costs more than the logarithm.
 */
function plainIdf(stats: TermStats, term: string): number {
  const df = stats.df.get(term) ?? 0;
  return Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
}
/** Bound on each idf memo, so odd questions cannot grow it without limit. */
const MAX_MEMO = 100_000;

const ORDINAL = /第[一二三四五六七八九十百0-9]+/;

/** Whether the fact holds a figure that can answer what is asked (always true for non-figure asks). */
export function answersKind(fact: Fact, features: FactFeatures, asked: AskedKind, question = ''): boolean {
  if (asked === 'date') return features.hasDate;
  if (asked === 'number' && ORDINAL.test(fact.text)) return true; // 第几 → 第二位
  if (!asked || !isNumericAsk(asked)) return true;
  const kinds = ANSWERING_FIGURE_KINDS[asked] ?? [];
  // (A figure the question itself says — 100米 of 男子100米跑 — names what is asked about; it is no answer.)
  return fact.figures.some((f) => kinds.includes(f.kind) && !(f.raw.length >= 2 && question.includes(f.raw)));
}

export function rankFacts(
  q: AnalyzedQuestion,
  facts: readonly Fact[],
  features: readonly FactFeatures[],
  index: FactIndex,
  params: RankingParams,
): Ranked[] {
  if (q.terms.length === 0) return [];
  const found = index.candidates(
    q.terms.map((t) => t.term),
    params.candidates,
  );
  if (found.length === 0) return [];
  const docScore = documentScores(q, index, found, params);
  const candidates = withTopDocumentFacts(found, docScore, index, params.topDocuments);

  // Per document, once per question: each term's weight there and the most the question can score.
  const perDoc: (DocumentWeights | undefined)[] = [];
  const weightsIn = (doc: number): DocumentWeights => {
    let entry = perDoc[doc];
    if (!entry) {
      const local = index.perDocument[doc]!;
      const weights = q.terms.map((t) => t.weight * plainIdf(local, t.term));
      const termMax = q.terms.reduce((sum, t, i) => sum + (t.required ? weights[i]! : 0), 0);
      const bigramStats = index.perDocumentBigrams[doc]!;
      const bigrams = questionBigrams.map((b) => plainIdf(bigramStats, b));
      entry = { weights, termMax, bigrams, bigramMax: bigrams.reduce((a, b) => a + b, 0), avgLength: local.avgLength || 1 };
      perDoc[doc] = entry;
    }
    return entry;
  };
  const questionBigrams = [...q.bigrams];
  const byDocument = new Map<number, number[]>();
  const { termScore, bigramHit, matched, isCandidate } = scratchFor(index);
  let ranked: Ranked[];
  try {
    for (const pos of candidates) {
      isCandidate[pos] = 1;
      const doc = index.facts[pos]!.doc;
      const list = byDocument.get(doc);
      if (list) list.push(pos);
      else byDocument.set(doc, [pos]);
    }

    // Scores gathered term by term from the postings (the facts holding each term), rather than by looking
    // every term up in every candidate; each candidate still receives its terms in question order.
    const add = (pos: number, i: number, term: string, tf: number) => {
      const indexed = index.facts[pos]!;
      const { weights, avgLength } = weightsIn(indexed.doc);
      const norm = params.k1 * (1 - params.b + (params.b * indexed.length) / avgLength);
      termScore[pos] = termScore[pos]! + (weights[i]! * (tf * (params.k1 + 1))) / (tf + norm) / (params.k1 + 1);
      const list = matched[pos];
      if (list) list.push(term);
      else matched[pos] = [term];
    };
    for (let i = 0; i < q.terms.length; i++) {
      const term = q.terms[i]!.term;
      const postings = index.termPostings.get(term);
      if (postings)
        for (let k = 0; k < postings.length; k += 2) if (isCandidate[postings[k]!]) add(postings[k]!, i, term, postings[k + 1]!);
      // A word of a document's title counts as part of each of its facts (see topicRankShare).
      if (params.topicRankShare > 0)
        for (const [doc, positions] of byDocument) {
          if (!index.topics[doc]!.has(term)) continue;
          for (const pos of positions) if (!index.facts[pos]!.tf.has(term)) add(pos, i, term, params.topicRankShare);
        }
    }
    for (let i = 0; i < questionBigrams.length; i++) {
      const postings = index.bigramPostings.get(questionBigrams[i]!);
      if (postings)
        for (const pos of postings) if (isCandidate[pos]) bigramHit[pos] = bigramHit[pos]! + weightsIn(index.facts[pos]!.doc).bigrams[i]!;
    }

    // What a definition question asks about, its required words as one ("翼尖小翼"): read once, not per fact.
    const defined =
      q.asked === 'definition'
        ? q.words
            .filter((w) => w.required)
            .map((w) => w.word)
            .join('')
        : '';
    ranked = candidates.map((pos): Ranked => {
      const fact = facts[pos]!;
      const indexed = index.facts[pos]!;
      const { termMax, bigramMax } = weightsIn(indexed.doc);
      const matchedTerms = matched[pos] ?? [];
      const bigram = bigramMax > 0 ? bigramHit[pos]! / bigramMax : 0;
      const terms = termMax > 0 ? termScore[pos]! / termMax : 0;
      const feats = features[pos]!;
      const fits = answersKind(fact, feats, q.asked, q.text);
      const kind = kindScore(fact, feats, q, fits, matchedTerms, params, defined, index.topics[indexed.doc]!);
      const time =
        q.times.length === 0 ? 0 : q.times.filter((t) => fact.text.includes(t) || (fact.time ?? '').includes(t)).length * params.timeBonus;
      const document = params.documentWeight * (docScore.get(indexed.doc) ?? 0);
      return {
        pos,
        score: terms + document + kind + time + params.bigramWeight * bigram,
        coverage: 0,
        focus: 0,
        answersKind: fits,
        parts: { terms: round(terms), document: round(document), kind, time, coverage: 0, focus: 0, matched: matchedTerms },
      };
    });
  } finally {
    // The tables are shared by every question: leave them clean whatever happened.
    for (const pos of candidates) {
      termScore[pos] = 0;
      bigramHit[pos] = 0;
      matched[pos] = undefined;
      isCandidate[pos] = 0;
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.pos - b.pos);
  // Coverage decides whether an answer is given at all; only the top of the ranking needs it.
  for (const r of ranked.slice(0, params.assessed)) {
    const indexed = index.facts[r.pos]!;
    const topic = index.topics[indexed.doc]!;
    const subjects = index.subjects[indexed.doc]!;
    const text = features[r.pos]!.text;
    const times = q.times.length > 0 ? timesHeld(facts[r.pos]!, q.times) : NO_TIMES;
    r.coverage = coverageOf(q, text, indexed.tf, topic, times, index, params);
    r.focus = q.words.some((w) => w.required && !isSubject(w, subjects) && !ROLE_WORD.test(w.word))
      ? coverageOf(q, text, indexed.tf, topic, times, index, params, subjects)
      : r.coverage;
    r.parts.coverage = round(r.coverage);
    r.parts.focus = round(r.focus);
  }
  return ranked;
}

/** Per-fact tables rankFacts fills for one question and clears again (only its candidates are touched). */
interface Scratch {
  termScore: Float64Array;
  bigramHit: Float64Array;
  matched: (string[] | undefined)[];
  isCandidate: Uint8Array;
}

const scratches = new WeakMap<FactIndex, Scratch>();

/** One set of tables per index, reused question after question (ranking is synchronous). */
function scratchFor(index: FactIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.facts.length;
    scratch = {
      termScore: new Float64Array(n),
      bigramHit: new Float64Array(n),
      matched: new Array<string[] | undefined>(n).fill(undefined),
      isCandidate: new Uint8Array(n),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** A question's weights in one document (see rankFacts). */
interface DocumentWeights {
  /** Each question term's weight there (its own weight × its rarity in the document). */
  weights: number[];
  /** The most the question's required terms can score there. */
  termMax: number;
  /** Each question bigram's rarity there. */
  bigrams: number[];
  bigramMax: number;
  /** The document's mean fact length (BM25 length normalisation). */
  avgLength: number;
}

/**
 * Share of the question's words (each once, weighted by rarity across the corpus) that the fact
 * holds: a word counts whole when the fact has it, in part when the fact has some of its parts
 * (高新技术企业 through 高新, 技术, 企业), at `topicShare` when only the document's title has it, and at
 * `substringCredit` when it is only inside a longer word of the fact. Added synonyms count only when
 * they match.
 */
function coverageOf(
  q: AnalyzedQuestion,
  text: string,
  tf: TermBag,
  topic: Set<string>,
  times: ReadonlySet<string>,
  index: FactIndex,
  params: RankingParams,
  skip?: Set<string>,
): number {
  let matched = 0;
  let total = 0;
  for (const qw of q.words) {
    if (skip && (isSubject(qw, skip) || ROLE_WORD.test(qw.word))) continue;
    const { word, weight, required, parts } = qw;
    const has = (t: string) => (tf.has(t) ? 1 : topic.has(t) ? params.topicShare : 0);
    let credit = times.has(word) ? 1 : has(word);
    if (credit < params.renderingCredit && qw.alternatives)
      for (const alt of qw.alternatives) credit = Math.max(credit, params.renderingCredit * has(alt));
    if (credit < 1 && parts.length > 0) credit = Math.max(credit, parts.reduce((s, p) => s + has(p), 0) / parts.length);
    // Inside another word of the fact ("有多高" → 高 in "树高可达55米"): half a match.
    if (credit < params.substringCredit && text.includes(word)) credit = params.substringCredit;
    const df = index.global.df.has(word) ? word : (parts.find((p) => index.global.df.has(p)) ?? word);
    const w = weight * idf(index.global, df, params.coverageMinFacts);
    matched += w * credit;
    if (required || credit > 0) total += w;
  }
  return total > 0 ? matched / total : 0;
}

const NO_TIMES: ReadonlySet<string> = new Set();

/**
 * The question's time words (2016) that the fact's figures hold for, stated or the document's own period: a
 * report dated only by its metadata or title never writes its year in a sentence, and verification checks the
 * period of the figure it answers with.
 */
function timesHeld(fact: Fact, times: readonly string[]): ReadonlySet<string> {
  const held = new Set<string>();
  for (const t of times) if ((fact.time ?? '').includes(t) || fact.figures.some((f) => (f.period ?? '').includes(t))) held.add(t);
  return held;
}

/**
 * The words a question names a figure's role or breadth by (增速, 比重, 总量): what verification checks of the figure,
 * not what the fact is about, so they are no focus of their own.
 */
const ROLE_WORD = /^(?:增速|增幅|增长率|涨幅|降幅|比重|占比|比例|份额|百分比|总量|总额|总数|数量|规模)$/;

function isSubject(w: QueryWord, subjects: Set<string>): boolean {
  return (
    subjects.has(w.word) ||
    (w.parts.length > 0 && w.parts.every((p) => subjects.has(p))) ||
    (w.alternatives?.some((a) => subjects.has(a)) ?? false)
  );
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A defining sentence: "X是…", "X（…）是…", "X指…", near its start. */
const DEFINES = /^[^，。]{1,40}?(?:（[^）]*）)?(?:是|指|即|为)/;

/** What follows a thing's name where a sentence defines it: an aside, an alias, then 是/指/为… */
const DEFINES_AFTER = /^(?:[（(][^）)]*[）)])?[，,]?(?:又称作?|亦称|简称|或称|通称|俗称|别称|是|指|即|为|乃)/;

/** An enumeration of three or more items ("智能制造、新能源汽车、生物医药与健康医疗"). */
const ENUMERATION = /(?:[^、，。；：]{1,20}、){2,}[^、，。；：]{1,20}/g;

/**
 * Whether the fact enumerates things of the kind the question names (a matched term right after the list). The
 * document's own topic is no such kind: "软枝黄蝉的花有什么特点" is not answered by its aliases (小黄蝉、重瓣黄蝉…).
 */
function listsMatchedThing(listTails: readonly string[], matched: readonly string[], topic: ReadonlySet<string>): boolean {
  if (listTails.length === 0) return false;
  // Only the longest matched words count: "主导产业" names the thing, its part "产业" does not.
  const heads = matched.filter((t) => t.length >= 2 && !topic.has(t) && !matched.some((o) => o !== t && o.includes(t)));
  return listTails.some((tail) => heads.some((t) => tail.includes(t)));
}

/** Each enumeration of a text, from its first "、" to a little past its end: where the listed thing is named. */
export function enumerationTails(text: string, listHeadWindow: number = DEFAULT_RANKING.listHeadWindow): string[] {
  const tails: string[] = [];
  ENUMERATION.lastIndex = 0;
  for (let m = ENUMERATION.exec(text); m; m = ENUMERATION.exec(text)) {
    tails.push(text.slice(m.index + m[0].indexOf('、'), m.index + m[0].length + listHeadWindow));
  }
  return tails;
}

function kindScore(
  fact: Fact,
  feats: FactFeatures,
  q: AnalyzedQuestion,
  fits: boolean,
  matched: readonly string[],
  params: RankingParams,
  defined: string,
  topic: ReadonlySet<string>,
): number {
  const { asked } = q;
  if (asked === 'person') return feats.persons.some((p) => !q.text.includes(p)) ? params.entityBonus : 0;
  if (asked === 'place') return feats.places.some((p) => !q.text.includes(p)) ? params.entityBonus : 0;
  if (asked === 'date') return fits ? params.kindBonus : 0;
  if (asked === 'definition') {
    // The sentence that opens with the very thing asked and says what it is (an encyclopedia's first sentence:
    // "翼尖小翼（winglet），又称作翼梢小翼，…用于…"), over one that only opens with a word of it ("易颉的编码要点便是…").
    const head = feats.text.replace(/\s+/g, '');
    if (defined.length >= 2 && head.startsWith(defined) && DEFINES_AFTER.test(head.slice(defined.length))) return params.kindBonus;
    return DEFINES.test(fact.text) && matched.some((t) => fact.text.startsWith(t)) ? params.kindBonus / 2 : 0;
  }
  if (asked === 'list') return listsMatchedThing(feats.listTails, matched, topic) ? params.kindBonus : 0;
  if (!isNumericAsk(asked)) return 0;
  if (fits) return params.kindBonus;
  return fact.figures.length === 0 ? -params.noFigurePenalty : -params.noFigurePenalty / 2;
}

/**
 * FlexSearch finds facts that share a word with the question; a fact that answers it may share
 * none ("它是一个占地约两平方公里的热带植物公园" for "萱侬律占地面积多大？") yet sit in the
 * document the question is about. So every fact of the best-matching documents is a candidate too.
 */
function withTopDocumentFacts(found: number[], docScore: Map<number, number>, index: FactIndex, topDocuments: number): number[] {
  const top = [...docScore.entries()].sort((a, b) => b[1] - a[1]).slice(0, topDocuments);
  const all = new Set(found);
  for (const [doc] of top) for (const pos of index.factsOfDocument[doc]!) all.add(pos);
  return [...all];
}

/** BM25 of the question over whole documents, normalised so the best document scores 1. */
function documentScores(q: AnalyzedQuestion, index: FactIndex, candidates: number[], params: RankingParams): Map<number, number> {
  const docs = new Set(candidates.map((pos) => index.facts[pos]!.doc));
  const scores = new Map<number, number>();
  if (index.documents.length === 1) {
    scores.set(0, 1);
    return scores;
  }
  let max = 0;
  for (const d of docs) {
    const doc = index.documents[d]!;
    const norm = params.k1 * (1 - params.b + (params.b * doc.length) / (index.documentStats.avgLength || 1));
    let s = 0;
    for (const { term, weight } of q.terms) {
      const tf = doc.tf.get(term) ?? 0;
      if (tf > 0) s += (weight * idf(index.documentStats, term) * tf * (params.k1 + 1)) / (tf + norm);
    }
    scores.set(d, s);
    max = Math.max(max, s);
  }
  if (max > 0) for (const [d, s] of scores) scores.set(d, s / max);
  return scores;
}
