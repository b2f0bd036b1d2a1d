/**
 * Composition of the core: documents in, Engine out. The jieba tokenizer is created once per
 * process and shared by every engine built in it (the CMRC eval builds hundreds). With an engine
 * cache (answer/engine-cache.ts), each document's analysis and the search index are read back
 * instead of built again, and only the documents that changed are read anew.
 */
import { createHash } from 'node:crypto';
import type { CorpusDocument } from '../corpus/index.js';
import { loadCorpus, type LoadCorpusOptions } from '../corpus/index.js';
import { jiebaDictionaryId, toSimplified } from '../text/index.js';
import { compileSynonyms } from '../question/index.js';
import { corpusDictionary, readJiebaDictionary, type CorpusDictionaryOptions } from '../text/index.js';
import { createJiebaTokenizer, type Tokenizer } from '../text/index.js';
import { DEFAULT_RANKING } from '../ranking/index.js';
import { DEFAULT_INDEX } from '../search/index.js';
import { analyzeDocument, assembleEngine, createEngine, factParamsOf, type DocumentAnalysis, type EngineOptions } from './engine.js';
import { openEngineCache, type BuildReport } from './engine-cache.js';

export { ENGINE_CACHE_VERSION, type BuildReport } from './engine-cache.js';
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
  /**
   * The folder of the persisted engine cache (answer/engine-cache.ts; CACHE_DIR), where cut dictionaries go
   * too unless `cacheDir` says otherwise. Null or absent: no engine cache (every build reads every document).
   * Ignored with a custom `tokenizer`, whose readings the cache cannot tell apart.
   */
  engineCache?: string | null;
}

/** What buildEngineFromDir returns. */
export interface BuiltEngine {
  engine: Engine;
  /** Skipped or doubtful corpus files, and unusable cache entries (ignored and rebuilt), one line each. */
  warnings: string[];
  /** What the build did (documents analysed, taken from the cache, the index imported or built). */
  report: BuildReport;
}

const tokenizers = new Map<string, Tokenizer>();
/** Tokenizers kept for reuse; an engine keeps its own alive as long as it serves. */
const MAX_SHARED_TOKENIZERS = 4;

/** The corpus text the dictionary is cut to, and optionally a key naming it in the cache instead of its hash. */
export interface DictionaryScope extends CorpusDictionaryOptions {
  text: string | (() => string);
  key?: string;
}

/**
 * One tokenizer per distinct dictionary, created on first use and shared (the CMRC eval builds
 * hundreds of engines on the full dictionary).
 */
export function sharedTokenizer(userDictionary: Uint8Array = new Uint8Array(), restrictTo?: DictionaryScope): Tokenizer {
  const scope = restrictTo
    ? restrictTo.key !== undefined
      ? `key\0${restrictTo.key}`
      : `text\0${typeof restrictTo.text === 'string' ? restrictTo.text : restrictTo.text()}`
    : '';
  const key = createHash('sha256').update(userDictionary).update('\0').update(scope).digest('hex');
  let tokenizer = tokenizers.get(key);
  if (!tokenizer) {
    const dictionary = restrictTo ? corpusDictionary(restrictTo.text, restrictTo) : readJiebaDictionary();
    tokenizer = createJiebaTokenizer(dictionary, { userDictionary, normalize: toSimplified });
    tokenizers.set(key, tokenizer);
    // Each reload of a changed corpus cuts a new dictionary: keep the few most recent, not one per reload.
    for (const old of tokenizers.keys()) {
      if (tokenizers.size <= MAX_SHARED_TOKENIZERS) break;
      tokenizers.delete(old);
    }
  }
  return tokenizer;
}

/** Builds the engine over documents already in memory (used by the CMRC eval and tests). */
export function buildEngine(documents: CorpusDocument[], options: BuildEngineOptions = {}): Engine {
  return buildWithReport(documents, options, performance.now()).engine;
}

function corpusTextOf(documents: readonly CorpusDocument[]): () => string {
  return () => documents.map((d) => toSimplified(d.text)).join('\n');
}

