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
    index.facts.forEach((f, pos) => expect(fromPostings[pos]).toEqual(f.tf));

    const bigrams = index.facts.map(() => new Set<string>());
    for (const [bigram, list] of index.bigramPostings) {
      expect([...list].sort((a, b) => a - b)).toEqual([...list]);
      for (const pos of list) bigrams[pos]!.add(bigram);
    }
    facts.forEach((f, pos) => expect(bigrams[pos]).toEqual(bigramsOf(tokenizer.normalize(f.text))));
  });
});
