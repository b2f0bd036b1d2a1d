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
 * The dictionary's lines whose word occurs in `text`, plus single characters and the placeholder. The words are
 * put in code-unit order (jieba's file already is) and walked as a trie: from each text position the range of
 * words sharing the characters read so far is narrowed by binary search, one character at a time, until no word
 * goes on. The cost grows with the text, not with the text times the dictionary, and nothing is allocated per
 * word or per prefix: the file's lines are addressed by offsets into its one string (a corpus of 1.7 M characters
 * is cut in about a second, with a few megabytes besides the dictionary text).
 */
export function restrictDictionary(dictionary: string, text: string): string {
  let count = 0;
  for (let pos = dictionary.indexOf('\n'); pos >= 0; pos = dictionary.indexOf('\n', pos + 1)) count++;
  count++;
  // Each entry: where its line starts and ends, and where its word (before the first space) ends.
  const lineStart = new Uint32Array(count);
  const lineEnd = new Uint32Array(count);
  const wordEnd = new Uint32Array(count);
  let entries = 0;
  for (let pos = 0; pos < dictionary.length;) {
    let nl = dictionary.indexOf('\n', pos);
    if (nl < 0) nl = dictionary.length;
    const sp = dictionary.indexOf(' ', pos);
    if (sp > pos && sp < nl) {
      lineStart[entries] = pos;
      lineEnd[entries] = nl;
      wordEnd[entries] = sp;
      entries++;
    }
    pos = nl + 1;
  }
  const lengthOf = (e: number) => wordEnd[e]! - lineStart[e]!;
  /** The code unit at `k` of entry e's word, -1 past its end (a shorter word sorts first). */
  const unitOf = (e: number, k: number) => (k < lengthOf(e) ? dictionary.charCodeAt(lineStart[e]! + k) : -1);
  const compare = (a: number, b: number) => {
    const n = Math.min(lengthOf(a), lengthOf(b));
    for (let k = 0; k < n; k++) {
      const d = unitOf(a, k) - unitOf(b, k);
      if (d !== 0) return d;
    }
    return lengthOf(a) - lengthOf(b);
  };
  const order = new Uint32Array(entries);
  let sorted = true;
  for (let e = 0; e < entries; e++) {
    order[e] = e;
    if (e > 0 && sorted && compare(e - 1, e) > 0) sorted = false;
  }
  if (!sorted) order.sort(compare);
  let longest = 0;
  for (let e = 0; e < entries; e++) longest = Math.max(longest, lengthOf(e));
  /** The first place in order[lo, hi) whose unit at k is at least `unit` (the range shares its first k units). */
  const lowerBound = (lo: number, hi: number, k: number, unit: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (unitOf(order[mid]!, k) < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const found = new Uint8Array(entries);
  for (let i = 0; i < text.length; i++) {
    let lo = 0;
    let hi = entries;
    for (let n = 1; n <= longest && i + n <= text.length; n++) {
      const unit = text.charCodeAt(i + n - 1);
      lo = lowerBound(lo, hi, n - 1, unit);
      hi = lowerBound(lo, hi, n - 1, unit + 1);
      if (lo >= hi) break;
      // Words of exactly n units (one, or repeated lines of it) come first in the range.
      if (n >= 2) for (let j = lo; j < hi && lengthOf(order[j]!) === n; j++) found[order[j]!] = 1;
    }
  }
  const kept: string[] = [];
  let removed = 0;
  for (let e = 0; e < entries; e++) {
    if (lengthOf(e) === 1 || found[e] === 1) kept.push(dictionary.slice(lineStart[e], lineEnd[e]));
    else removed += parseInt(dictionary.slice(wordEnd[e]! + 1, wordEnd[e]! + 12), 10) || 0;
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
