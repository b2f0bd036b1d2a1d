/**
 * The jieba dictionary that ships inside @node-rs/jieba (no download at run time), and a smaller
 * copy of it cut down to one corpus, cached on disk, for a fast start.
 *
 * Why the cut-down copy: loading the full 350,000-word dictionary takes 250–300 ms, most of a
 * start-up budget of 500 ms. jieba segments a sentence by choosing among the dictionary words that
 * occur in it, so keeping only the words that occur somewhere in the corpus (plus every single
 * character), with the removed words' total frequency kept in one placeholder entry, segments the
 * corpus exactly as the full dictionary does. Questions segment the same wherever their words are
 * in the corpus; words that are not cannot match a fact either way.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICTIONARY_PATH = require.resolve('@node-rs/jieba/dict.txt');
/** node_modules/.cache/factbot of the node_modules that holds jieba, wherever the process runs from. */
const DEFAULT_CACHE_DIR = join(dirname(DICTIONARY_PATH), '..', '..', '.cache', 'factbot');
/** A private-use character no text contains: carries the frequency of the words left out. */
const PLACEHOLDER = '\uE000';

export function readJiebaDictionary(): Buffer {
  return readFileSync(DICTIONARY_PATH);
}

/**
 * The dictionary's lines whose word occurs in `text`, plus single characters and the placeholder. The text is
 * scanned once, each position extended only while what follows is the beginning of some dictionary word, so the
 * cost grows with the text, not with the text times the dictionary (a corpus of 1.7 M characters is cut in about
 * a second, where a set of all its substrings took tens of seconds and a gigabyte).
 */
export function restrictDictionary(dictionary: string, text: string): string {
  const lines: { line: string; word: string; freq: number }[] = [];
  const prefixes = new Set<string>();
  for (let pos = 0; pos < dictionary.length;) {
    let nl = dictionary.indexOf('\n', pos);
    if (nl < 0) nl = dictionary.length;
    const sp = dictionary.indexOf(' ', pos);
    if (sp > pos && sp < nl) {
      const word = dictionary.slice(pos, sp);
      lines.push({ line: dictionary.slice(pos, nl), word, freq: parseInt(dictionary.slice(sp + 1, sp + 12), 10) || 0 });
      for (let n = 2; n < word.length; n++) prefixes.add(word.slice(0, n));
    }
    pos = nl + 1;
  }
  const words = new Set(lines.map((l) => l.word));
  let longest = 0;
  for (const w of words) longest = Math.max(longest, w.length);
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (let n = 2; n <= longest && i + n <= text.length; n++) {
      const piece = text.slice(i, i + n);
      if (words.has(piece)) found.add(piece);
      if (!prefixes.has(piece)) break;
    }
  }
  const kept: string[] = [];
  let removed = 0;
  for (const { line, word, freq } of lines) {
    if (word.length === 1 || found.has(word)) kept.push(line);
    else removed += freq;
  }
  kept.push(`${PLACEHOLDER} ${removed} x`);
  return kept.join('\n') + '\n';
}

/** Cut-down dictionaries kept at most (one per corpus text seen); the oldest go first. */
const MAX_CACHED = 16;

function pruneCache(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('jieba-'))
    .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(MAX_CACHED)) rmSync(join(dir, f), { force: true });
}

export interface CorpusDictionaryOptions {
  /** Where cut-down dictionaries are cached; null turns the cache off. Default node_modules/.cache/factbot. */
  cacheDir?: string | null;
}

/** What tells jieba's dictionary from another (its path and size): an input of every cache built on it. */
export function jiebaDictionaryId(): string {
  let size = -1;
  try {
    size = statSync(DICTIONARY_PATH).size;
  } catch {
    // reported when it is read
  }
  return `${DICTIONARY_PATH}:${size}`;
}

/**
 * The dictionary cut down to `text` (see above), from the cache when it was made before. `text` may be given
 * as a function, called only when the dictionary must be cut, with `key` naming the text in the cache instead
 * (the engine cache names a corpus by its documents' hashes, so a warm start need not normalise the corpus).
 */
export function corpusDictionary(text: string | (() => string), options: CorpusDictionaryOptions & { key?: string } = {}): Buffer {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const textOf = typeof text === 'string' ? () => text : text;
  const key = createHash('sha256')
    .update(DICTIONARY_PATH)
    .update('\0')
    .update(options.key === undefined ? `text\0${textOf()}` : `key\0${options.key}`)
    .digest('hex')
    .slice(0, 24);
  const file = cacheDir ? join(cacheDir, `jieba-${key}.txt`) : null;
  if (file) {
    try {
      return readFileSync(file);
    } catch {
      // not cached yet
    }
  }
  const restricted = Buffer.from(restrictDictionary(readFileSync(DICTIONARY_PATH, 'utf8'), textOf()));
  if (file && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, restricted);
      renameSync(tmp, file);
      pruneCache(cacheDir);
    } catch {
      // a read-only install still works, only without the cache
    }
  }
  return restricted;
}
