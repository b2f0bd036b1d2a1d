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

export interface IndexedFact {
  /** Term frequencies of the fact. */
  tf: Map<string, number>;
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
  /** Statistics over all facts. */
  global: TermStats;
  /** Statistics over the facts of each document (by document position). */
  perDocument: TermStats[];
  /** Bigram statistics over the facts of each document. */
  perDocumentBigrams: TermStats[];
  /** Each document as one bag of terms, for telling which document a question is about. */
  documents: { tf: Map<string, number>; length: number }[];
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

function countTerms(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
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

  get(key: string): Uint32Array | undefined {
    const id = this.ids.get(key);
    return id === undefined ? undefined : this.data.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }

  get size(): number {
    return this.ids.size;
  }

  *[Symbol.iterator](): IterableIterator<[string, Uint32Array]> {
    for (const [key, id] of this.ids) yield [key, this.data.subarray(this.offsets[id]!, this.offsets[id + 1]!)];
  }
}

/**
 * Builds a PostingTable from each unit's keys (with a value per key when `values` is given: [position, value] pairs),
 * in unit order: two passes, counting then filling.
 */
function postingTable<K>(
  units: readonly K[],
  keysOf: (unit: K) => Iterable<[string, number]> | Iterable<string>,
  withValues: boolean,
): PostingTable {
  const ids = new Map<string, number>();
  let counts = new Uint32Array(1024);
  const stride = withValues ? 2 : 1;
  const keyOf = (entry: string | [string, number]) => (typeof entry === 'string' ? entry : entry[0]);
  for (const unit of units) {
    for (const entry of keysOf(unit)) {
      const key = keyOf(entry);
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        if (id >= counts.length) {
          const grown = new Uint32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      counts[id]! += stride;
    }
  }
  const offsets = new Uint32Array(ids.size + 1);
  for (let id = 0; id < ids.size; id++) offsets[id + 1] = offsets[id]! + counts[id]!;
  const data = new Uint32Array(offsets[ids.size]!);
  const cursor = offsets.slice(0, ids.size);
  units.forEach((unit, pos) => {
    for (const entry of keysOf(unit)) {
      const id = ids.get(keyOf(entry))!;
      data[cursor[id]!++] = pos;
      if (withValues) data[cursor[id]!++] = (entry as [string, number])[1];
    }
  });
  return new PostingTable(ids, offsets, data);
}

/** How many of a sorted posting list's positions lie in [lo, hi]. */
function countInRange(list: Uint32Array | undefined, lo: number, hi: number): number {
  if (!list) return 0;
  const lowerBound = (x: number) => {
    let a = 0;
    let b = list.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (list[m]! < x) a = m + 1;
      else b = m;
    }
    return a;
  };
  return lowerBound(hi + 1) - lowerBound(lo);
}

/**
 * A document's bigram statistics read from the shared bigram postings (its facts are one run of positions), not
 * kept as a table per document: the same counts statsOf gives, without a map per document.
 */
function bigramStatsIn(postings: PostingTable, positions: readonly number[], sets: readonly Set<string>[]): TermStats {
  const first = positions[0] ?? 0;
  const last = positions[positions.length - 1] ?? -1;
  if (positions.length > 0 && last - first !== positions.length - 1) return bigramStatsOf(positions.map((pos) => sets[pos]!));
  let total = 0;
  for (const pos of positions) total += sets[pos]!.size;
  const get = (b: string) => {
    const n = countInRange(postings.get(b), first, last);
    return n === 0 ? undefined : n;
  };
  return {
    df: { get, has: (b) => get(b) !== undefined },
    count: positions.length,
    avgLength: positions.length ? total / positions.length : 0,
  };
}

function statsOf(units: readonly { tf: Map<string, number>; length: number }[]): TermStats & { df: Map<string, number> } {
  const df = new Map<string, number>();
  let total = 0;
  for (const u of units) {
    total += u.length;
    for (const t of u.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { df, count: units.length, avgLength: units.length ? total / units.length : 0 };
}

/** statsOf over facts whose terms are each one bigram set (every bigram counted once), without a map per fact. */
function bigramStatsOf(sets: readonly Set<string>[]): TermStats {
  const df = new Map<string, number>();
  let total = 0;
  for (const set of sets) {
    total += set.size;
    for (const b of set) df.set(b, (df.get(b) ?? 0) + 1);
  }
  return { df, count: sets.length, avgLength: sets.length ? total / sets.length : 0 };
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
  const termsByText = new Map<string, readonly string[]>();
  const indexed: IndexedFact[] = facts.map((f, i) => {
    const terms = termsByText.get(f.text) ?? prepared.terms?.[i] ?? tokenizer.terms(normalized[i]!, true);
    termsByText.set(f.text, terms);
    return { tf: countTerms(terms), length: terms.length, doc: docPos.get(f.docId) ?? 0 };
  });
  // Only the postings and the per-document statistics keep a fact's bigrams.
  const factBigrams = normalized.map((text) => bigramsOf(text));

  // FlexSearch calls the encoder for every text it indexes and every query; facts are looked up in
  // the cache filled above, queries (our terms joined by a separator) are split back.
  const encoder = new Encoder({ normalize: false, dedupe: false, cache: false });
  encoder.encode = (text: string): string[] =>
    text.includes(QUERY_SEPARATOR) ? text.split(QUERY_SEPARATOR).filter(Boolean) : [...(termsByText.get(text) ?? tokenizer.terms(text))];
  const flex = new Document({ document: { id: 'id', index: [{ field: 'text', tokenize: 'strict', encoder }] } });
  if (prepared.dump) for (const [key, data] of prepared.dump) flex.import(key, data);
  else facts.forEach((f, i) => flex.add({ id: i, text: f.text }));
  termsByText.clear();

  // Each document's fact positions, grouped once: the per-document tables below all start from them.
  const factsOfDocument: number[][] = docIds.map(() => []);
  indexed.forEach((f, pos) => factsOfDocument[f.doc]!.push(pos));
  const perDocUnits = factsOfDocument.map((positions) => positions.map((pos) => indexed[pos]!));
  const perDocument = perDocUnits.map(statsOf);
  const titleTerms = docs.map((d, i) => prepared.titleTerms?.[i] ?? tokenizer.terms(d.title));
  const documents = perDocUnits.map((units) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const u of units) {
      length += u.length;
      for (const [t, n] of u.tf) tf.set(t, (tf.get(t) ?? 0) + n);
    }
    return { tf, length };
  });

  const termPostings = postingTable(indexed, (f) => f.tf, true);
  const bigramPostings = postingTable(factBigrams, (set) => set, false);

  return {
    dump() {
      const chunks: [string, string][] = [];
      flex.export((key, data) => {
        chunks.push([key, data]);
      });
      return chunks;
    },
    candidates(terms, limit) {
      if (terms.length === 0) return [];
      const results = flex.search(terms.join(QUERY_SEPARATOR) + QUERY_SEPARATOR, { suggest: true, limit });
      return (results[0]?.result ?? []).map(Number);
    },
    facts: indexed,
    global: statsOf(indexed),
    perDocument,
    perDocumentBigrams: factsOfDocument.map((positions) => bigramStatsIn(bigramPostings, positions, factBigrams)),
    documents,
    documentStats: statsOf(documents),
    factsOfDocument,
    termPostings,
    bigramPostings,
    topics: titleTerms.map((terms) => new Set(terms)),
    subjects: perDocument.map((stats, d) => {
      const frequent =
        stats.count >= params.subjectMinFacts
          ? [...stats.df].filter(([, n]) => n / stats.count >= params.subjectShare).map(([t]) => t)
          : [];
      return new Set([...titleTerms[d]!, ...frequent]);
    }),
  };
}

/** Joins query terms so the encoder can tell a prepared query from text to tokenize. */
const QUERY_SEPARATOR = '\u0001';
