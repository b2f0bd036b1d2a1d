/**
 * Time qualifiers: the words that say when a figure holds (截至2019年7月30日, 2019年上半年,
 * 2018年, 今年以来, 目前) or what it is compared with (同比, 比2018年同期).
 */

export interface TimeMention {
  text: string;
  start: number;
  end: number;
  /** 'point' says when the figure holds; 'compare' says what it is measured against. */
  role: 'point' | 'compare';
}

const D = '[0-9０-９]';
const YEAR = `${D}{4}年`;
const PERIOD = '(?:上半年|下半年|前三季度|一季度|二季度|三季度|四季度|第[一二三四]季度|全年|年初|年底|年末)';
const MONTH_DAY = `${D}{1,2}月(?:${D}{1,2}日|末|底|初|中旬|上旬|下旬)?`;
/** Months of a year counted together: 1-10月, 1至9月份. */
const MONTH_RANGE = `${D}{1,2}(?:-|－|—|～|~|至|到)${D}{1,2}月份?`;

const PATTERNS: ReadonlyArray<readonly [RegExp, TimeMention['role']]> = [
  [new RegExp(`(?:比|较|为)?(?:${YEAR}|去年|上年)?同期`, 'g'), 'compare'],
  [/同比|环比/g, 'compare'],
  [/(?:比|较|与)(?:上年|去年|上年末|上年同月|上月|年初)(?:末|同期|同月)?/g, 'compare'],
  [new RegExp(`截至(?:${YEAR})?(?:${MONTH_DAY})?(?:${PERIOD})?|截至目前`, 'g'), 'point'],
  // (A span of years, 2009年到2010年, 1998年-2008年间: the figure holds for both.)
  [new RegExp(`${YEAR}(?:-|－|—|～|~|至|到)${YEAR}(?:间|度)?`, 'g'), 'point'],
  [new RegExp(`${YEAR}(?:${PERIOD}|${MONTH_RANGE}|${MONTH_DAY})?(?:以来)?`, 'g'), 'point'],
  [new RegExp(`(?<![0-9０-９])${MONTH_RANGE}`, 'g'), 'point'],
  [new RegExp(`(?:今年|去年|本年)(?:${PERIOD})?(?:以来)?|${PERIOD}|目前|现阶段`, 'g'), 'point'],
  [new RegExp(`(?<![0-9０-９年])${D}{1,2}月(?:份|末|底)`, 'g'), 'point'],
];

/** Every time qualifier in `text`, left to right, longest match first where two overlap. */
export function findTimeMentions(text: string): TimeMention[] {
  const found: TimeMention[] = [];
  for (const [re, role] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '截至') continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ text: m[0], start, end, role });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
