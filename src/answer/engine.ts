/**
 * The answer engine: documents → facts → index, and questions → cited answers. Knows nothing
 * about Telegram or the command line.
 */
import type { CorpusDocument, SegmentationParams } from '../corpus/index.js';
import type { Fact, Figure } from '../facts/index.js';
import {
  DEFAULT_FACTS,
  documentEntity,
  documentPeriod,
  enclosingRatio,
  extractFacts,
  ratioPartMeasures,
  searchTextOf,
  type FactParams,
} from '../facts/index.js';
import { findTimeMentions, pieceAround } from '../facts/index.js';
import {
  ANSWERING_FIGURE_KINDS,
  asksForThing,
  corpusDictionaryEn,
  isNumericAsk,
  sharesSense,
  type DictionaryEn,
} from '../question/index.js';
import {
  analyzeQuestion,
  paraphrasesIn,
  documentPhrases,
  placeGlossaryEn,
  readQuestion as readQuestion_,
  type AnalyzedQuestion,
} from '../question/index.js';
import type { QuestionContext, QuestionFrame } from '../question/index.js';
import type { Synonym } from '../question/index.js';
import { DEFAULT_RANKING, type RankingParams } from '../ranking/index.js';
import { DEFAULT_INDEX, type IndexParams } from '../search/index.js';
import { DEFAULT_QUESTION, type QuestionParams } from '../question/index.js';
import { DEFAULT_ANSWERING, type AnswerParams } from './defaults.js';
import {
  askedRole,
  constraintsOf,
  measuresItsFigures,
  verify,
  type QuestionConstraints,
  type Verdict,
  type VerifyContext,
} from './verify.js';
import { enumerationTails, rankFacts, type FactFeatures, type Ranked } from '../ranking/index.js';
import { buildFactIndex, type FactIndex, type IndexPostings, type SearchDump } from '../search/index.js';
import { toSimplifiedCharacters, toSimplifiedCharactersCached, type Tokenizer } from '../text/index.js';
import type { Answer, CheckedCandidate, Citation, Hit, ScoreParts, Topic } from './answer.js';
import type { AskOptions, Engine } from './engine-types.js';

/** Longest question accepted, in characters (DEFAULT_ANSWERING.maxQuestionChars). */
export const MAX_QUESTION_CHARS = DEFAULT_ANSWERING.maxQuestionChars;

export interface EngineOptions {
  /** The ranker's tunables (ranking/defaults.ts). */
  ranking?: Partial<RankingParams>;
  /** The question reader's weights (question/defaults.ts). */
  question?: Partial<QuestionParams>;
  /** What makes a word a document's subject (search/defaults.ts). */
  index?: Partial<IndexParams>;
  /** Fact extraction: segmentation and subject length (facts/defaults.ts). */
  facts?: { segmentation?: Partial<SegmentationParams>; maxSubjectChars?: number };
  /** The answer around the ranking: limits, related facts, the key figure check (answer/defaults.ts). */
  answering?: Partial<AnswerParams>;
  /** The corpus's synonym table (question cue → document terms). Default: none. */
  synonyms?: readonly Synonym[];
  /** The corpus's English glossary (English phrase → document terms). Default: none. */
  glossaryEn?: readonly Synonym[];
  /** The corpus's subjects in English (subjects-en.json). Default: none. */
  subjectsEn?: ReadonlyMap<string, string>;
}

/**
 * What the engine reads from one document alone, before any other document is seen: the part of a build a
 * cache can keep per document (answer/engine-cache.ts). Plain data, JSON as it is.
 */
export interface DocumentAnalysis {
  facts: Fact[];
  /** Each fact's search text (a table row's with its title and headers) normalised; null where it is the fact's text. */
  normalized: (string | null)[];
  /** Each fact's search terms (Tokenizer.terms of its normalised text). */
  terms: string[][];
  /** What the ranker knows of each fact beyond its terms (FactFeatures without the text). */
  features: Omit<FactFeatures, 'text'>[];
  /** The title's search terms. */
  titleTerms: string[];
  /** The place the document is about, and the period it covers (facts/figure-context.ts). */
  entity: string | null;
  period: string | null;
  /** The title and the text through the tokenizer's normalisation; null where that changes nothing. */
  normalizedTitle: string | null;
  normalizedText: string | null;
}

/** The fact-extraction parameters of a set of engine options (what a document's analysis depends on). */
export function factParamsOf(options: EngineOptions = {}): FactParams {
  return {
    segmentation: { ...DEFAULT_FACTS.segmentation, ...options.facts?.segmentation },
    maxSubjectChars: options.facts?.maxSubjectChars ?? DEFAULT_FACTS.maxSubjectChars,
  };
}

