import { pinyinSyllables } from '../text/index.js';
import type { Synonym } from './synonyms.js';

/** The administrative suffix of a Chinese place name and the English words that say it. */
const SUFFIX_EN: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:特别行政区|自治区|自治州|自治县|地区|新区)$/, 'region|area|prefecture|autonomous prefecture|autonomous region|new area'],
  [/省$/, 'province'],
  [/市$/, 'city|municipality|prefecture'],
  [/州$/, 'prefecture|autonomous prefecture'],
  [/区$/, 'district|area|zone'],
  [/县$/, 'county'],
  [/镇$/, 'town'],
  [/乡$/, 'township'],
];

/**
 * English names of the corpus's places, in pinyin: 周口市 is "Zhoukou" or "Zhoukou City", 黔东南州
 * "Qiandongnan (Prefecture)". A place of one character before its suffix (沈河区 has two) is left out:
 * its pinyin alone names too many things.
 */
export function placeGlossaryEn(places: Iterable<string>): Synonym[] {
  const byCue = new Map<string, Set<string>>();
  for (const place of places) {
    const suffix = SUFFIX_EN.find(([re]) => re.test(place));
    const core = suffix ? place.replace(suffix[0], '') : place;
    if (core.length < 2 || !/^[\u4e00-\u9fff]+$/.test(core)) continue;
    const syllables = pinyinSyllables(core);
    if (syllables.length !== core.length) continue;
    const cue = `\\b${syllables.join("[- ']?")}(?:\\s+(?:${suffix ? suffix[1] : 'city|district|county|province|prefecture'}))?\\b`;
    const terms = byCue.get(cue) ?? new Set();
    terms.add(place);
    if (suffix) terms.add(core);
    byCue.set(cue, terms);
  }
  // Longer names first, so "Shenyang Hunnan" is not cut at Shenyang when both are places.
  return [...byCue]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([cue, terms]) => ({ cue: new RegExp(cue, 'g'), terms: [...terms].join(' '), place: true as const }));
}
