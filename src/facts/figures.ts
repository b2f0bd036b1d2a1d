/**
 * Finds the figures in a piece of Chinese text: Arabic and Chinese numerals with their
 * 万/亿 scale, approximation markers (近, 约, 余, 多 ...) and units, parsed to numbers.
 */
import type { Figure, FigureKind } from './fact.js';
import { toSimplifiedCharacters } from '../text/index.js';

/** A figure before the fact-level context (time, subject) is attached. */
export type RawFigure = Omit<
  Figure,
  'time' | 'subject' | 'measure' | 'role' | 'partOf' | 'entity' | 'entityInherited' | 'period' | 'periodInherited' | 'base'
>;

interface UnitInfo {
  kind: FigureKind;
  /** The unit as reported (e.g. "个工作日" → "工作日"). */
  unit: string;
}

/** Units, longest first so that "平方公里" wins over "公里" and "个工作日" over "个". */
const UNITS: ReadonlyArray<readonly [string, UnitInfo]> = (
  [
    ['平方公里', { kind: 'area', unit: '平方公里' }],
    ['平方千米', { kind: 'area', unit: '平方千米' }],
    ['平方米', { kind: 'area', unit: '平方米' }],
    ['公顷', { kind: 'area', unit: '公顷' }],
    ['亩', { kind: 'area', unit: '亩' }],
    ['个工作日', { kind: 'duration', unit: '工作日' }],
    ['工作日', { kind: 'duration', unit: '工作日' }],
    ['个小时', { kind: 'duration', unit: '小时' }],
    ['小时', { kind: 'duration', unit: '小时' }],
    ['分钟', { kind: 'duration', unit: '分钟' }],
    ['个月', { kind: 'duration', unit: '月' }],
    ['天', { kind: 'duration', unit: '天' }],
    ['周', { kind: 'duration', unit: '周' }],
    ['年', { kind: 'duration', unit: '年' }],
    ['km²', { kind: 'area', unit: 'km²' }],
    ['km2', { kind: 'area', unit: 'km²' }],
    ['平方英里', { kind: 'area', unit: '平方英里' }],
    ['美元', { kind: 'money', unit: '美元' }],
    ['加元', { kind: 'money', unit: '加元' }],
    ['港元', { kind: 'money', unit: '港元' }],
    ['港币', { kind: 'money', unit: '港币' }],
    ['日元', { kind: 'money', unit: '日元' }],
    ['英镑', { kind: 'money', unit: '英镑' }],
    ['韩元', { kind: 'money', unit: '韩元' }],
    ['澳元', { kind: 'money', unit: '澳元' }],
    ['卢布', { kind: 'money', unit: '卢布' }],
    ['新台币', { kind: 'money', unit: '新台币' }],
    ['人民币', { kind: 'money', unit: '人民币' }],
    ['欧元', { kind: 'money', unit: '欧元' }],
    ['美金', { kind: 'money', unit: '美金' }],
    ['韩圆', { kind: 'money', unit: '韩圆' }],
    ['越南盾', { kind: 'money', unit: '越南盾' }],
    ['新加坡元', { kind: 'money', unit: '新加坡元' }],
    ['台币', { kind: 'money', unit: '台币' }],
    ['澳门元', { kind: 'money', unit: '澳门元' }],
    ['法郎', { kind: 'money', unit: '法郎' }],
    ['卢比', { kind: 'money', unit: '卢比' }],
    ['比索', { kind: 'money', unit: '比索' }],
    ['泰铢', { kind: 'money', unit: '泰铢' }],
    ['元', { kind: 'money', unit: '元' }],
    ['个百分点', { kind: 'percent', unit: '个百分点' }],
    ['百分点', { kind: 'percent', unit: '个百分点' }],
    ['%', { kind: 'percent', unit: '%' }],
    ['％', { kind: 'percent', unit: '%' }],
    ['倍', { kind: 'multiple', unit: '倍' }],
    ['位数', { kind: 'magnitude', unit: '位数' }],
    // Compound units of statistics: passenger- and tonne-kilometres, energy, per-head rates (a person-km is
    // not a person; 元/人 is money per person).
    ['人公里', { kind: 'count', unit: '人公里' }],
    ['吨公里', { kind: 'count', unit: '吨公里' }],
    ['吨标准煤', { kind: 'count', unit: '吨标准煤' }],
    ['千瓦时', { kind: 'count', unit: '千瓦时' }],
    ['千瓦', { kind: 'count', unit: '千瓦' }],
    ['元/人', { kind: 'money', unit: '元/人' }],
    ['元/吨', { kind: 'money', unit: '元/吨' }],
    ['元/平方米', { kind: 'money', unit: '元/平方米' }],
    ['‰', { kind: 'percent', unit: '‰' }],
    ['立方米', { kind: 'count', unit: '立方米' }],
    ['千克', { kind: 'count', unit: '千克' }],
    ['公斤', { kind: 'count', unit: '公斤' }],
    ['人次', { kind: 'people', unit: '人次' }],
    ['人', { kind: 'people', unit: '人' }],
    ['名', { kind: 'people', unit: '名' }],
    ['位', { kind: 'people', unit: '位' }],
    ['公里', { kind: 'count', unit: '公里' }],
    ['千米', { kind: 'count', unit: '千米' }],
    ['米', { kind: 'count', unit: '米' }],
    ['吨', { kind: 'count', unit: '吨' }],
    ['户', { kind: 'count', unit: '户' }],
    ['个', { kind: 'count', unit: '个' }],
    ['家', { kind: 'count', unit: '家' }],
    ['项', { kind: 'count', unit: '项' }],
    ['次', { kind: 'count', unit: '次' }],
    ['条', { kind: 'count', unit: '条' }],
    ['座', { kind: 'count', unit: '座' }],
    ['所', { kind: 'count', unit: '所' }],
    ['件', { kind: 'count', unit: '件' }],
    ['台', { kind: 'count', unit: '台' }],
    ['辆', { kind: 'count', unit: '辆' }],
    ['批', { kind: 'count', unit: '批' }],
    ['种', { kind: 'count', unit: '种' }],
    ['类', { kind: 'count', unit: '类' }],
    ['届', { kind: 'count', unit: '届' }],
    ['部', { kind: 'count', unit: '部' }],
    ['场', { kind: 'count', unit: '场' }],
    ['张', { kind: 'count', unit: '张' }],
    ['枚', { kind: 'count', unit: '枚' }],
    ['处', { kind: 'count', unit: '处' }],
    ['册', { kind: 'count', unit: '册' }],
    ['头', { kind: 'count', unit: '头' }],
    ['只', { kind: 'count', unit: '只' }],
    ['艘', { kind: 'count', unit: '艘' }],
    ['架', { kind: 'count', unit: '架' }],
    ['套', { kind: 'count', unit: '套' }],
    ['间', { kind: 'count', unit: '间' }],
    ['份', { kind: 'count', unit: '份' }],
    ['宗', { kind: 'count', unit: '宗' }],
    ['篇', { kind: 'count', unit: '篇' }],
    ['株', { kind: 'count', unit: '株' }],
    ['岁', { kind: 'count', unit: '岁' }],
    ['大', { kind: 'count', unit: '大' }],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Chinese numerals that are not figures when followed by these (一批 = "a batch", 一体化 ...). */
const CHINESE_IDIOM_AFTER = /^(批|串|体|带|路|大批|次产业)/;

const DIGITS = '0-9０-９';
const CN_DIGITS = '零〇一二两三四五六七八九十百千万亿';
const APPROX_BEFORE = '近|约|逾|超过|超|大约|将近|接近';
const APPROX_AFTER = '余|多';

const DATE_RE = new RegExp(
  // Years counted together (2013-2016年) and months (1-10月): one span each, never a number.
  `[${DIGITS}]{4}(?:-|－|—|～|~|至|到)[${DIGITS}]{4}年` +
    `|(?:[${DIGITS}]{4}年)?[${DIGITS}]{1,2}(?:-|－|—|～|~|至|到)[${DIGITS}]{1,2}月份?` +
    `|[${DIGITS}]{4}年(?:[${DIGITS}]{1,2}月(?:[${DIGITS}]{1,2}日|末|底|初|中旬|上旬|下旬)?)?` +
    `|[${DIGITS}]{1,2}月[${DIGITS}]{1,2}日|[${DIGITS}]{1,2}月(?:末|底|初)`,
  'y',
);
const RATIO_RE = new RegExp(`[${DIGITS}]+(?:\\.[${DIGITS}]+)?(?:[:：比][${DIGITS}]+(?:\\.[${DIGITS}]+)?)+`, 'y');
const LABEL_RE = new RegExp(`[${DIGITS}]+(?:\\s*[+＋>＞<＜=]\\s*(?:[${DIGITS}]+|[A-Za-z]))+`, 'y');
const ARABIC_RE = new RegExp(`[${DIGITS}]{1,3}(?:,[${DIGITS}]{3})+(?:\\.[${DIGITS}]+)?|[${DIGITS}]+(?:\\.[${DIGITS}]+)?`, 'y');
const CHINESE_RE = new RegExp(`[${CN_DIGITS}]+`, 'y');
const APPROX_BEFORE_RE = new RegExp(`(?:${APPROX_BEFORE})$`);
const APPROX_AFTER_RE = new RegExp(`^(?:${APPROX_AFTER})`);
const SCALE_RE = /^(万亿|亿|万|千|百)/;
const MINUS = '-−－';

const SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 };
const CN_DIGIT_VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Parses a Chinese numeral such as "三", "十六", "两", "一百二十", "三千五百万"; NaN when it is not one. */
/** Whether a text is a unit a figure can have ("万人", "亿千瓦时", "%", "元/人"): a table's unit cell, not a label. */
export function isUnitText(text: string): boolean {
  const bare = text.trim().replace(SCALE_RE, '');
  return bare !== '' && (UNITS.some(([u]) => u === bare) || /^[^/／]{1,4}[/／][^/／]{1,3}$/.test(bare));
}

export function parseChineseNumber(s: string): number {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT_VALUE) {
      digit = CN_DIGIT_VALUE[ch]!;
    } else if (ch in CN_UNIT_VALUE) {
      section += (digit < 0 ? 1 : digit) * CN_UNIT_VALUE[ch]!;
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      section += Math.max(digit, 0);
      total = (total + section) * SCALE[ch]!;
      section = 0;
      digit = -1;
    } else return Number.NaN;
  }
  return total + section + Math.max(digit, 0);
}