/** Reads one document: its facts, their terms and features, its entity and period (see DocumentAnalysis). */
export function analyzeDocument(doc: CorpusDocument, tokenizer: Tokenizer, options: EngineOptions = {}): DocumentAnalysis {
  const listHeadWindow = options.ranking?.listHeadWindow ?? DEFAULT_RANKING.listHeadWindow;
  // One document's texts are tagged again and again (a sentence for its places, then each of its facts, and
  // the pieces around each figure): each distinct text is tagged once per document.
  const tag = memoTagger(tokenizer.tag);
  const facts = extractFacts(doc, tag, factParamsOf(options));
  // A table row is searched and verified with its table's title and headers (facts/table-row.ts).
  const searchTexts = facts.map((f) => searchTextOf(f));
  const normalized = searchTexts.map((t) => tokenizer.normalize(t));
  const same = (a: string, b: string) => (a === b ? null : b);
  const title = tokenizer.normalize(doc.title);
  const text = tokenizer.normalize(doc.text);
  return {
    facts,
    normalized: facts.map((f, i) => same(f.text, normalized[i]!)),
    // (A fact is found by what the parts of its ratios measure too: 第二产业投资 in "三次产业投资占比…0.7:50.7:48.6".)
    terms: normalized.map((n, i) => {
      const own = tokenizer.terms(n, true);
      const parts = ratioPartMeasures(facts[i]!);
      return parts.length ? [...own, ...tokenizer.terms(tokenizer.normalize(parts.join(' ')), true)] : own;
    }),
    features: facts.map((f) => featuresOf(f, tag, listHeadWindow)),
    titleTerms: tokenizer.terms(doc.title),
    // (In the script questions are read in: 廣島市 is 广岛市.)
    entity: documentEntity(title, tag),
    period: documentPeriod(doc.title, doc.period, doc.date, doc.text),
    normalizedTitle: same(doc.title, title),
    normalizedText: same(doc.text, text),
  };
}

/** What an engine can be assembled from besides its documents: their analyses, and the search index's dump. */
export interface PreparedEngine {
  /** analyses[i] is analyzeDocument(documents[i]) with the same tokenizer and options. */
  analyses: readonly DocumentAnalysis[];
  /** FactIndex.dump() of an engine over exactly these analyses, imported instead of indexed again. */
  searchDump?: SearchDump;
  /** FactIndex.postings() of an engine over exactly these analyses, taken instead of counted again. */
  postings?: IndexPostings;
  /** The analyses' term lists already share one string per distinct term (a cache's term table). */
  termsInterned?: boolean;
}

export function createEngine(
  documents: readonly CorpusDocument[],
  tokenizer: Tokenizer,
  options: EngineOptions = {},
  prepared?: PreparedEngine,
): Engine {
  return assembleEngine(documents, tokenizer, options, prepared).engine;
}

/**
 * What an engine is assembled from, out of its documents' analyses: kept apart from assembleEngine so that the
 * analyses themselves (their term lists above all) are not held by the engine's closures once it is built.
 */
function engineParts(
  documents: readonly CorpusDocument[],
  tokenizer: Tokenizer,
  options: EngineOptions,
  prepared: PreparedEngine | undefined,
) {
  const analyses = prepared?.analyses ?? documents.map((d) => analyzeDocument(d, tokenizer, options));
  if (analyses.length !== documents.length) throw new Error('createEngine: one analysis per document expected');
  const facts: Fact[] = analyses.flatMap((a) => a.facts);
  const normalized: string[] = analyses.flatMap((a) => a.facts.map((f, i) => a.normalized[i] ?? f.text));
  const features: FactFeatures[] = analyses.flatMap((a) =>
    // Spelled out, not spread: each object a spread builds gets its own hidden class (40,000 of them on 1.7 M characters).
    a.features.map((f, i) => ({
      persons: f.persons,
      places: f.places,
      hasDate: f.hasDate,
      listTails: f.listTails,
      text: (a.normalized[i] ?? a.facts[i]!.text).toLowerCase(),
    })),
  );
  const index: FactIndex = buildFactIndex(
    facts,
    documents,
    tokenizer,
    normalized,
    { ...DEFAULT_INDEX, ...options.index },
    {
      terms: analyses.flatMap((a) => a.terms),
      titleTerms: analyses.map((a) => a.titleTerms),
      ...(prepared?.searchDump ? { dump: prepared.searchDump } : {}),
      ...(prepared?.postings ? { postings: prepared.postings } : {}),
      ...(prepared?.termsInterned ? { termsInterned: true } : {}),
    },
  );
  return {
    facts,
    normalized,
    features,
    index,
    docEntities: new Map(documents.map((d, i) => [d.id, analyses[i]!.entity])),
    docTitles: new Map(documents.map((d, i) => [d.id, (analyses[i]!.normalizedTitle ?? d.title).toLowerCase()])),
    docPeriods: new Map(documents.map((d, i) => [d.id, analyses[i]!.period])),
    corpusText: documents.map((d, i) => `${analyses[i]!.normalizedTitle ?? d.title}\n${analyses[i]!.normalizedText ?? d.text}`).join('\n'),
  };
}

