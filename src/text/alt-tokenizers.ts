/**
 * The tokenizers jieba was measured against (npm run eval:tokenizers; results in DESIGN.md):
 * Intl.Segmenter's dictionary word breaks and character bigrams. Neither tags parts of speech, so
 * `tag` reports every word as 'x'.
 */
import { keepTerms, type Tokenizer } from './tokenize.js';

/** A tokenizer from a segmenter: `cut` splits text in order, `split` gives the index terms of a text. */
function fromSegmenter(cut: (text: string) => string[], split: (text: string) => string[], normalize: (s: string) => string): Tokenizer {
  const terms = (text: string, normalized = false) => keepTerms(split(normalized ? text : normalize(text)));
  return { terms, words: terms, normalize, cut, tag: (text) => cut(text).map((word) => ({ word, tag: 'x' })) };
}

export function createIntlTokenizer(normalize: (s: string) => string = (s) => s): Tokenizer {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const cut = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
  return fromSegmenter(cut, cut, normalize);
}

/** Overlapping character bigrams over runs of Han characters; Latin words and numbers stay whole. */
export function createBigramTokenizer(normalize: (s: string) => string = (s) => s): Tokenizer {
  const cut = (text: string): string[] => text.match(/\p{Script=Han}+|[\p{L}\p{N}.%]+|[^\p{L}\p{N}]/gu) ?? [];
  const grams = (text: string): string[] =>
    cut(text).flatMap((run) => {
      if (!/\p{Script=Han}/u.test(run) || run.length < 2) return [run];
      const out: string[] = [];
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
      return out;
    });
  return fromSegmenter(cut, grams, normalize);
}
