/**
 * Chinese word segmentation for the index and the questions: jieba (via @node-rs/jieba) in search
 * mode, so that "国家高新技术企业" yields 国家, 高新, 技术, 高新技术, 企业 and a question that says
 * only "高新企业" still meets it. See DESIGN.md for the measurement that chose it over
 * Intl.Segmenter and character bigrams.
 */
import { Jieba } from '@node-rs/jieba';

export interface TaggedWord {
  word: string;
  tag: string;
}

export interface Tokenizer {
  /**
   * Index/match terms: search-mode words, lower-cased, without punctuation and stopwords.
   * `normalized`: the text has been through `normalize` already (skip it).
   */
  terms(text: string, normalized?: boolean): string[];
  /** Content words (plain segmentation, normalised, filtered like `terms`): what a question names. */
  words(text: string, normalized?: boolean): string[];
  /** The normalisation `terms` and `words` apply first (Traditional → Simplified). */
  normalize(text: string): string;
  /** Plain segmentation (every character kept, in order). */
  cut(text: string): string[];
  /** Segmentation with part-of-speech tags (jieba's ICTCLAS tag set: n, v, nr, ns, m ...). */
  tag(text: string): TaggedWord[];
}

/**
 * Words that carry no content in a question or a fact: particles, question words, bare measure
 * words. Kept small on purpose: what the question asks for is read from these words by
 * question/analyze.ts before they are dropped here.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 有 在 和 与 及 或 等 也 都 就 又 还 而 并 被 把 将 对 从 向 于 以 为 之 其 该 此 这 那 这个 那个 这些 那些 ' +
    '吗 呢 吧 啊 呀 嘛 么 哦 呐 请问 请 问 一下 告诉 知道 想 我 我们 你 你们 他 她 它 他们 咱 ' +
    '多少 几 几个 几家 几位 几人 几次 几项 几所 多大 多久 多长 多远 多高 多重 什么 啥 哪 哪些 哪个 哪里 哪儿 哪年 哪一年 ' +
    '谁 怎么 怎样 如何 为何 为什么 是否 是不是 有没有 有无 能否 可以 可否 吗？ ' +
    '个 家 人 户 次 项 所 位 名 条 座 件 种 类 年 月 日 号'
  ).split(/\s+/),
);

const HAS_CONTENT = /[\p{L}\p{N}]/u;

export interface TokenizerOptions {
  /** jieba user-dictionary lines (`word freq tag`) added to the main dictionary. */
  userDictionary?: Uint8Array;
  /**
   * Applied to text before `terms` segments it, on both sides (facts and questions), so they meet
   * in one script: Traditional → Simplified. Offsets are never taken from its output.
   */
  normalize?: (text: string) => string;
}

/** Segmenter output → terms: trimmed, lower-cased, without punctuation and stopwords. */
export function keepTerms(pieces: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of pieces) {
    const word = w.trim().toLowerCase();
    if (word && HAS_CONTENT.test(word) && !STOPWORDS.has(word)) out.push(word);
  }
  return out;
}

export function createJiebaTokenizer(dictionary: Uint8Array, options: TokenizerOptions = {}): Tokenizer {
  const jieba = Jieba.withDict(dictionary);
  if (options.userDictionary && options.userDictionary.length > 0) jieba.loadDict(options.userDictionary);
  const normalize = options.normalize ?? ((s: string) => s);
  return {
    terms: (text, normalized = false) => keepTerms(jieba.cutForSearch(normalized ? text : normalize(text), true)),
    words: (text, normalized = false) => keepTerms(jieba.cut(normalized ? text : normalize(text), true)),
    normalize,
    cut: (text) => jieba.cut(text, true),
    tag: (text) => jieba.tag(text, true),
  };
}