/** createEngine, with FlexSearch's export of the engine's index for a cache to keep. */
export function assembleEngine(
  documents: readonly CorpusDocument[],
  tokenizer: Tokenizer,
  options: EngineOptions = {},
  prepared?: PreparedEngine,
): { engine: Engine; dumpSearch: () => SearchDump; postings: () => IndexPostings } {
  const params: RankingParams = { ...DEFAULT_RANKING, ...options.ranking };
  const questionParams: QuestionParams = { ...DEFAULT_QUESTION, ...options.question };
  const answering: AnswerParams = { ...DEFAULT_ANSWERING, ...options.answering };
  // The English glossary: the corpus's own, then its places' names in pinyin (made at the first English
  // question, when the pinyin tables load; a corpus nobody asks in English never pays for them).
  let englishGlossary: readonly Synonym[] | null = null;
  let corpusPlaces = (): ReadonlySet<string> => new Set<string>();
  const glossaryEn = (): readonly Synonym[] => (englishGlossary ??= [...(options.glossaryEn ?? []), ...placeGlossaryEn(corpusPlaces())]);
  // The general English dictionary, restricted to the corpus's words (also at the first English question).
  let englishDictionary: DictionaryEn | null = null;
  const vocabulary = {
    synonyms: options.synonyms ?? [],
    get glossaryEn() {
      return glossaryEn();
    },
    get dictionaryEn() {
      return (englishDictionary ??= corpusDictionaryEn((zh) => index.termPostings.has(zh)));
    },
    subjectsEn: options.subjectsEn ?? new Map<string, string>(),
  };
  const { facts, normalized, features, index, docEntities, docTitles, docPeriods, corpusText } = engineParts(
    documents,
    tokenizer,
    options,
    prepared,
  );
  const docById = new Map(documents.map((d) => [d.id, d]));
  const posById = new Map(facts.map((f, i) => [f.id, i]));

  const splitSentences = new Set(facts.filter((f) => f.clause > 1).map((f) => `${f.docId}:${f.paragraph}.${f.sentence}`));
  const citationOf = (fact: Fact): Citation => {
    const doc = docById.get(fact.docId)!;
    const page = pageOf(doc.pages, fact.start);
    return {
      ...(page === null ? {} : { page }),
      document: doc.id,
      title: doc.title,
      publisher: doc.publisher,
      section: fact.section,
      paragraph: fact.paragraph,
      sentence: fact.sentence,
      clause: splitSentences.has(`${fact.docId}:${fact.paragraph}.${fact.sentence}`) ? fact.clause : null,
      start: fact.start,
      end: fact.end,
    };
  };
  const hitOf = (r: Ranked, q: AnalyzedQuestion | null, c: QuestionConstraints | null = null): Hit => {
    const fact = facts[r.pos]!;
    return { fact, citation: citationOf(fact), keyFigure: chooseKeyFigure(fact, q, c), score: round(r.score), why: r.parts };
  };
  const topicList = buildTopics(documents, facts);
  const places = new Set(features.flatMap((f) => f.places));
  const questionContext: QuestionContext = {
    isDocumentPhrase: documentPhrases(facts),
    get glossaryEn() {
      return glossaryEn();
    },
    places,
  };
  const readQuestion = (question: string): QuestionFrame => readQuestion_(question, questionContext);
  const sentenceOpening = new Map<string, string>();
  facts.forEach((f, i) => {
    if (f.clause === 1)
      sentenceOpening.set(`${f.docId}:${f.paragraph}.${f.sentence}`, normalized[i]!.toLowerCase().split(/[，,]/)[0] ?? '');
  });
  const entitySet = new Set<string | null>(docEntities.values());
  const reporting = reportingDocuments(facts);
  corpusPlaces = () => new Set([...places, ...[...docEntities.values()].filter((e): e is string => e !== null)]);
  const verifyContext: VerifyContext = {
    tokenizer,
    get glossaryEn() {
      return glossaryEn();
    },
    get dictionaryEn() {
      return vocabulary.dictionaryEn;
    },
    inCorpus: (text) => text.length >= 2 && corpusText.includes(text),
    documentEntity: (docId) => docEntities.get(docId) ?? null,
    documentPeriod: (docId) => docPeriods.get(docId) ?? null,
    reportsFigures: (docId) => reporting.has(docId),
    documentTitle: (docId) => docTitles.get(docId) ?? '',
    inTitles: (text) => [...docTitles.values()].some((t) => t.includes(text)),
    isDocumentEntity: (name) => entitySet.has(name),
    documentEntities: [...new Set([...docEntities.values()].filter((e): e is string => e !== null))],
    places: questionContext.places ?? new Set(),
    clauseOf: (fact) => normalized[posById.get(fact.id) ?? -1]?.toLowerCase() ?? fact.text,
    sentenceOpening: (fact) => sentenceOpening.get(`${fact.docId}:${fact.paragraph}.${fact.sentence}`) ?? '',
  };

  /** Facts with figures near a fact: same paragraph first, then its section, then (unless `sectionOnly`) the document. */
  const positionsByDoc = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const list = positionsByDoc.get(f.docId);
    if (list) list.push(i);
    else positionsByDoc.set(f.docId, [i]);
  });
  const neighboursOf = (pos: number, limit: number, sectionOnly: boolean): number[] => {
    const fact = facts[pos]!;
    // Only the fact's own document's facts can be its neighbours: a corpus of thousands of documents is not walked.
    return (positionsByDoc.get(fact.docId) ?? [])
      .map((i) => ({ f: facts[i]!, i }))
      .filter(({ f, i }) => i !== pos && f.docId === fact.docId && (!sectionOnly || f.section === fact.section))
      .filter(({ f }) => f.figures.some((g) => g.kind !== 'date'))
      .map(({ f, i }) => ({
        i,
        d:
          Math.abs(i - pos) +
          (f.paragraph === fact.paragraph ? 0 : answering.otherParagraphDistance) +
          (f.section === fact.section ? 0 : answering.otherSectionDistance),
      }))
      .sort((a, b) => a.d - b.d)
      .slice(0, limit)
      .map(({ i }) => i);
  };

  /**
   * The answer among the best-ranked facts: the first that is confident and, when a figure or a date is
   * asked, whose key figure holds to everything the question names (answer/verify.ts). Questions that ask for
   * no figure are answered by the best fact alone, as confidence decides.
   */
  const chooseVerified = (
    constraints: QuestionConstraints,
    q: AnalyzedQuestion,
    ranked: readonly Ranked[],
  ): ({ kind: 'chosen'; r: Ranked } | { kind: 'failed'; r: Ranked; verdict: Verdict } | { kind: 'none' }) & {
    checked: CheckedCandidate[];
  } => {
    const best = ranked[0]!;
    const checked: CheckedCandidate[] = [];
    // A figure or a date asked — or a growth rate, share or multiple, however the question words it.
    // ("以哪一种产业的比例最低" names a rate but asks for a thing: a name answers it.)
    const verifies =
      isNumericAsk(q.asked) || q.asked === 'date' || (q.asked === null && constraints.role !== null && !asksForThing(q.text));
    if (!verifies)
      return confident(best, facts[best.pos]!, q, params, answering, namesEvent)
        ? { kind: 'chosen', r: best, checked }
        : { kind: 'none', checked };
    let failure: { r: Ranked; verdict: Verdict } | null = null;
    let loose: Ranked | null = null;
    let narrower: Ranked | null = null;
    /** The figure's measure bounded by a size the question does not name (500万元以上, in its clause or its table's title). */
    const bounded = (fact: Fact, key: Figure | null): boolean => {
      if (!key || !measuresItsFigures(fact.docId, verifyContext)) return false;
      const text = `${fact.row ? `${fact.section ?? ''} ` : ''}${fact.text}`;
      const sizes = text.match(SIZE_BOUND) ?? [];
      return sizes.length > 0 && !sizes.some((b) => constraints.text.includes(b.replace(/以上$/, '')));
    };
    // A measure the question writes out (规模以上工业增加值 in 全州规模以上工业增加值是多少), or names as one word.
    const namesExactly = (key: Figure | null) =>
      key?.measure != null &&
      ((key.measure.length >= 2 && constraints.text.includes(key.measure)) ||
        constraints.words.some((g) => g.includes(key.measure!)) ||
        constraints.exactMeasures.includes(key.measure));
    const namesInexactly = (key: Figure | null) => key?.measure != null && !namesExactly(key);
    // A table row that verifies, kept while a sentence stating the same figure is looked for: a bulletin's
    // tables repeat its text, and the sentence (with its unit and its context) is the better citation.
    let row: { r: Ranked; value: number } | null = null;
    for (const r of ranked.slice(0, answering.verifyCandidates)) {
      const fact = facts[r.pos]!;
      if (!confident(r, fact, q, params, answering, namesEvent)) continue;
      const key = chooseKeyFigure(fact, q, constraints);
      const verdict = verify(constraints, fact, key, verifyContext, q.asked);
      checked.push({
        fact: fact.id,
        keyFigure: key?.raw ?? null,
        ok: verdict.ok,
        ...(verdict.reason ? { reason: verdict.reason } : {}),
        ...(verdict.asked ? { missing: verdict.asked } : {}),
      });
      // "500万元以上固定资产投资" is the investment of projects above a size, which a question that names no size does
      // not ask: kept, in case no figure of the whole is found.
      if (verdict.ok && bounded(fact, key)) {
        narrower ??= r;
        continue;
      }
      if (verdict.ok && row === null && fact.row && key) {
        row = { r, value: key.value };
        continue;
      }
      if (verdict.ok && row !== null && !(key && !fact.row && sameValue(key.value, row.value))) continue;
      // A figure whose measure is a word the question names outranks one whose measure only contains it (出口 over
      // 货物进出口总值 for 出口是多少): kept while the rest are checked.
      // (Only where figures name their measures: an encyclopedia's wording is its own.)
      if (verdict.ok && loose === null && namesInexactly(key) && measuresItsFigures(fact.docId, verifyContext)) {
        loose = r;
        continue;
      }
      // (A table row's label is its measure: a row does not take the place of a sentence this way.)
      if (verdict.ok && (loose === null || (namesExactly(key) && !fact.row))) return { kind: 'chosen', r, checked };
      if (!verdict.ok) failure ??= { r, verdict };
    }
    if (loose) return { kind: 'chosen', r: loose, checked };
    if (row) return { kind: 'chosen', r: row.r, checked };
    if (narrower) return { kind: 'chosen', r: narrower, checked };
    return failure ? { kind: 'failed', ...failure, checked } : { kind: 'none', checked };
  };

  /** The fact's date is the date of a verb of its own ("2019年6月出台的《…纲要》"), not of what the question names. */
  const dateOfAnotherEvent = (pos: number, q: AnalyzedQuestion): boolean => {
    const fact = facts[pos]!;
    const key = chooseKeyFigure(fact, q);
    if (!key || key.kind !== 'date') return false;
    // (Character by character: see toSimplifiedCharactersCached.)
    const next = tokenizer.tag(toSimplifiedCharacters(fact.text.slice(key.end, key.end + 6)))[0];
    return next !== undefined && next.tag.startsWith('v') && !LIGHT_EVENT_VERBS.has(next.word);
  };
  /**
   * Whether a fact names the event a date question asks about: the question's verb, or a verb of the fact glossed
   * alike (建造 for 修建, 举行 for 举办: encyclopedias rarely repeat the asker's verb), or the thing it happened to.
   */
  const namesEvent = (r: Ranked, q: AnalyzedQuestion): boolean => {
    const { matched } = r.parts;
    if (q.verbs.some((v) => matched.includes(v))) return true;
    // The thing the event happened to, named in full ("第56届联合国大会" for 联合国大会于何时举办第56届): its verb is
    // the event's own (举办, 召开, 爆发), which the sentence need not repeat.
    const named = q.words.filter((w) => w.required && !q.verbs.includes(w.word) && !/^\d+$/.test(w.word));
    const held = named.filter((w) => matched.includes(w.word) || (w.parts.length > 0 && w.parts.every((p) => matched.includes(p))));
    if (
      named.length >= 2 &&
      held.length >= named.length * answering.eventlessCoverage &&
      // (One name and a verb that does something to it — 中途公园…拆除 — is not met by another date of that name.)
      (q.verbs.every((v) => OCCURRENCE_VERBS.has(v)) ||
        phrasesOf(
          q.text,
          named.map((w) => w.word),
        ) >= 2) &&
      !dateOfAnotherEvent(r.pos, q)
    )
      return true;
    return tokenizer
      .tag(normalized[r.pos]!)
      .some((w) => w.tag.startsWith('v') && w.word.length >= 2 && q.verbs.some((v) => sharesSense(v, w.word)));
  };

  const engine: Engine = {
    documents,
    facts,
    vocabulary,
    factById: (id) => {
      const pos = posById.get(id);
      return pos === undefined ? undefined : facts[pos];
    },
    topics: () => topicList,
    questionContext,
    readQuestion,
    ask(asked: string | QuestionFrame, opts: AskOptions = {}): Answer {
      const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? answering.defaultLimit)), answering.maxLimit);
      const question = typeof asked === 'string' ? asked : typeof asked?.original === 'string' ? asked.original : String(asked ?? '');
      if (typeof asked !== 'object' && typeof asked !== 'string') return { kind: 'invalid', question, reason: 'empty' };
      if (!question.trim()) return { kind: 'invalid', question, reason: 'empty' };
      if (question.length > answering.maxQuestionChars) return { kind: 'invalid', question, reason: 'too-long' };
      const frame = typeof asked === 'string' ? readQuestion(asked) : asked;
      const q = analyzeQuestion(frame, tokenizer, vocabulary, questionParams);
      if (q.terms.length === 0) return { kind: 'invalid', question, reason: 'no-words' };
      const first = answerFor(frame, q, question, limit, opts);
      // Not stated in the question's own words: once more with the words the corpus never uses read through the
      // dictionary's senses (营收 → 收入), which only a question that found nothing pays for.
      if (first.kind !== 'not-found' || (opts.abstain ?? true) === false) return first;
      const paraphrases = paraphrasesIn(frame, vocabulary);
      if (paraphrases.length === 0) return first;
      const paraphrased = analyzeQuestion(frame, tokenizer, vocabulary, questionParams, paraphrases);
      const second = answerFor(frame, paraphrased, question, limit, opts);
      return second.kind === 'found' ? second : first;
    },
    related(factId: string, limit = 3): Hit[] {
      const pos = posById.get(factId);
      if (pos === undefined) return [];
      return neighboursOf(pos, limit, false).map((i) => hitOf(unranked(i), null));
    },
  };

  /** The answer to an analysed question: ranking, confidence and verification. */
  function answerFor(frame: QuestionFrame, q: AnalyzedQuestion, question: string, limit: number, opts: AskOptions): Answer {
    const ranked = rankFacts(q, facts, features, index, params);
    const best = ranked[0];
    const abstain = opts.abstain ?? true;
    const notFound: Answer = {
      kind: 'not-found',
      question,
      asked: q.asked,
      suggestions: topicList.slice(0, 3).map((t) => t.sampleQuestion),
    };
    if (!best) return notFound;
    // Retrieval (no abstention) is scored on the plain ranking.
    if (!abstain) return { kind: 'found', question, asked: q.asked, hits: ranked.slice(0, limit).map((r) => hitOf(r, q)) };
    const constraints = constraintsOf(frame, q, verifyContext);
    const chosenOrFailure = chooseVerified(constraints, q, ranked);
    const { checked } = chosenOrFailure;
    if (chosenOrFailure.kind === 'none') return { ...notFound, ...(checked.length ? { checked } : {}) };
    if (chosenOrFailure.kind === 'failed') {
      const { r, verdict } = chosenOrFailure;
      return {
        ...notFound,
        reason: verdict.reason ?? 'none',
        ...(verdict.asked ? { missing: verdict.asked } : {}),
        // What the document does give is worth showing when it is the measure asked for another time,
        // place or breadth — never when it measures something else.
        ...(verdict.reason === 'period' || verdict.reason === 'entity' || verdict.reason === 'scope'
          ? { closest: hitOf(r, q, constraints) }
          : {}),
        checked,
      };
    }
    const answer = chosenOrFailure.r;
    // Related facts: other good matches for the question (they must stand on their own, not only
    // share the document's subject), then the answer's neighbours with figures.
    const alsoMatching = ranked.filter(
      (r) =>
        r !== answer &&
        r.score >= answer.score * params.relatedShare &&
        r.focus > 0 &&
        r.coverage >= answer.coverage * answering.relatedCoverage,
    );
    const chosen = [answer, ...alsoMatching].slice(0, limit);
    const neighbours = neighboursOf(answer.pos, limit, true).filter((i) => !chosen.some((r) => r.pos === i));
    const hits = [
      ...chosen.map((r) => hitOf(r, q, constraints)),
      ...neighbours.slice(0, limit - chosen.length).map((i) => hitOf(unranked(i), q, constraints)),
    ];
    return { kind: 'found', question, asked: q.asked, hits, ...(checked.length ? { checked } : {}) };
  }
  return { engine, dumpSearch: () => index.dump(), postings: () => index.postings() };
}

