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

let lines: readonly string[] | null = null;

/** The dictionary's lines, read once per process (about 110,000). */
function dictionaryLines(): readonly string[] {
  if (lines === null) {
    const file = dataFile();
    lines = file ? gunzipSync(readFileSync(file)).toString('utf8').split('\n') : [];
  }
  return lines;
}

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
  for (const line of dictionaryLines()) {
    const tab = line.indexOf('\t');
    if (tab < 0 || line.startsWith('#')) continue;
    const zh = line.slice(0, tab);
    if (zh.length < 2 || !inCorpus(zh)) continue;
    for (const sense of line.slice(tab + 1).split('|')) {
      const entry: Sense = { zh, words: sense.split(' ') };
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
  return {
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
