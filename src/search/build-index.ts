/**
 * The fact index: a FlexSearch Document index over the fact texts, with our Chinese tokenizer
 * plugged in as its encoder, plus the term statistics the ranker needs (BM25 per document and
 * across the corpus).
 */
import { Document, Encoder } from 'flexsearch';
import type { Fact } from '../facts/index.js';
import type { Tokenizer } from '../text/index.js';
import { bigramsOf } from '../text/index.js';
import { DEFAULT_INDEX, type IndexParams } from './defaults.js';

/** How many units hold a term: a Map, or a view computed from the postings (see bigramStatsIn). */
export interface DfLookup {
  get(term: string): number | undefined;
  has(term: string): boolean;
}

export interface TermStats {
  /** How many units (facts, or documents) contain each term. */
  df: DfLookup;
  /** How many units there are. */
  count: number;
  /** Mean length in terms. */
  avgLength: number;
}

/** The terms of one fact (or one document), looked up as a bag: whether it holds a term, and how often. */
export interface TermBag {
  has(term: string): boolean;
  get(term: string): number | undefined;
}

/**
 * A fact's terms as a bag, over the fact's own term list (a fact is a sentence: a few dozen terms, where a scan
 * is as quick as a hash lookup), rather than a Map per fact: 40,000 facts' Maps were a third of an engine's heap.
 */
class TermList implements TermBag {
  constructor(private readonly terms: readonly string[]) {}

  has(term: string): boolean {
    return this.terms.includes(term);
  }

  get(term: string): number | undefined {
    let n = 0;
    for (const t of this.terms) if (t === term) n++;
    return n === 0 ? undefined : n;
  }
}

export interface IndexedFact {
  /** The fact's terms, with their frequencies. */
  tf: TermBag;
  length: number;
  /** Index of the fact's document in `documents`. */
  doc: number;
}

export interface FactIndex {
  /** Fact positions (into the facts array) that FlexSearch finds for these terms, best first. */
  candidates(terms: readonly string[], limit: number): number[];
  facts: IndexedFact[];
  /** FlexSearch's export of its index (see SearchDump). */
  dump(): SearchDump;
  /** The term and bigram postings as plain arrays (see IndexPostings), for a cache to keep. */
  postings(): IndexPostings;
  /** Statistics over all facts. */
  global: TermStats;
  /** Statistics over the facts of each document (by document position). */
  perDocument: TermStats[];
  /** Bigram statistics over the facts of each document. */
  perDocumentBigrams: TermStats[];
  /** Each document as one bag of terms, for telling which document a question is about. */
  documents: { tf: TermBag; length: number }[];
  documentStats: TermStats;
  /**
   * Each document's topic terms: those of its title, which names what the document is about
   * ("纽西兰鸡毛松"); its sentences refer back to it with 它/其 rather than by name.
   */
  topics: Set<string>[];
  /**
   * Each document's subjects: its title's words and the words in a large share of its facts. A
   * question's other words say what it asks about them ("浑南区的失业率" asks for 失业率).
   */
  subjects: Set<string>[];
  /** Fact positions of each document, in order. */
  factsOfDocument: number[][];
  /** The facts holding each term, in fact order, flat: [position, frequency, position, frequency, …]. */
  termPostings: PostingTable;
  /**
   * The facts holding each character bigram (Han characters, letters, digits), in fact order: a backstop
   * where a question and a fact split a name into different words.
   */
  bigramPostings: PostingTable;
}

/** A PostingTable as plain data: its keys in id order, each key's slice of `data` between `offsets[id]` and `offsets[id + 1]`. */
export interface PostingParts {
  keys: string[];
  offsets: Uint32Array;
  data: Uint32Array;
}

/** Both posting tables of an index as plain data (FactIndex.postings), given back through PreparedIndex.postings. */
export interface IndexPostings {
  terms: PostingParts;
  bigrams: PostingParts;
}

/**
 * Postings of many keys in one typed array (key → its slice), instead of a growing array per key: a corpus of a
 * million characters has hundreds of thousands of distinct bigrams, most held by a few facts.
 */
export class PostingTable {
  constructor(
    private readonly ids: Map<string, number>,
    private readonly offsets: Uint32Array,
    private readonly data: Uint32Array,
  ) {}