/** The longest unit is five characters (平方英里, 个工作日, 吨标准煤 …); a scale comes before it. */
const MAX_UNIT_CHARS = 8;

function matchUnit(rest: string): readonly [string, UnitInfo] | undefined {
  return UNITS.find(([u]) => rest.startsWith(u));
}

/** 民国 and its year (digits or Chinese numerals, 元年 for the first), then a month and a day if given. */
const ROC_YEAR_RE = /^民国([0-9０-９]{1,3}|[元一二三四五六七八九十百]{1,4})年((?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日)?)/;

function dateValue(raw: string): number {
  const ascii = toAsciiDigits(raw);
  const y = /(\d{4})年/.exec(ascii)?.[1];
  const m = /(\d{1,2})月/.exec(ascii)?.[1];
  const d = /(\d{1,2})日/.exec(ascii)?.[1];
  return Number(y ?? 0) * 10000 + Number(m ?? 0) * 100 + Number(d ?? 0);
}

/**
 * Every figure in `text`, left to right, non-overlapping. Offsets are relative to `text`.
 * Dates are valued yyyymmdd (2019年7月30日 → 20190730; missing parts are 0).
 */
export function extractFigures(text: string): RawFigure[] {
  const figures: RawFigure[] = [];
  let i = 0;
  while (i < text.length) {
    const found = matchFigureAt(text, i);
    if (found) {
      figures.push(found);
      i = found.end;
    } else i++;
  }
  return figures;
}

