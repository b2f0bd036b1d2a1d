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
/** Words up to this length are looked up in a set of the corpus's substrings; longer ones are searched for. */
const SUBSTRING_SET_MAX = 8;
/** A private-use character no text contains: carries the frequency of the words left out. */
const PLACEHOLDER = '\uE000';

export function readJiebaDictionary(): Buffer {
  return readFileSync(DICTIONARY_PATH);
}

/** The dictionary's lines whose word occurs in `text`, plus single characters and the placeholder. */
export function restrictDictionary(dictionary: string, text: string): string {
  const substrings = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (let n = 2; n <= SUBSTRING_SET_MAX && i + n <= text.length; n++) substrings.add(text.slice(i, i + n));
  }
  const kept: string[] = [];
  let removed = 0;
  for (let pos = 0; pos < dictionary.length;) {
    let nl = dictionary.indexOf('\n', pos);
    if (nl < 0) nl = dictionary.length;
    const sp = dictionary.indexOf(' ', pos);
    if (sp > pos && sp < nl) {
      const n = sp - pos;
      const word = dictionary.slice(pos, sp);
      const keep = n === 1 || (n <= SUBSTRING_SET_MAX ? substrings.has(word) : text.includes(word));
      if (keep) kept.push(dictionary.slice(pos, nl));
      else removed += parseInt(dictionary.slice(sp + 1, sp + 12), 10) || 0;
    }
    pos = nl + 1;
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

/** The dictionary cut down to `text` (see above), from the cache when it was made before. */
export function corpusDictionary(text: string, options: CorpusDictionaryOptions = {}): Buffer {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const key = createHash('sha256').update(DICTIONARY_PATH).update('\0').update(text).digest('hex').slice(0, 24);
  const file = cacheDir ? join(cacheDir, `jieba-${key}.txt`) : null;
  if (file) {
    try {
      return readFileSync(file);
    } catch {
      // not cached yet
    }
  }
  const restricted = Buffer.from(restrictDictionary(readFileSync(DICTIONARY_PATH, 'utf8'), text));
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
