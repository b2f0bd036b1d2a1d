// The fact index's postings (what the ranker scores from) hold exactly each fact's terms and bigrams.
import { describe, expect, it } from 'vitest';
import { sharedTokenizer } from '../../src/answer/build-engine.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractFacts } from '../../src/facts/extract.js';
import { buildFactIndex } from '../../src/search/build-index.js';
import { bigramsOf } from '../../src/text/bigrams.js';

describe('buildFactIndex postings', () => {
  it('list every fact holding a term with its frequency, and every fact holding a bigram, in fact order', async () => {
    const { documents } = await loadCorpus(new URL('../../corpus', import.meta.url).pathname);
    const tokenizer = sharedTokenizer();
    const facts = documents.flatMap((d) => extractFacts(d, tokenizer.tag));
    const index = buildFactIndex(facts, documents, tokenizer);
    expect(facts.length).toBeGreaterThan(20);

    const fromPostings = index.facts.map(() => new Map<string, number>());
    for (const [term, list] of index.termPostings) {
      expect(list.length % 2).toBe(0);
      for (let k = 0; k < list.length; k += 2) {
        if (k > 0) expect(list[k]!).toBeGreaterThan(list[k - 2]!);
        fromPostings[list[k]!]!.set(term, list[k + 1]!);
      }
    }
    const terms = facts.map((f) => tokenizer.terms(tokenizer.normalize(f.text), true));
    index.facts.forEach((f, pos) => {
      const counted = new Map<string, number>();
      for (const t of terms[pos]!) counted.set(t, (counted.get(t) ?? 0) + 1);
      expect(fromPostings[pos]).toEqual(counted);
      for (const [t, n] of counted) expect([f.tf.has(t), f.tf.get(t)]).toEqual([true, n]);
      expect(f.tf.has('不在其中的词')).toBe(false);
      expect(f.length).toBe(terms[pos]!.length);
    });

    const bigrams = index.facts.map(() => new Set<string>());
    for (const [bigram, list] of index.bigramPostings) {
      expect([...list].sort((a, b) => a - b)).toEqual([...list]);
      for (const pos of list) bigrams[pos]!.add(bigram);
    }
    facts.forEach((f, pos) => expect(bigrams[pos]).toEqual(bigramsOf(tokenizer.normalize(f.text))));
  });
});

describe('buildFactIndex statistics', () => {
  // The per-document and corpus statistics are read from the postings; here they are counted the plain way.
  const plain = (terms: readonly (readonly string[])[], docOf: readonly number[], docs: number) => {
    const perDoc = Array.from({ length: docs }, () => ({
      df: new Map<string, number>(),
      tf: new Map<string, number>(),
      facts: 0,
      length: 0,
    }));
    const global = new Map<string, number>();
    terms.forEach((list, pos) => {
      const d = perDoc[docOf[pos]!]!;
      d.facts++;
      d.length += list.length;
      for (const t of new Set(list)) {
        d.df.set(t, (d.df.get(t) ?? 0) + 1);
        global.set(t, (global.get(t) ?? 0) + 1);
      }
      for (const t of list) d.tf.set(t, (d.tf.get(t) ?? 0) + 1);
    });
    const docsHolding = new Map<string, number>();
    for (const d of perDoc) for (const t of d.df.keys()) docsHolding.set(t, (docsHolding.get(t) ?? 0) + 1);
    return { perDoc, global, docsHolding };
  };

  const check = async (interleave: boolean) => {
    const { documents } = await loadCorpus(new URL('../fixtures/documents', import.meta.url).pathname);
    const tokenizer = sharedTokenizer();
    const byDoc = documents.slice(0, 4).map((d) => extractFacts(d, tokenizer.tag));
    // Interleaved: the facts of a document are not one run of positions.
    const facts = interleave
      ? Array.from({ length: Math.max(...byDoc.map((f) => f.length)) }, (_, i) => byDoc.flatMap((f) => (f[i] ? [f[i]] : []))).flat()
      : byDoc.flat();
    const docs = documents.slice(0, 4);
    const index = buildFactIndex(facts, docs, tokenizer);
    const terms = facts.map((f) => tokenizer.terms(tokenizer.normalize(f.text), true));
    const docOf = facts.map((f) => docs.findIndex((d) => d.id === f.docId));
    const want = plain(terms, docOf, docs.length);
    const vocabulary = [...want.global.keys(), '不在其中的词'];
    expect(want.perDoc.filter((d) => d.facts > 5).length).toBeGreaterThan(1);
    for (const t of vocabulary) {
      expect(index.global.df.get(t)).toBe(want.global.get(t));
      expect(index.documentStats.df.get(t)).toBe(want.docsHolding.get(t));
      want.perDoc.forEach((d, i) => {
        expect(index.perDocument[i]!.df.get(t)).toBe(d.df.get(t));
        expect(index.documents[i]!.tf.get(t)).toBe(d.tf.get(t));
      });
    }
    want.perDoc.forEach((d, i) => {
      expect(index.perDocument[i]!.count).toBe(d.facts);
      expect(index.perDocument[i]!.avgLength).toBeCloseTo(d.length / d.facts, 9);
      expect(index.documents[i]!.length).toBe(d.length);
      const frequent = [...d.df].filter(([, n]) => d.facts >= 5 && n / d.facts >= 0.3).map(([t]) => t);
      expect([...index.subjects[i]!].sort()).toEqual([...new Set([...tokenizer.terms(docs[i]!.title), ...frequent])].sort());
      const bigrams = facts.flatMap((f, pos) => (docOf[pos] === i ? [bigramsOf(tokenizer.normalize(f.text))] : []));
      expect(index.perDocumentBigrams[i]!.avgLength).toBeCloseTo(bigrams.reduce((n, b) => n + b.size, 0) / d.facts, 9);
      const some = bigrams[0] ? [...bigrams[0]][0]! : '浑南';
      expect(index.perDocumentBigrams[i]!.df.get(some)).toBe(bigrams.filter((b) => b.has(some)).length || undefined);
    });
  };

  it('match plain counts when each document is one run of facts', () => check(false));
  it('match plain counts when documents interleave', () => check(true));
});