function matchAt(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(text)?.[0];
}

function matchFigureAt(text: string, i: number): RawFigure | undefined {
  const ch = text[i]!;
  // "位列沈阳市各区县（市）之首", "居全国首位": the first place of a ranking.
  if (
    (ch === '之' || ch === '首') &&
    /^(?:之首|首位)/.test(text.slice(i, i + 2)) &&
    RANKED_FIRST_BEFORE.test(text.slice(Math.max(0, i - 16), i))
  )
    return { raw: text.slice(i, i + 2), value: 1, unit: '', kind: 'rank', approx: false, start: i, end: i + 2 };
  // "民国28年6月", "民國四十三年": a year of the Republic of China's calendar, a date (1911 + its number).
  if (ch === '民') {
    const roc = ROC_YEAR_RE.exec(toSimplifiedCharacters(text.slice(i, i + 16)));
    const numeral = roc ? toAsciiDigits(roc[1]!) : '';
    const year = !roc ? Number.NaN : numeral === '元' ? 1 : /^\d+$/.test(numeral) ? Number(numeral) : parseChineseNumber(numeral);
    if (roc && Number.isInteger(year) && year >= 1 && year <= 120) {
      const value = dateValue(`${1911 + year}年${roc[2] ?? ''}`);
      return { raw: text.slice(i, i + roc[0].length), value, unit: '', kind: 'date', approx: false, start: i, end: i + roc[0].length };
    }
  }
  const isDigit = /[0-9０-９]/.test(ch);
  const isCn = CN_DIGITS.includes(ch);
  if (!isDigit && !isCn) return undefined;
  const rank = rankAt(text, i);
  if (rank) return rank;
  const date = isDigit ? matchAt(DATE_RE, text, i) : undefined;
  if (date) return { raw: date, value: dateValue(date), unit: '', kind: 'date', approx: false, start: i, end: i + date.length };
  const ratio = isDigit ? matchAt(RATIO_RE, text, i) : undefined;
  if (ratio && !/^\d{1,2}[:：]\d{2}$/.test(toAsciiDigits(ratio))) {
    const first = Number(toAsciiDigits(/[0-9０-９.]+/.exec(ratio)![0]));
    return { raw: ratio, value: first, unit: '', kind: 'ratio', approx: false, start: i, end: i + ratio.length };
  }
  const label = isDigit ? matchAt(LABEL_RE, text, i) : undefined;
  if (label) {
    const first = Number(toAsciiDigits(/[0-9０-９]+/.exec(label)![0]));
    return { raw: label, value: first, unit: '', kind: 'label', approx: false, start: i, end: i + label.length };
  }
  const numeral = matchAt(isDigit ? ARABIC_RE : CHINESE_RE, text, i);
  if (!numeral) return undefined;
  let value = isDigit ? Number(toAsciiDigits(numeral).replace(/,/g, '')) : parseChineseNumber(numeral);
  if (!Number.isFinite(value)) return undefined;
  // "5.城镇居民…" opening a note or a list item numbers it; it is not a figure.
  if (isDigit && (i === 0 || /\s/.test(text[i - 1]!)) && /^[0-9０-９]{1,2}[.．、](?=[\u4e00-\u9fff])/.test(text.slice(i))) return undefined;
  // "[2]" is a note's marker, not a figure.
  if (isDigit && /[[［【]/.test(text[i - 1] ?? '') && /[\]］】]/.test(text[i + numeral.length] ?? '')) return undefined;
  if (!isDigit) {
    if (text[i - 1] === '第') return undefined; // ordinals: 第一资源
    if (/^[万亿千百]+$/.test(numeral) && !/^[百千]+[万亿]$/.test(numeral)) return undefined; // 万人进万企
  }
  let end = i + numeral.length;
  // Units and scales are read in Simplified characters, at the text's own offsets (1138公頃, 27萬人).
  const after = (from: number) => toSimplifiedCharacters(text.slice(from, from + MAX_UNIT_CHARS));
  let approx = false;
  let negative = false;
  let start = i;
  // A minus sign written before the number (自然增长率-0.57‰, a table's −2.0) signs it; between two numbers
  // or after a letter it is a range or a code (2013-2016年, G-3), not a sign.
  if (isDigit && i > 0 && MINUS.includes(text[i - 1]!) && !/[0-9０-９A-Za-z.]/.test(text[i - 2] ?? '')) {
    negative = true;
    start = i - 1;
  }
  const before = APPROX_BEFORE_RE.exec(toSimplifiedCharacters(text.slice(Math.max(0, i - 4), i)));
  if (before) {
    approx = true;
    start = i - before[0].length;
  }
  const takeApproxAfter = () => {
    const m = APPROX_AFTER_RE.exec(after(end));
    if (m) {
      approx = true;
      end += m[0].length;
    }
  };
  takeApproxAfter();
  const scale = isDigit ? SCALE_RE.exec(after(end)) : null;
  if (scale) {
    // Through the decimal exponent, so 290.16亿 is 29016000000 exactly (290.16 × 1e8 is not).
    const factor = SCALE[scale[0]]!;
    const exponent = Math.log10(factor);
    value = isDigit && Number.isInteger(exponent) ? Number(`${toAsciiDigits(numeral).replace(/,/g, '')}e${exponent}`) : value * factor;
    end += scale[0].length;
    takeApproxAfter();
  }
  const unit = matchUnit(after(end));
  if (!isDigit && (!unit || CHINESE_IDIOM_AFTER.test(after(end)))) return undefined;
  // "一个", "一种", "一位" are mostly the article "a", not a count; "一个工作日", "一年" are durations.
  if (!isDigit && numeral === '一' && !approx && unit?.[1].kind !== 'duration') return undefined;
  let kind: FigureKind = 'number';
  let unitText = '';
  // "3年" is a duration; "2019年" was caught as a date above.
  if (unit) {
    kind = unit[1].kind;
    unitText = unit[1].unit;
    end += unit[0].length;
  }
  value = Math.round(value * 1e6) / 1e6;
  if (negative) value = -value;
  return { raw: text.slice(start, end), value, unit: unitText, kind, approx, start, end };
}

