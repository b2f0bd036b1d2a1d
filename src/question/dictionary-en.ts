/**
 * English words of a question in the corpus's own Chinese, through CC-CEDICT (data/cedict, made by
 * tools/cedict/build-data.ts): what the statistical vocabulary and a corpus glossary leave unmapped ("complete",
 * "project", "county") is looked up among the senses of the words the corpus actually uses, so a translation is
 * always a word some fact holds. A window of the question's words matches a sense holding all of them (stemmed,
 * in any order: "tertiary industry" is "tertiary sector of industry"); the tightest sense wins, longest window first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { stemmer } from 'stemmer';

/** Words a dictionary sense or a question uses for grammar, not content. */
const FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at for from by with and or as is are was were be been being it its this that these those ' +
    "sb sth sb's sth's one one's oneself etc e.g i.e. used esp especially kind type form certain some any"
  ).split(/\s+/),
);

/** A sense's or a question's content words, lower-cased and stemmed ("to complete (a task)" → ["complet"]). */
export function senseWords(text: string): string[] {
  const plain = text
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z' -]+/g, ' ');
  return (plain.match(/[a-z]+(?:'[a-z]+)?/g) ?? []).filter((w) => !FUNCTION_WORDS.has(w)).map((w) => stemmer(w.replace(/'s$/, '')));
}

/** One sense of a corpus word: its stemmed content words. */
interface Sense {
  zh: string;
  words: readonly string[];
}

export interface DictionaryEn {
  /**
   * The corpus's words for each of the question's unmapped English words (in question order): a run of them one
   * sense covers is rendered by the words of its tightest senses, longest first ("tertiary", "industry" →
   * 第三产业). Words no sense covers are absent.
   */
  translate(words: readonly string[]): Map<string, string[]>;
  /**
   * The words of a Chinese text the corpus never uses that CC-CEDICT knows (two to six characters, longest first),
   * each with the corpus words that share one of its senses: 营收 ("revenue") → 收入, 营业收入. The dictionary as a
   * thesaurus, through English: two words glossed alike are used alike.
   */
  paraphrase(text: string): Paraphrase[];
}

/** A word of a question the corpus does not use, at `start`, and the corpus's words for it. */
export interface Paraphrase {
  word: string;
  start: number;
  alternatives: string[];
}

/** Where the data file stands: data/cedict/ at the package's root, from src/question/ or from dist/. */
function dataFile(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const file = join(dir, 'data', 'cedict', 'cedict-en.tsv.gz');
    if (existsSync(file)) return file;
    dir = dirname(dir);
  }
  return null;
}

/**
 * The dictionary as read once per process: its UTF-8 bytes (3 MB, outside the JavaScript heap) and where each line
 * starts, rather than 105,000 strings; a line is decoded when it is looked at.
 */
interface DictionaryText {
  bytes: Buffer;
  /** The start of every headword line (the comment line is skipped), and the end of the text last. */
  starts: Uint32Array;
  /** One bit per hash of a headword's bytes: most words of a question are no headword, told without a search. */
  heads: Uint8Array;
}

const HEAD_BITS = 1 << 21;

/** FNV-1a over bytes, reduced to HEAD_BITS. */
function headHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0) & (HEAD_BITS - 1);
}

let text: DictionaryText | null = null;

function dictionaryText(): DictionaryText {
  if (text === null) {
    const file = dataFile();
    const bytes = file ? gunzipSync(readFileSync(file)) : Buffer.alloc(0);
    const starts: number[] = [];
    const heads = new Uint8Array(HEAD_BITS >> 3);
    for (let at = 0; at < bytes.length;) {
      const end = bytes.indexOf(0x0a, at);
      const next = end < 0 ? bytes.length : end + 1;
      if (bytes[at] !== 0x23 && next - at > 1) {
        starts.push(at);
        const tab = bytes.indexOf(0x09, at);
        const h = headHash(bytes, at, tab < 0 || tab > next ? next - 1 : tab);
        heads[h >> 3]! |= 1 << (h & 7);
      }
      at = next;
    }
    starts.push(bytes.length);
    text = { bytes, starts: Uint32Array.from(starts), heads };
  }
  return text;
}

/** The senses' text of every headword `accept` takes, in order (a headword is decoded alone first). */
function* dictionaryLines(accept: (zh: string) => boolean): Generator<{ zh: string; senses: string }> {
  const { bytes, starts } = dictionaryText();
  for (let i = 0; i + 1 < starts.length; i++) {
    const start = starts[i]!;
    const tab = bytes.indexOf(0x09, start);
    if (tab < 0) continue;
    const zh = bytes.toString('utf8', start, tab);
    if (accept(zh)) yield { zh, senses: bytes.toString('utf8', tab + 1, starts[i + 1]! - 1) };
  }
}

/**
 * A headword's senses, by binary search over the lines: sorted by headword as the build tool writes them, whose
 * order (UTF-16 code units, all Han characters of the Basic Multilingual Plane) is the order of their UTF-8 bytes.
 */
