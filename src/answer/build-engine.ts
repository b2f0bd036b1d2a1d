/**
 * Composition of the core: documents in, Engine out. The jieba tokenizer is created once per
 * process and shared by every engine built in it (the CMRC eval builds hundreds).
 */
import { createHash } from 'node:crypto';
import type { CorpusDocument } from '../corpus/index.js';
import { loadCorpus, type LoadCorpusOptions } from '../corpus/index.js';
import { toSimplified } from '../text/index.js';
import { compileSynonyms } from '../question/index.js';
import { corpusDictionary, readJiebaDictionary, type CorpusDictionaryOptions } from '../text/index.js';
import { createJiebaTokenizer, type Tokenizer } from '../text/index.js';
import { createEngine, type EngineOptions } from './engine.js';
import type { Engine } from './engine-types.js';

export interface BuildEngineOptions extends EngineOptions, LoadCorpusOptions, CorpusDictionaryOptions {
  /** Extra jieba user-dictionary lines (`word freq tag`), e.g. a corpus's `*.dict` files. */
  userDictionary?: Uint8Array;
  /**
   * Load jieba's dictionary cut down to the corpus (cached; see search/jieba-dictionary.ts) rather
   * than whole: the same segmentation of the corpus, a start 250 ms faster. Default true for
   * buildEngineFromDir, false for buildEngine.
   */
  corpusDictionary?: boolean;
  /**
   * The tokenizer (segmentation, part-of-speech tags, normalisation) facts and questions are read with, as
   * MiniSearch takes `tokenize`. Default: jieba, shared per dictionary (see sharedTokenizer).
   */
  tokenizer?: Tokenizer;
}

const tokenizers = new Map<string, Tokenizer>();

/**
 * One tokenizer per distinct dictionary, created on first use and shared (the CMRC eval builds
 * hundreds of engines on the full dictionary).
 */
export function sharedTokenizer(
  userDictionary: Uint8Array = new Uint8Array(),
  restrictTo?: { text: string } & CorpusDictionaryOptions,
): Tokenizer {
  const key = createHash('sha256')
    .update(userDictionary)
    .update('\0')
    .update(restrictTo?.text ?? '')
    .digest('hex');
  let tokenizer = tokenizers.get(key);
  if (!tokenizer) {
    const dictionary = restrictTo ? corpusDictionary(restrictTo.text, restrictTo) : readJiebaDictionary();
    tokenizer = createJiebaTokenizer(dictionary, { userDictionary, normalize: toSimplified });
    tokenizers.set(key, tokenizer);
  }
  return tokenizer;
}

/** Builds the engine over documents already in memory (used by the CMRC eval and tests). */
export function buildEngine(documents: CorpusDocument[], options: BuildEngineOptions = {}): Engine {
  if (options.tokenizer) return createEngine(documents, options.tokenizer, options);
  const restrictTo = options.corpusDictionary
    ? { text: documents.map((d) => toSimplified(d.text)).join('\n'), cacheDir: options.cacheDir }
    : undefined;
  return createEngine(documents, sharedTokenizer(options.userDictionary, restrictTo), options);
}

/**
 * Loads every document of a corpus folder (through `options.readers`, default .txt .md .docx .pdf .html)
 * and builds the engine; warnings name skipped files.
 */
export async function buildEngineFromDir(dir: string, options: BuildEngineOptions = {}): Promise<{ engine: Engine; warnings: string[] }> {
  const corpus = await loadCorpus(dir, options);
  const engine = buildEngine(corpus.documents, {
    ...options,
    corpusDictionary: options.corpusDictionary ?? true,
    userDictionary: corpus.userDictionary,
    synonyms: options.synonyms ?? compileSynonyms(corpus.synonyms),
    glossaryEn: options.glossaryEn ?? compileSynonyms(corpus.glossaryEn),
    subjectsEn: options.subjectsEn ?? corpus.subjectsEn,
  });
  return { engine, warnings: corpus.warnings };
}