/** A ranking's verb, then what is ranked over, before 第: 位列三县两区第一, 居全省第3位, 排名全国第十二. */
const RANKED_BEFORE = /(?:位列|位居|位于|居于|名列|排名|排在|排|居|列)[^，。；,;、]{0,12}第$/;
const RANKED_FIRST_BEFORE = /(?:位列|位居|居于|名列|居)[^，。；,;、]{0,14}$/;
const RANK_RE = new RegExp(`(?:[${DIGITS}]{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?`, 'y');

/** A place in a ranking ("第一" after 位列…), valued by its number; other ordinals (第一资源) are no figures. */
function rankAt(text: string, i: number): RawFigure | undefined {
  if (text[i - 1] !== '第' || !RANKED_BEFORE.test(text.slice(Math.max(0, i - 15), i))) return undefined;
  const numeral = matchAt(RANK_RE, text, i);
  if (!numeral) return undefined;
  const digits = numeral.replace(/[位名]$/, '');
  const value = /[0-9０-９]/.test(digits) ? Number(toAsciiDigits(digits)) : parseChineseNumber(digits);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const end = i + numeral.length;
  return { raw: text.slice(i - 1, end), value, unit: '', kind: 'rank', approx: false, start: i - 1, end };
}

/** The comma piece a figure stands in: the text before it back to the last separator, and after it up to the next. */
export function pieceAround(text: string, figure: { start: number; end: number }): { before: string; after: string } {
  return {
    before:
      text
        .slice(0, figure.start)
        .split(/[，,；;。]/)
        .pop() ?? '',
    after: text.slice(figure.end).split(/[，,；;。]/)[0] ?? '',
  };
}