function buildWithReport(
  documents: CorpusDocument[],
  options: BuildEngineOptions,
  started: number,
): { engine: Engine; report: BuildReport; warnings: string[] } {
  const plain = (engine: Engine): { engine: Engine; report: BuildReport; warnings: string[] } => ({
    engine,
    warnings: [],
    report: {
      documents: documents.length,
      facts: engine.facts.length,
      fromCache: 0,
      analysed: documents.map((d) => d.id),
      searchIndex: 'built',
      cacheDir: null,
      ms: performance.now() - started,
    },
  });
  if (options.tokenizer) return plain(createEngine(documents, options.tokenizer, options));
  const dir = options.engineCache ?? null;
  if (dir === null) {
    const restrictTo = options.corpusDictionary ? { text: corpusTextOf(documents), cacheDir: options.cacheDir } : undefined;
    return plain(createEngine(documents, sharedTokenizer(options.userDictionary, restrictTo), options));
  }

  const userDictionary = options.userDictionary ?? new Uint8Array();
  const listHeadWindow = options.ranking?.listHeadWindow ?? DEFAULT_RANKING.listHeadWindow;
  const cache = openEngineCache(dir, [
    jiebaDictionaryId(),
    userDictionary,
    JSON.stringify({
      facts: factParamsOf(options),
      listHeadWindow,
      index: { ...DEFAULT_INDEX, ...options.index },
      corpusDictionary: options.corpusDictionary ?? false,
    }),
  ]);
  const keys = documents.map((d) => cache.documentKey(d));
  const corpusKey = cache.corpusKey(keys);
  const restrictTo = options.corpusDictionary
    ? { text: corpusTextOf(documents), key: corpusKey, cacheDir: options.cacheDir === undefined ? dir : options.cacheDir }
    : undefined;
  const tokenizer = sharedTokenizer(userDictionary, restrictTo);

  // A warm start reads the corpus snapshot alone; after a change, the unchanged documents come from the one before.
  const snapshot = cache.readSnapshot(corpusKey, documents, keys);
  const earlier = snapshot ? null : cache.earlierAnalyses(corpusKey, documents, keys);
  const analysed: string[] = [];
  const analyses: DocumentAnalysis[] =
    snapshot?.analyses ??
    documents.map((doc, i) => {
      const cached = earlier?.get(keys[i]!);
      if (cached) return cached;
      analysed.push(doc.id);
      return analyzeDocument(doc, tokenizer, options);
    });
  const facts = analyses.reduce((n, a) => n + a.facts.length, 0);
  // Written before the engine is assembled, at a lower point of memory (see answer/engine-cache.ts).
  const writer = snapshot ? null : cache.beginSnapshot(corpusKey, documents, keys, analyses);
  let assembled: ReturnType<typeof assembleEngine>;
  try {
    assembled = assembleEngine(
      documents,
      tokenizer,
      options,
      snapshot ? { analyses, searchDump: snapshot.dump, postings: snapshot.postings, termsInterned: true } : { analyses },
    );
  } catch (err) {
    writer?.abort();
    throw err;
  }
  const { engine, dumpSearch, postings } = assembled;
  writer?.finish({ dump: dumpSearch(), postings: postings() });
  cache.prune();
  return {
    engine,
    warnings: cache.warnings,
    report: {
      documents: documents.length,
      facts,
      fromCache: documents.length - analysed.length,
      analysed,
      searchIndex: snapshot ? 'imported' : 'built',
      cacheDir: dir,
      ms: performance.now() - started,
    },
  };
}

/**
 * Loads every document of a corpus folder (through `options.readers`, default .txt .md .docx .pdf .html)
 * and builds the engine; warnings name skipped files (and unusable cache entries).
 */
export async function buildEngineFromDir(dir: string, options: BuildEngineOptions = {}): Promise<BuiltEngine> {
  const started = performance.now();
  const corpus = await loadCorpus(dir, options);
  const built = buildWithReport(
    corpus.documents,
    {
      ...options,
      corpusDictionary: options.corpusDictionary ?? true,
      userDictionary: corpus.userDictionary,
      synonyms: options.synonyms ?? compileSynonyms(corpus.synonyms),
      glossaryEn: options.glossaryEn ?? compileSynonyms(corpus.glossaryEn),
      subjectsEn: options.subjectsEn ?? corpus.subjectsEn,
    },
    started,
  );
  return { engine: built.engine, warnings: [...corpus.warnings, ...built.warnings], report: built.report };
}