function sensesOfHeadword(word: string): string[][] | null {
  const { bytes, starts, heads } = dictionaryText();
  const key = Buffer.from(word, 'utf8');
  const h = headHash(key, 0, key.length);
  if ((heads[h >> 3]! & (1 << (h & 7))) === 0) return null;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = starts[mid]!;
    const tab = bytes.indexOf(0x09, start);
    const order = Buffer.compare(bytes.subarray(start, tab), key);
    if (order === 0)
      return bytes
        .toString('utf8', tab + 1, starts[mid + 1]! - 1)
        .split('|')
        .map((sense) => sense.split(' '));
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Whether two words share a sense word for word in CC-CEDICT (修建 and 建造 "to build", 举办 and 举行 "to hold"). */
export function sharesSense(a: string, b: string): boolean {
  if (a === b) return true;
  const own = new Set((sensesOfHeadword(a) ?? []).map((sense) => sense.join(' ')));
  return own.size > 0 && (sensesOfHeadword(b) ?? []).some((sense) => own.has(sense.join(' ')));
}

/** The longest and shortest word a question's text is searched for in the dictionary. */
const MAX_PARAPHRASED = 6;
const MIN_PARAPHRASED = 2;

/** The longest run of a question's words one sense may translate. */
const MAX_WINDOW = 4;
/** At most this many corpus words render one English word. */
const MAX_RENDERINGS = 3;
/** A sense may hold at most this many words besides the window's ("tertiary sector of industry" for 2). */
const MAX_EXTRA = 1;

/**
 * The dictionary restricted to the words `inCorpus` accepts (the corpus's terms), of two characters or more: a
 * single character's senses are too many to guess a document's wording by (首 is "head", and in 首家 "first").
 */
export function corpusDictionaryEn(inCorpus: (zh: string) => boolean): DictionaryEn {
  const byWord = new Map<string, Sense[]>();
  const bySense = new Map<string, string[]>();
  const firstSense = new Map<string, string>();
  for (const { zh, senses: glosses } of dictionaryLines((zh) => zh.length >= 2 && inCorpus(zh))) {
    for (const sense of glosses.split('|')) {
      const entry: Sense = { zh, words: sense.split(' ') };
      if (!firstSense.has(zh)) firstSense.set(zh, sense);
      const alike = bySense.get(sense);
      if (alike) alike.push(zh);
      else bySense.set(sense, [zh]);
      for (const w of new Set(entry.words)) {
        const list = byWord.get(w);
        if (list) list.push(entry);
        else byWord.set(w, [entry]);
      }
    }
  }
  /** The tightest senses holding every word of a window, or none. */
  const senses = (window: readonly string[]): Sense[] => {
    const first = byWord.get(window[0]!) ?? [];
    let best: Sense[] = [];
    let bestExtra = Infinity;
    for (const s of first) {
      if (!window.every((w) => s.words.includes(w))) continue;
      const extra = s.words.length - window.length;
      if (extra > MAX_EXTRA || extra > bestExtra) continue;
      if (extra < bestExtra) {
        best = [];
        bestExtra = extra;
      }
      if (!best.some((b) => b.zh === s.zh)) best.push(s);
    }
    // Several words for one sense: the longest first (第三产业 before 三产), then the corpus's order.
    return best.sort((a, b) => b.zh.length - a.zh.length);
  };
  /**
   * Corpus words glossed alike: sharing two of a word's senses exactly (营收 "sales; income; revenue" and 收入
   * "income; revenue"; 花销 and 支出 "to spend; expenses"), or the first sense of both when it is a phrase (车祸 and
   * 交通事故 "traffic accident"). One other shared sense is not enough: 公园 "park" is not 园区 "park; industrial
   * park", nor 建成区 "built-up area; urban area" 城区, nor 今天 "today; present time" 目前.
   */
  const glossedAlike = (word: string): string[] => {
    const shared = new Map<string, number>();
    const own = sensesOfHeadword(word) ?? [];
    own.forEach((sense, i) => {
      const key = sense.join(' ');
      for (const zh of bySense.get(key) ?? []) {
        if (zh === word) continue;
        // The first sense of both, in several words, is as good as two ("traffic accident": 车祸, 交通事故).
        const firstOfBoth = i === 0 && sense.length > 1 && firstSense.get(zh) === key;
        shared.set(zh, (shared.get(zh) ?? 0) + (firstOfBoth ? 2 : 1));
      }
    });
    return [...shared]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
      .slice(0, MAX_RENDERINGS)
      .map(([zh]) => zh);
  };
  return {
    paraphrase(text) {
      const out: Paraphrase[] = [];
      let i = 0;
      while (i < text.length) {
        let taken = 1;
        for (let n = Math.min(MAX_PARAPHRASED, text.length - i); n >= MIN_PARAPHRASED; n--) {
          const word = text.slice(i, i + n);
          if (!/^[\u4e00-\u9fff]+$/.test(word)) continue;
          // A word the corpus uses is the document's own: nothing to paraphrase, and none inside it.
          if (inCorpus(word)) {
            taken = n;
            break;
          }
          const alternatives = glossedAlike(word);
          if (alternatives.length === 0) continue;
          out.push({ word, start: i, alternatives });
          taken = n;
          break;
        }
        i += taken;
      }
      return out;
    },
    translate(words) {
      const stems = words.map((w) => senseWords(w));
      const renderings = new Map<string, string[]>();
      let i = 0;
      while (i < words.length) {
        let taken = 1;
        for (let n = Math.min(MAX_WINDOW, words.length - i); n >= 1; n--) {
          const window = stems.slice(i, i + n).flat();
          if (window.length === 0) continue;
          const found = senses(window);
          if (found.length === 0) continue;
          // Equally tight senses are alternatives, any of which answers (项目 or 计划 for "project").
          const zh = found.slice(0, MAX_RENDERINGS).map((s) => s.zh);
          for (const w of words.slice(i, i + n)) renderings.set(w, zh);
          taken = n;
          break;
        }
        i += taken;
      }
      return renderings;
    },
  };
}
