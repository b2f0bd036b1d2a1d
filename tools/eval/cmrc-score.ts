// Scores an engine on a CMRC-style set: top-1/top-3 containment, per passage and global, and the sentence ceiling.
import type { Answer } from '../../src/answer/answer.js';
import type { Engine } from '../../src/answer/engine-types.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { cmrcDocuments, cmrcQuestions, type CmrcFile, type CmrcQuestion } from './cmrc-data.js';

/** Builds an engine over in-memory documents; `buildEngine` from answer/build-engine.ts fits. */
export type EngineFactory = (documents: CorpusDocument[]) => Engine;

export interface EvaluateCmrcOptions {
  /** Score only the first N questions, in file order (quick runs). Default: all. */
  limit?: number;
  /** Clock in milliseconds, for the build/ask timings. Default: `performance.now`. */
  now?: () => number;
  /**
   * Whether the engine may answer "not in the document" (default true: the answers users get).
   * False scores retrieval alone: the ranking, whatever the engine's confidence.
   */
  abstain?: boolean;
}

/** How many hits each question is asked for; top-1 looks at hits[0], top-3 at hits[0..2]. */
export const CMRC_HITS = 3;

/** Sentence ends for the ceiling; a run of closing quotes/brackets after one stays with the sentence. */
export const SENTENCE_ENDS = '。！？';
/** Clause ends: sentence ends plus "；", where the engine splits chained facts. */
export const CLAUSE_ENDS = '。！？；';
const CLOSERS = '”’」』）》】〉)]';

/** Figures for one setting (per-passage or global). Rates are fractions 0..1. */
export interface SettingScore {
  /** Questions asked. */
  n: number;
  /** Questions whose hits[0] fact text contains a gold answer. */
  top1: number;
  /** Questions where one of hits[0..2] contains a gold answer. */
  top3: number;
  /** Questions answered `found` with at least one hit. */
  found: number;
  top1Rate: number;
  top3Rate: number;
  foundRate: number;
  /** Mean length in characters of hits[0].fact.text over found answers; null when none was found. */
  meanTopLength: number | null;
  /** Time spent building engines, ms. */
  buildMs: number;
  /** Time spent in `ask`, ms. */
  askMs: number;
}

/** Questions whose gold answer fits inside one segment of its passage. */
export interface Ceiling {
  n: number;
  /** Segments split at 。！？ */
  sentence: number;
  sentenceRate: number;
  /** Segments split at 。！？ and ； (the engine's clause facts). */
  clause: number;
  clauseRate: number;
}

/** A global top-1 miss, for error analysis. */
export interface CmrcMiss {
  id: string;
  question: string;
  gold: string[];
  /** hits[0].fact.text, or null when the engine did not find an answer. */
  top: string | null;
}

export interface CmrcReport {
  passages: number;
  questions: number;
  ceiling: Ceiling;
  perPassage: SettingScore;
  global: SettingScore;
  /** Every global top-1 miss, in question order. */
  globalMisses: CmrcMiss[];
}

/** How one answer scores against the gold strings. */
export interface AnswerScore {
  found: boolean;
  top1: boolean;
  top3: boolean;
  /** hits[0].fact.text, or null. */
  topText: string | null;
}

/** A hit contains a gold answer verbatim; not-found and invalid answers miss. */
export function scoreAnswer(answer: Answer, gold: readonly string[]): AnswerScore {
  if (answer.kind !== 'found' || answer.hits.length === 0) {
    return { found: false, top1: false, top3: false, topText: null };
  }
  const texts = answer.hits.slice(0, CMRC_HITS).map((hit) => hit.fact.text);
  const contains = (text: string): boolean => gold.some((g) => g.length > 0 && text.includes(g));
  const topText = texts[0] ?? null;
  return {
    found: true,
    top1: topText !== null && contains(topText),
    top3: texts.some(contains),
    topText,
  };
}

/**
 * Splits text after each end character (plus any closing quotes/brackets that follow it).
 * The segments rejoin into the text; a tail without an end character is a segment too.
 */
export function splitSentences(text: string, ends: string = SENTENCE_ENDS): string[] {
  const segments: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (ends.includes(text[i] ?? '')) {
      let end = i + 1;
      while (end < text.length && CLOSERS.includes(text[end] ?? '')) end++;
      segments.push(text.slice(start, end));
      start = end;
      i = end;
    } else {
      i++;
    }
  }
  if (start < text.length) segments.push(text.slice(start));
  return segments;
}