/**
 * Verbs that say only that an event took place, or a work came out: of a meeting, a war, a book, they add nothing
 * the thing's own name does not say ("1815年的维也纳会议" answers 维也纳会议于何年召开). Pulling a park down does.
 */
const OCCURRENCE_VERBS: ReadonlySet<string> = new Set(
  (
    '召开 举办 举行 开幕 闭幕 爆发 开打 打响 开战 发生 发动 发起 展开 开展 进行 推出 出版 发行 发表 发布 公布 颁布 上映 首映 ' +
    '播出 首播 开播 问世 面世 诞生 签订 签署 缔结 通过 成立 创立 创建 建立 设立 组建 开始 结束 完工 落成 竣工 开通 通车'
  ).split(' '),
);

/** How many separate phrases of a text the words stand in (words next to each other, or joined by 的/之, make one). */
function phrasesOf(text: string, words: readonly string[]): number {
  const spans = words
    .map((w) => {
      const start = text.indexOf(w);
      return { start, end: start + w.length };
    })
    .filter((span) => span.start >= 0)
    .sort((a, b) => a.start - b.start);
  let phrases = 0;
  let end = -2;
  for (const span of spans) {
    const joined = span.start <= end || (span.start === end + 1 && /[之的]/.test(text[end] ?? ''));
    if (!joined) phrases++;
    end = Math.max(end, span.end);
  }
  return phrases;
}

