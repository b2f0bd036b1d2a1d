/**
 * Toneless pinyin of Chinese words, for reading English questions that name a place in pinyin
 * ("Zhoukou", "Qiandongnan"). pinyin-pro picks each character's reading from its word (重庆 chong, 重要
 * zhong); its tables load at the first call (about 0.2 s), which only an English question makes.
 */
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';

/** pinyin-pro, loaded at the first call: loading it costs a start-up 50–80 ms that only English questions need. */
let pinyin: typeof PinyinPro.pinyin | undefined;

/** 周口市 → ['zhou', 'kou', 'shi']; characters that are not Chinese are left out. */
export function pinyinSyllables(word: string): string[] {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin;
  return pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter((s) => /^[a-z]+$/.test(s));
}