function fitsInSegment(segments: readonly string[], gold: readonly string[]): boolean {
  return gold.some((g) => g.length > 0 && segments.some((segment) => segment.includes(g)));
}

function rate(count: number, n: number): number {
  return n === 0 ? 0 : count / n;
}

/** Share of questions whose gold answer lies inside one sentence (or clause) of its own passage. */
export function computeCeiling(documents: readonly CorpusDocument[], questions: readonly CmrcQuestion[]): Ceiling {
  const textById = new Map(documents.map((doc) => [doc.id, doc.text]));
  const sentences = new Map<string, string[]>();
  const clauses = new Map<string, string[]>();
  let sentence = 0;
  let clause = 0;
  for (const q of questions) {
    const text = textById.get(q.docId) ?? '';
    if (!sentences.has(q.docId)) {
      sentences.set(q.docId, splitSentences(text, SENTENCE_ENDS));
      clauses.set(q.docId, splitSentences(text, CLAUSE_ENDS));
    }
    if (fitsInSegment(sentences.get(q.docId) ?? [], q.answers)) sentence++;
    if (fitsInSegment(clauses.get(q.docId) ?? [], q.answers)) clause++;
  }
  const n = questions.length;
  return { n, sentence, sentenceRate: rate(sentence, n), clause, clauseRate: rate(clause, n) };
}

class SettingTally {
  private n = 0;
  private top1 = 0;
  private top3 = 0;
  private found = 0;
  private topLength = 0;
  buildMs = 0;
  askMs = 0;

  add(score: AnswerScore): void {
    this.n++;
    if (score.top1) this.top1++;
    if (score.top3) this.top3++;
    if (score.found) {
      this.found++;
      this.topLength += score.topText?.length ?? 0;
    }
  }

  result(): SettingScore {
    const { n, top1, top3, found } = this;
    return {
      n,
      top1,
      top3,
      found,
      top1Rate: rate(top1, n),
      top3Rate: rate(top3, n),
      foundRate: rate(found, n),
      meanTopLength: found === 0 ? null : this.topLength / found,
      buildMs: this.buildMs,
      askMs: this.askMs,
    };
  }
}

/**
 * Asks every question (or the first `limit`) with limit 3 in two settings: per passage (an engine over the
 * question's own passage only) and global (one engine over all passages), and computes the ceiling.
 */
export function evaluateCmrc(data: CmrcFile, buildEngine: EngineFactory, options: EvaluateCmrcOptions = {}): CmrcReport {
  const now = options.now ?? (() => performance.now());
  const documents = cmrcDocuments(data);
  const all = cmrcQuestions(data);
  const questions = options.limit === undefined ? all : all.slice(0, Math.max(0, options.limit));
  const docById = new Map(documents.map((doc) => [doc.id, doc]));

  const perPassage = new SettingTally();
  const byDoc = new Map<string, CmrcQuestion[]>();
  for (const q of questions) {
    const list = byDoc.get(q.docId);
    if (list === undefined) byDoc.set(q.docId, [q]);
    else list.push(q);
  }
  for (const [docId, docQuestions] of byDoc) {
    const doc = docById.get(docId);
    if (doc === undefined) throw new Error(`evaluateCmrc: question refers to unknown passage ${docId}`);
    let t = now();
    const engine = buildEngine([doc]);
    perPassage.buildMs += now() - t;
    for (const q of docQuestions) {
      t = now();
      const answer = engine.ask(q.question, { limit: CMRC_HITS, abstain: options.abstain ?? true });
      perPassage.askMs += now() - t;
      perPassage.add(scoreAnswer(answer, q.answers));
    }
  }

  const global = new SettingTally();
  const globalMisses: CmrcMiss[] = [];
  let t = now();
  const engine = buildEngine(documents);
  global.buildMs = now() - t;
  for (const q of questions) {
    t = now();
    const answer = engine.ask(q.question, { limit: CMRC_HITS, abstain: options.abstain ?? true });
    global.askMs += now() - t;
    const score = scoreAnswer(answer, q.answers);
    global.add(score);
    if (!score.top1) globalMisses.push({ id: q.id, question: q.question, gold: q.answers, top: score.topText });
  }

  return {
    passages: documents.length,
    questions: questions.length,
    ceiling: computeCeiling(documents, questions),
    perPassage: perPassage.result(),
    global: global.result(),
    globalMisses,
  };
}