/** Verbs after a date that name no event of their own ("1990年是…", "2001年起"). */
const LIGHT_EVENT_VERBS: ReadonlySet<string> = new Set(['是', '为', '有', '起', '至', '到', '开始', '以来', '前后', '左右']);

/** A size bound of a statistic's scope: 500万元以上, 5000万元及以上 (规模以上 is a named scope, asked as such). */
const SIZE_BOUND = /[0-9.]+[万亿千百]?元(?:及)?以上/g;

/** The 1-based page an offset stands on, when the document has pages. */
function pageOf(pages: readonly number[] | null | undefined, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Whether the best fact answers the question well enough to be given as the answer. */
function confident(
  best: Ranked,
  fact: Fact,
  q: AnalyzedQuestion,
  params: RankingParams,
  answering: AnswerParams,
  namesEvent: (r: Ranked, q: AnalyzedQuestion) => boolean,
): boolean {
  // A fact that shares only numbers with the question ("5") is not about it.
  if (!best.parts.matched.some((t) => !/^[\d.]+$/.test(t))) return false;
  const asksFigure = isNumericAsk(q.asked) || q.asked === 'date';
  if (asksFigure && !best.answersKind) return false;
  // "哪一年成为…" is about an event: a date in a fact that does not name the event (see namesEvent) is no answer.
  if (q.asked === 'date' && q.verbs.length > 0 && !namesEvent(best, q)) return false;
  // The stricter bar where a wrong answer would mislead most: a figure or a date is asked for, or a
  // person or place is asked for and the fact names none.
  const namesNone = (q.asked === 'person' || q.asked === 'place') && best.parts.kind <= 0;
  const strict = asksFigure || namesNone;
  if (best.coverage < (strict ? params.minCoverageFigure : params.minCoverage)) return false;
  // "浑南区的失业率是多少？": every fact is about 浑南区; one that has none of the other words is no answer.
  if (best.focus === 0) return false;
  // "浑南区有多少座机场？" over "…三条城际铁路…航空港…": the figure must be about what is asked.
  if (isNumericAsk(q.asked)) {
    const key = chooseKeyFigure(fact, q);
    if (key && overlap(aboutText(fact, key), askedText(q)) < answering.minAboutOverlap) return false;
  }
  return true;
}

/** A fact given as related rather than ranked: it carries no score. */
function unranked(pos: number): Ranked {
  return { pos, score: 0, coverage: 0, focus: 0, answersKind: true, parts: EMPTY_PARTS };
}

const EMPTY_PARTS: ScoreParts = { terms: 0, document: 0, kind: 0, time: 0, coverage: 0, focus: 0, matched: [] };

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Time words beyond dates: seasons, months, eras, reigns and their years ("盛花期为夏季", "2至4月", "唐末", "至元三十年",
 * "七月初四", "白垩纪中期", "清宣宗时代", "一战前夕").
 */
const TEMPORAL =
  /\d+年|[元正一二三四五六七八九十]+年(?![级度])|[正一二三四五六七八九十]+月|初[一二三四五六七八九十]|(?:白垩|侏罗|三叠|二叠|石炭|泥盆|志留|奥陶|寒武|第三|第四)纪|时代|前夕|近年|民国|公元|\d+岁|[一二三四五六七八九十]+岁|\d{1,2}月|[春夏秋冬]季|[春夏秋冬]天|世纪|年代|年间|时期|朝|代[初末中]|[唐宋元明清汉晋隋]末|[唐宋元明清汉晋隋]初|期间|之后|以后|之前|以前|早期|晚期|年底|年初|[0-9０-９]{4}/;

/** The same figure in a table row and a sentence: 866.60 (万人) and 866.60万人, 9977599 (万元) and 997.76亿元. */
function sameValue(a: number, b: number): boolean {
  if (a === 0 || b === 0) return a === b;
  const ratio = Math.abs(a / b);
  // A row's cell and the sentence may be in units apart (吨/万吨, 万元/亿元, 千克/吨), the sentence rounded.
  const exponent = Math.abs(Math.round(Math.log10(ratio)));
  return (
    [0, 3, 4, 8].includes(exponent) && Math.abs(ratio / 10 ** Math.round(Math.log10(ratio)) - 1) < 5e-4 && Math.sign(a) === Math.sign(b)
  );
}

/**
 * The documents that report figures in tables (a company's annual report, a statistical table): verified for
 * measure and breakdown as a place's documents are. (Counting figures instead — a document whose facts mostly
 * state one — also took in 9% of CMRC's Wikipedia passages, and refused three of their right answers.)
 */
function reportingDocuments(facts: readonly Fact[]): Set<string> {
  return new Set(facts.filter((f) => f.row).map((f) => f.docId));
}

/** A tagger that tags each distinct text once (callers get their own copy of the words: some trim them). */
function memoTagger(tag: Tokenizer['tag']): Tokenizer['tag'] {
  const memo = new Map<string, ReturnType<Tokenizer['tag']>>();
  return (text) => {
    let words = memo.get(text);
    if (words === undefined) {
      words = tag(text);
      memo.set(text, words);
    }
    return words.slice();
  };
}

/** What the ranker knows of a fact, read from its text in Simplified characters (a Traditional 世紀 is 世纪). */
function featuresOf(fact: Fact, tag: Tokenizer['tag'], listHeadWindow: number): Omit<FactFeatures, 'text'> {
  // (Character by character, so a Simplified fact is its own text: tagged once, from the tagger's memo.)
  const simplified = toSimplifiedCharacters(fact.text);
  const tagged = tag(simplified);
  return {
    persons: tagged.filter((w) => w.tag === 'nr' || w.tag === 'nrt').map((w) => w.word),
    places: tagged.filter((w) => w.tag === 'ns').map((w) => w.word),
    hasDate: fact.figures.some((f) => f.kind === 'date') || findTimeMentions(simplified).length > 0 || TEMPORAL.test(simplified),
    listTails: enumerationTails(fact.text, listHeadWindow),
  };
}

/** The figure that best answers the question: of the asked kind, about what the question names. */
export function chooseKeyFigure(fact: Fact, q: AnalyzedQuestion | null, c: QuestionConstraints | null = null): Figure | null {
  const measures = fact.figures.filter((f) => f.kind !== 'date' && f.kind !== 'label');
  if (!q) return measures[0] ?? fact.figures[0] ?? null;
  if (q.asked === 'date') return fact.figures.find((f) => f.kind === 'date') ?? null;
  // Where, who, which ones, what is: the sentence is the answer; a figure headline would mislead.
  if (q.asked === 'place' || q.asked === 'person' || q.asked === 'list' || q.asked === 'definition' || q.asked === 'yesno') return null;
  const kinds = q.asked ? ANSWERING_FIGURE_KINDS[q.asked] : null;
  // A part of a ratio (50.7 of 0.7:50.7:48.6) stands for it only when the question names the part better than the
  // whole: 第二产业投资占比 asks for 50.7, 三次产业投资占比 for the ratio.
  const enclosing = (f: Figure) => enclosingRatio(fact.figures, f);
  const askedAs = q.language === 'en' ? askedText(q) : q.text;
  const named = (m: string | null) => (m ? overlap(toSimplifiedCharactersCached(m), askedAs) / m.length : 0);
  const pool = [
    ...new Set(
      (kinds ? measures.filter((f) => kinds.includes(f.kind)) : measures).map((f) => {
        const ratio = enclosing(f);
        return ratio && named(ratio.measure) >= named(f.measure) ? ratio : f;
      }),
    ),
  ];
  if (pool.length === 0) return measures[0] ?? null;
  // (去年同期 asks for the value before: "由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6".)
  const asksBefore = /原来|原先|以前|之前|改革前|before|used to|originally/i.test(q.text) || c?.relativeYear === -1;
  const role = askedRole(q.text);
  const roleFit = (f: Figure) =>
    f.role === 'threshold'
      ? -6
      : role === 'growth'
        ? f.role === 'growth'
          ? 3
          : f.role === 'change' || f.role === 'points'
            ? 2
            : 0
        : role === 'share'
          ? f.role === 'share'
            ? 3
            : 0
          : f.role === 'level'
            ? 1
            : 0;
  // What the figure measures against the question's own words first, its search terms (synonyms, English
  // mapped to Chinese) at half; the words around the figure break ties ("新企业开办实现“一个工作日办结”").
  const terms = q.terms.map((t) => t.term).join('');
  // A figure whose own period is stated (a table's 2018年 or 第四季度 column) must be the time the question names.
  // (去年, 今年, 同期 are years relative to the document's, which verification resolves.)
  const askedTimes = [...q.times, ...(q.text.match(/第[一二三四]季度|[上下]半年|年末|年底/g) ?? [])].filter(
    (t) => !/^(?:去年|今年|上年|本年|同期)$/.test(t),
  );
  const periodFit = (f: Figure) =>
    f.periodInherited || !f.period || askedTimes.length === 0 ? 0 : askedTimes.every((t) => f.period!.includes(t)) ? 3 : -3;
  // A question that names no year means the latest value a fact gives (0.7:50.7:48.6, not 去年同期的1.1:50.3:48.6);
  // one that asks for the value before means the earlier.
  const yearOf = (f: Figure) => Number(/(?:19|20)\d{2}/.exec(f.period ?? '')?.[0] ?? NaN);
  const latestYear = Math.max(...pool.map(yearOf).filter((y) => !Number.isNaN(y)));
  const namesYear = (c?.years.length ?? 0) > 0;
  const latestFit = (f: Figure) => (namesYear || !(yearOf(f) < latestYear) ? 0 : asksBefore ? 3 : -3);
  // A part of a ratio stands where its ratio does.
  const startOf = (f: Figure) => enclosing(f)?.start ?? f.start;
  // The question's places say where, not what: every figure of a document about 蘇利南 is about it (其中1個為市區
  // answers 蘇利南的市區有幾個, not 蘇利南全國共被劃分為10個區).
  const what = (c?.places ?? []).reduce((text, p) => text.split(p.place).join(' '), q.text);
  const scoreOf = (f: Figure) =>
    periodFit(f) +
    latestFit(f) +
    (q.language === 'en'
      ? overlap(aboutText(fact, f), askedText(q))
      : overlap(aboutText(fact, f), what) + 0.5 * overlap(aboutText(fact, f), terms)) +
    0.1 * overlap(piece(fact.text, f), q.text) +
    (f.time && q.times.some((t) => f.time!.includes(t)) ? 2 : 0) +
    (kinds && kinds[0] === f.kind ? 2 : 0) +
    changeRole(fact.text.slice(Math.max(0, startOf(f) - 8), startOf(f))) * (asksBefore ? -1 : 1) +
    (f.unit.length >= 2 && q.text.includes(f.unit) ? 2 : 0) +
    roleFit(f) +
    // "有几个" counts in 个, "公园中郊野公园" asks for the part.
    (c?.classifier && f.unit.endsWith(c.classifier) ? 3 : 0) +
    (c?.subGroup && (f.measure ?? '').includes(c.subGroup) ? 4 : 0);
  // (Each figure scored once: the first of the best wins.)
  const scores = pool.map(scoreOf);
  return pool[scores.indexOf(Math.max(...scores))]!;
}

/**
 * "由原来的3个工作日压缩至3个小时": the figure after 至/到 is the value now, the one after 原来的/由
 * the value before. A question about the figure means the value now unless it says 原来.
 */
function changeRole(before: string): number {
  if (/(压缩|缩短|降低|降|减少|提高|提升|增加|增长|增|扩大|达)(至|到)$|(调整|转变|变化|上调|下调)[为至到]$|[至到]$/.test(before)) return 1;
  if (/(原来的?|原先的?|原|由|从)(?:去年同期|上年同期|去年|上年)?的?$/.test(before)) return -1;
  return 0;
}

/** What a figure is about: its subject, or when that could not be told, its comma clause ("其中实地走访1125次"). */
function aboutText(fact: Fact, f: Figure): string {
  // (In the script questions are read in: a Traditional document's 市區 is the question's 市区.)
  if (f.measure) return toSimplifiedCharactersCached(f.measure);
  if (f.subject) return toSimplifiedCharactersCached(f.subject);
  const before =
    fact.text
      .slice(0, f.start)
      .split(/[，,；;：:。]/)
      .pop() ?? '';
  const after = fact.text.slice(f.end).split(/[，,；;：:。]/)[0] ?? '';
  return toSimplifiedCharactersCached(before + after);
}

/** The figure's comma piece, without the figure itself. */
function piece(text: string, f: Figure): string {
  const { before, after } = pieceAround(text, f);
  return toSimplifiedCharactersCached(before + after);
}

/** What the question names, in the documents' words: its text and its search terms (English mapped to Chinese). */
function askedText(q: AnalyzedQuestion): string {
  return q.text + q.terms.map((t) => t.term).join('');
}

/** Characters of `a` that appear in `b`: a cheap "is this figure about what was asked". */
function overlap(a: string, b: string): number {
  let n = 0;
  for (const ch of a) if (b.includes(ch)) n++;
  return n;
}

/** Each section of each document, with a sample question built from one of its figures. */
function buildTopics(documents: readonly CorpusDocument[], facts: readonly Fact[]): Topic[] {
  const topics: Topic[] = [];
  // Each document's facts by section, in order of first appearance (grouped once: a corpus has thousands of documents).
  const bySection = new Map<string, Map<string | null, Fact[]>>();
  for (const f of facts) {
    let sections = bySection.get(f.docId);
    if (!sections) bySection.set(f.docId, (sections = new Map()));
    const list = sections.get(f.section);
    if (list) list.push(f);
    else sections.set(f.section, [f]);
  }
  for (const doc of documents) {
    for (const [section, inSection] of bySection.get(doc.id) ?? []) {
      const best = inSection
        .flatMap((f) => f.figures.filter((g) => g.subject && g.kind !== 'date' && g.kind !== 'label' && g.subject.length <= 10))
        .reduce<Figure | null>((a, g) => (a === null || sampleWorth(g) > sampleWorth(a) ? g : a), null);
      const sample = best && sampleQuestion(best);
      if (sample) topics.push({ document: doc.id, section: section ?? '概况', sampleQuestion: sample });
    }
  }
  return topics;
}

/** How good a figure is as a sample question: a specific subject measured in plain units. */
function sampleWorth(f: Figure): number {
  return (
    (f.subject!.length >= 4 ? 2 : 0) +
    (['户', '家', '人', '个', '平方公里', '元'].includes(f.unit) ? 1 : 0) -
    (['大', '位数', '次'].includes(f.unit) ? 5 : 0) -
    (/^[0-9]/.test(f.raw) ? 0 : 3) // 百亿元以上: a Chinese-numeral threshold, not a figure to ask for
  );
}

function sampleQuestion(f: Figure): string {
  const s = f.subject!;
  switch (f.kind) {
    case 'people':
      return `${s}有多少人？`;
    case 'area':
      return `${s}有多大？`;
    case 'money':
      return `${s}是多少？`;
    case 'percent':
      return `${s}占比多少？`;
    case 'duration':
      return `${s}需要多长时间？`;
    case 'count':
      return f.unit && f.unit.length === 1 && f.unit !== '大' ? `${s}有多少${f.unit}？` : `${s}有多少？`;
    default:
      return `${s}是多少？`;
  }
}
