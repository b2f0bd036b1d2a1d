/**
 * The tokenizers jieba was measured against (npm run eval:tokenizers; results in DESIGN.md):
 * Intl.Segmenter's dictionary word breaks and character bigrams. Neither tags parts of speech, so
 * `tag` reports every word as 'x'.
 */
import { STOPWORDS, type Tokenizer } from './tokenize.js';

const HAS_CONTENT = /[\p{L}\p{N}]/u;

function keep(pieces: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of pieces) {
    const word = w.trim().toLowerCase();
    if (word && HAS_CONTENT.test(word) && !STOPWORDS.has(word)) out.push(word);
  }
  return out;
}

export function createIntlTokenizer(normalize: (s: string) => string = (s) => s): Tokenizer {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const cut = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
  return {
    terms: (text, normalized = false) => keep(cut(normalized ? text : normalize(text))),
    words: (text, normalized = false) => keep(cut(normalized ? text : normalize(text))),
    normalize,
    cut,
    tag: (text) => cut(text).map((word) => ({ word, tag: 'x' })),
  };
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
  return {
    terms: (text, normalized = false) => keep(grams(normalized ? text : normalize(text))),
    words: (text, normalized = false) => keep(grams(normalized ? text : normalize(text))),
    normalize,
    cut,
    tag: (text) => cut(text).map((word) => ({ word, tag: 'x' })),
  };
}
