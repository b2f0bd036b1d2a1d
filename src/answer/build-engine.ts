/**
 * Composition of the core: documents in, Engine out. The jieba tokenizer is created once per
 * process and shared by every engine built in it (the CMRC eval builds hundreds).
 */
import type { CorpusDocument } from '../corpus/document.js';
import { loadCorpus, type LoadCorpusOptions } from '../corpus/load.js';
import { toSimplified } from '../question/normalize.js';
import { compileSynonyms } from '../question/synonyms.js';
import { readJiebaDictionary } from '../search/jieba-dictionary.js';
import { createJiebaTokenizer, type Tokenizer } from '../search/tokenize.js';
import { createEngine, type EngineOptions } from './engine.js';
import type { Engine } from './engine-types.js';

export interface BuildEngineOptions extends EngineOptions, LoadCorpusOptions {
  /** Extra jieba user-dictionary lines (`word freq tag`), e.g. a corpus's `*.dict` files. */
  userDictionary?: Uint8Array;
}

const tokenizers = new Map<string, Tokenizer>();

/** One tokenizer per distinct user dictionary, created on first use. */
export function sharedTokenizer(userDictionary: Uint8Array = new Uint8Array()): Tokenizer {
  const key = Buffer.from(userDictionary).toString('base64');
  let tokenizer = tokenizers.get(key);
  if (!tokenizer) {
    tokenizer = createJiebaTokenizer(readJiebaDictionary(), { userDictionary, normalize: toSimplified });
    tokenizers.set(key, tokenizer);
  }
  return tokenizer;
}

/** Builds the engine over documents already in memory (used by the CMRC eval and tests). */
export function buildEngine(documents: CorpusDocument[], options: BuildEngineOptions = {}): Engine {
  return createEngine(documents, sharedTokenizer(options.userDictionary), options);
}

/** Loads every .txt/.md document of a corpus folder and builds the engine; warnings name skipped files. */
export async function buildEngineFromDir(
  dir: string,
  options: BuildEngineOptions = {},
): Promise<{ engine: Engine; warnings: string[] }> {
  const corpus = await loadCorpus(dir, options);
  const engine = buildEngine(corpus.documents, {
    ...options,
    userDictionary: corpus.userDictionary,
    synonyms: options.synonyms ?? compileSynonyms(corpus.synonyms),
  });
  return { engine, warnings: corpus.warnings };
}