  static fromParts(parts: PostingParts): PostingTable {
    const ids = new Map<string, number>();
    parts.keys.forEach((key, id) => ids.set(key, id));
    return new PostingTable(ids, parts.offsets, parts.data);
  }

  parts(): PostingParts {
    return { keys: [...this.ids.keys()], offsets: this.offsets, data: this.data };
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  get(key: string): Uint32Array | undefined {
    const id = this.ids.get(key);
    return id === undefined ? undefined : this.data.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }

  get size(): number {
    return this.ids.size;
  }

  /** The flat data of every list, one after the other. */
  get flat(): Uint32Array {
    return this.data;
  }

  *[Symbol.iterator](): IterableIterator<[string, Uint32Array]> {
    for (const [key, id] of this.ids) yield [key, this.data.subarray(this.offsets[id]!, this.offsets[id + 1]!)];
  }
}

/** Keys numbered in the order first met: the ids a PostingTable is built over. */
class KeyIds {
  readonly ids = new Map<string, number>();

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * A PostingTable over each unit's key ids, in unit order: [position, frequency] pairs when `withFrequency` (a unit
 * may hold a key more than once), else positions (each unit's ids distinct). Typed arrays only, no lookup by key.
 */
function postingTableOf(keys: KeyIds, units: readonly Uint32Array[], withFrequency: boolean): PostingTable {
  const n = keys.ids.size;
  const counts = new Uint32Array(n);
  const last = new Int32Array(n).fill(-1);
  const stride = withFrequency ? 2 : 1;
  units.forEach((ids, pos) => {
    for (const id of ids)
      if (last[id] !== pos) {
        last[id] = pos;
        counts[id]! += stride;
      }
  });
  const offsets = new Uint32Array(n + 1);
  for (let id = 0; id < n; id++) offsets[id + 1] = offsets[id]! + counts[id]!;
  const data = new Uint32Array(offsets[n]!);
  const cursor = offsets.slice(0, n);
  last.fill(-1);
  units.forEach((ids, pos) => {
    for (const id of ids) {
      if (last[id] === pos) {
        data[cursor[id]! - 1]!++;
        continue;
      }
      last[id] = pos;
      data[cursor[id]!++] = pos;
      if (withFrequency) data[cursor[id]!++] = 1;
    }
  });
  return new PostingTable(keys.ids, offsets, data);
}

/** The first index in [0, n) of a sorted list read with `stride` (positions at 0, stride, 2·stride…) whose position is ≥ x. */
function lowerBound(list: Uint32Array, x: number, stride: number): number {
  let a = 0;
  let b = list.length / stride;
  while (a < b) {
    const m = (a + b) >> 1;
    if (list[m * stride]! < x) a = m + 1;
    else b = m;
  }
  return a;
}

/**
 * A run of fact positions (one document's facts), read from the shared postings rather than kept as a table per
 * document: how many of its facts hold a key, and (for term postings) how often in all. A document whose facts
 * are not one run of positions (buildFactIndex over facts not grouped by document) is counted by a scan.
 */
class Run {
  private readonly first: number;
  private readonly last: number;
  /** The positions, when they are not one run (null when they are). */
  private readonly members: ReadonlySet<number> | null;

  constructor(positions: readonly number[]) {
    this.first = positions[0] ?? 0;
    this.last = positions[positions.length - 1] ?? -1;
    const contiguous = positions.length === 0 || this.last - this.first === positions.length - 1;
    this.members = contiguous ? null : new Set(positions);
  }

  /** [from, to) of the list's entries whose position lies in the run (contiguous runs only). */
  private span(list: Uint32Array, stride: number): [number, number] {
    return [lowerBound(list, this.first, stride), lowerBound(list, this.last + 1, stride)];
  }

  /** How many of the run's facts hold the key of this list. */
  count(list: Uint32Array | undefined, stride: number): number {
    if (!list) return 0;
    if (this.members === null) {
      const [from, to] = this.span(list, stride);
      return to - from;
    }
    let n = 0;
    for (let k = 0; k < list.length; k += stride) if (this.members.has(list[k]!)) n++;
    return n;
  }

  /** The term's frequency over the run's facts, from a [position, frequency] list. */
  sum(list: Uint32Array | undefined): number {
    if (!list) return 0;
    let n = 0;
    if (this.members === null) {
      const [from, to] = this.span(list, 2);
      for (let k = from; k < to; k++) n += list[2 * k + 1]!;
    } else for (let k = 0; k < list.length; k += 2) if (this.members.has(list[k]!)) n += list[k + 1]!;
    return n;
  }
}

/** A df lookup answered by a counting function (undefined for none, as a Map answers). */
function dfView(count: (key: string) => number): DfLookup {
  const get = (key: string) => {
    const n = count(key);
    return n === 0 ? undefined : n;
  };
  return { get, has: (key) => get(key) !== undefined };
}

/**
 * Each distinct term of the per-fact term lists made one string, in place (segmentation slices each fact's text
 * into its own copies, and the analyses holding the lists live as long as the build), and the lists as ids for the
 * postings.
 */
function numberTerms(lists: readonly (readonly string[])[], keys: KeyIds, interned: boolean): Uint32Array[] {
  const pool: string[] = [];
  return lists.map((list) => {
    const out = new Uint32Array(list.length);
    const shared = list as string[];
    for (let k = 0; k < list.length; k++) {
      const t = list[k]!;
      const id = keys.idOf(t);
      if (id === pool.length) pool.push(t);
      out[k] = id;
      if (!interned) shared[k] = pool[id]!;
    }
    return out;
  });
}

/** What the index needs to know of each document besides its facts. */
export interface IndexedDocument {
  id: string;
  title: string;
}

/** FlexSearch's export of the fact index (its own keys and data), for a cache to keep and import again. */
export type SearchDump = readonly (readonly [key: string, data: string])[];

/** What an earlier build already worked out, so the index need not segment again. */
export interface PreparedIndex {
  /** terms[i]: Tokenizer.terms of facts[i]'s normalised text. */
  terms?: readonly (readonly string[])[];
  /** titleTerms[d]: Tokenizer.terms of docs[d].title. */
  titleTerms?: readonly (readonly string[])[];
  /** FactIndex.dump() of an index over the same facts and terms: imported into FlexSearch instead of adding. */
  dump?: SearchDump;
  /** FactIndex.postings() of an index over the same facts and terms: taken as they are instead of counted again. */
  postings?: IndexPostings;
  /** Whether `terms` already share one string per distinct term (as a cache's term table gives them). */
  termsInterned?: boolean;
}

/**
 * `normalized[i]` is facts[i].text through `tokenizer.normalize` (the engine normalises each fact once
 * and shares the result with its other per-fact work).
 */
export function buildFactIndex(
  facts: readonly Fact[],
  docs: readonly IndexedDocument[],
  tokenizer: Tokenizer,
  normalized: readonly string[] = facts.map((f) => tokenizer.normalize(f.text)),
  params: IndexParams = DEFAULT_INDEX,
  prepared: PreparedIndex = {},
): FactIndex {
  const docIds = docs.map((d) => d.id);
  const docPos = new Map(docIds.map((id, i) => [id, i]));
  const given = prepared.terms ?? facts.map((_, i) => tokenizer.terms(normalized[i]!, true));
  const termKeys = new KeyIds();
  // With postings given, only the interning is needed (and none when the lists already share their strings).
  const numbered = prepared.postings && prepared.termsInterned ? null : numberTerms(given, termKeys, prepared.termsInterned ?? false);
  const factTerms = given;
  const indexed: IndexedFact[] = facts.map((f, i) => ({
    tf: new TermList(factTerms[i]!),
    length: factTerms[i]!.length,
    doc: docPos.get(f.docId) ?? 0,
  }));

  // FlexSearch calls the encoder for every text it indexes and every query; facts are looked up in
  // the terms above, queries (our terms joined by a separator) are split back.
  const termsByText = new Map<string, readonly string[]>();
  const encoder = new Encoder({ normalize: false, dedupe: false, cache: false });
  encoder.encode = (text: string): string[] =>
    text.includes(QUERY_SEPARATOR) ? text.split(QUERY_SEPARATOR).filter(Boolean) : [...(termsByText.get(text) ?? tokenizer.terms(text))];
  const flex = new Document({ document: { id: 'id', index: [{ field: 'text', tokenize: 'strict', encoder }] } });
  if (prepared.dump) for (const [key, data] of prepared.dump) flex.import(key, data);
  else {
    facts.forEach((f, i) => {
      if (!termsByText.has(f.text)) termsByText.set(f.text, factTerms[i]!);
    });
    facts.forEach((f, i) => flex.add({ id: i, text: f.text }));
    termsByText.clear();
  }

  const termPostings = prepared.postings ? PostingTable.fromParts(prepared.postings.terms) : postingTableOf(termKeys, numbered!, true);
  let bigramPostings: PostingTable;
  if (prepared.postings) bigramPostings = PostingTable.fromParts(prepared.postings.bigrams);
  else {
    const bigramKeys = new KeyIds();
    const ids = normalized.map((text) => Uint32Array.from(bigramsOf(text), (b) => bigramKeys.idOf(b)));
    bigramPostings = postingTableOf(bigramKeys, ids, false);
  }

  // Each document's fact positions, grouped once: its statistics are read from the postings over them.
  const factsOfDocument: number[][] = docIds.map(() => []);
  indexed.forEach((f, pos) => factsOfDocument[f.doc]!.push(pos));
  const runs = factsOfDocument.map((positions) => new Run(positions));
  const lengthOf = (positions: readonly number[]) => positions.reduce((n, pos) => n + indexed[pos]!.length, 0);
  const bigramCounts = new Uint32Array(facts.length);
  for (const pos of bigramPostings.flat) bigramCounts[pos]!++;

  const perDocument: TermStats[] = factsOfDocument.map((positions, d) => ({
    df: dfView((term) => runs[d]!.count(termPostings.get(term), 2)),
    count: positions.length,
    avgLength: positions.length ? lengthOf(positions) / positions.length : 0,
  }));
  const perDocumentBigrams: TermStats[] = factsOfDocument.map((positions, d) => ({
    df: dfView((bigram) => runs[d]!.count(bigramPostings.get(bigram), 1)),
    count: positions.length,
    avgLength: positions.length ? positions.reduce((n, pos) => n + bigramCounts[pos]!, 0) / positions.length : 0,
  }));
  const documents = factsOfDocument.map((positions, d) => ({
    tf: dfView((term) => runs[d]!.sum(termPostings.get(term))),
    length: lengthOf(positions),
  }));

  // One pass over the term postings: how many documents hold each term, and the terms in a large share of a
  // document's facts (its subjects).
  const docsHolding = new Map<string, number>();
  const frequent: string[][] = docIds.map(() => []);
  const inDoc = new Uint32Array(docIds.length);
  const touched: number[] = [];
  for (const [term, list] of termPostings) {
    for (let k = 0; k < list.length; k += 2) {
      const d = indexed[list[k]!]!.doc;
      if (inDoc[d] === 0) touched.push(d);
      inDoc[d]!++;
    }
    for (const d of touched) {
      const n = factsOfDocument[d]!.length;
      if (n >= params.subjectMinFacts && inDoc[d]! / n >= params.subjectShare) frequent[d]!.push(term);
      inDoc[d] = 0;
    }
    docsHolding.set(term, touched.length);
    touched.length = 0;
  }
  const totalLength = lengthOf(indexed.map((_, i) => i));
  const titleTerms = docs.map((d, i) => prepared.titleTerms?.[i] ?? tokenizer.terms(d.title));

  return {
    dump() {
      const chunks: [string, string][] = [];
      flex.export((key, data) => {
        chunks.push([key, data]);
      });
      return chunks;
    },
    postings: () => ({ terms: termPostings.parts(), bigrams: bigramPostings.parts() }),
    candidates(terms, limit) {
      if (terms.length === 0) return [];
      const results = flex.search(terms.join(QUERY_SEPARATOR) + QUERY_SEPARATOR, { suggest: true, limit });
      return (results[0]?.result ?? []).map(Number);
    },
    facts: indexed,
    global: {
      df: dfView((term) => (termPostings.get(term)?.length ?? 0) / 2),
      count: indexed.length,
      avgLength: indexed.length ? totalLength / indexed.length : 0,
    },
    perDocument,
    perDocumentBigrams,
    documents,
    documentStats: {
      df: dfView((term) => docsHolding.get(term) ?? 0),
      count: documents.length,
      avgLength: documents.length ? totalLength / documents.length : 0,
    },
    factsOfDocument,
    termPostings,
    bigramPostings,
    topics: titleTerms.map((terms) => new Set(terms)),
    subjects: titleTerms.map((terms, d) => new Set([...terms, ...frequent[d]!])),
  };
}

/** Joins query terms so the encoder can tell a prepared query from text to tokenize. */
const QUERY_SEPARATOR = '\u0001';
