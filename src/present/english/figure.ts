/**
 * A parsed figure written for an English reader: 69万人 → "690,000 people", 414.5亿元 →
 * "CNY 41.45 billion", 5.49万户 of 市场主体 → "54,900 market entities", 近700人 → "nearly 700
 * people", 2019年7月30日 → "30 July 2019".
 */
import type { Figure } from '../../facts/index.js';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The words an English reader expects before an approximate figure. */
function approxWord(raw: string): string | null {
  if (/^(?:将近|接近|近)/.test(raw)) return 'nearly';
  if (/^(?:大约|约)/.test(raw)) return 'about';
  if (/^(?:超过|超|逾)/.test(raw) || /[0-9０-９一二三四五六七八九十百千][余多]/.test(raw)) return 'over';
  return null;
}

/** [singular, plural] nouns for a counted unit, chosen by what the figure is about. */
const COUNT_NOUNS: ReadonlyArray<readonly [unit: string, subject: RegExp | null, singular: string, plural: string]> = [
  ['户', /市场主体/, 'market entity', 'market entities'],
  ['户', /企业/, 'enterprise', 'enterprises'],
  ['户', null, 'household', 'households'],
  ['家', /载体|孵化器|众创/, 'incubator', 'incubators'],
  ['家', /平台/, 'platform', 'platforms'],
  ['家', /企业/, 'enterprise', 'enterprises'],
  ['个', /项目/, 'project', 'projects'],
  ['个', /工作站/, 'workstation', 'workstations'],
  ['个', /园区/, 'park', 'parks'],
  ['个', /平台/, 'platform', 'platforms'],
  ['个', /联盟/, 'alliance', 'alliances'],
  ['个', /事项/, 'service', 'services'],
  ['个', /区县/, 'district or county', 'districts and counties'],
  ['个', /领域/, 'sub-sector', 'sub-sectors'],
  ['次', /联系|走访|方式/, 'contact', 'contacts'],
  ['次', /座谈会/, 'symposium', 'symposiums'],
  ['次', null, 'time', 'times'],
  ['条', /铁路/, 'railway line', 'railway lines'],
  ['大', /产业/, 'industry', 'industries'],
  ['项', null, 'item', 'items'],
  ['人次', null, 'person-time', 'person-times'],
];

const PEOPLE_UNITS: ReadonlySet<string> = new Set(['人', '名', '位']);
const DURATIONS: Readonly<Record<string, readonly [string, string]>> = {
  工作日: ['working day', 'working days'],
  小时: ['hour', 'hours'],
  分钟: ['minute', 'minutes'],
  天: ['day', 'days'],
  周: ['week', 'weeks'],
  月: ['month', 'months'],
  年: ['year', 'years'],
};
const AREAS: Readonly<Record<string, string>> = { 平方公里: 'km²', 平方千米: 'km²', 平方米: 'm²', 公顷: 'hectares', 亩: 'mu' };
const CURRENCIES: Readonly<Record<string, string>> = { 元: 'CNY', 美元: 'USD', 欧元: 'EUR' };

/** 41450000000 → "41.45 billion", 54000000 → "54 million", 6200 → "6,200". */
export function formatLargeNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${NUMBER.format(n / 1e9)} billion`;
  if (abs >= 1e6) return `${NUMBER.format(n / 1e6)} million`;
  return NUMBER.format(n);
}

function plural(n: number, [one, many]: readonly [string, string]): string {
  return n === 1 ? one : many;
}

/** "2019年7月30日" → "30 July 2019", "2019年6月" → "June 2019", "2019年7月末" → "end of July 2019". */
export function renderDateEnglish(raw: string): string {
  const ascii = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const y = /(\d{4})年/.exec(ascii)?.[1];
  const mNum = /(\d{1,2})月/.exec(ascii)?.[1];
  const d = /(\d{1,2})日/.exec(ascii)?.[1];
  const month = mNum ? MONTHS[Number(mNum) - 1] : undefined;
  const edge = /月(末|底)/.test(ascii) ? 'the end of ' : /月初/.test(ascii) ? 'the beginning of ' : '';
  const parts = [d, month, y].filter(Boolean).join(' ');
  return `${edge}${parts}` || raw;
}

export function renderFigureEnglish(figure: Pick<Figure, 'raw' | 'value' | 'unit' | 'kind' | 'approx' | 'subject'>): string {
  const { value, unit, kind, subject, raw } = figure;
  const about = figure.approx ? approxWord(raw) : null;
  const withApprox = (s: string) => (about ? `${about} ${s}` : s);
  switch (kind) {
    case 'money': {
      const currency = CURRENCIES[unit];
      return withApprox(currency ? `${currency} ${formatLargeNumber(value)}` : `${formatLargeNumber(value)} ${unit}`.trim());
    }
    case 'people':
      return withApprox(
        unit === '人次'
          ? `${NUMBER.format(value)} ${plural(value, ['person-time', 'person-times'])}`
          : `${NUMBER.format(value)} ${plural(value, ['person', 'people'])}`,
      );
    case 'percent':
      return withApprox(
        unit === '个百分点' ? `${NUMBER.format(value)} percentage ${plural(value, ['point', 'points'])}` : `${NUMBER.format(value)}%`,
      );
    case 'multiple':
      return withApprox(`${NUMBER.format(value)} times`);
    case 'area':
      return withApprox(`${NUMBER.format(value)} ${AREAS[unit] ?? unit}`.trim());
    case 'duration': {
      const noun = DURATIONS[unit];
      return withApprox(noun ? `${NUMBER.format(value)} ${plural(value, noun)}` : `${NUMBER.format(value)} ${unit}`.trim());
    }
    case 'date':
      return renderDateEnglish(raw);
    case 'rank':
      return `No. ${NUMBER.format(value)}`;
    case 'magnitude':
      return value === 2 ? 'double-digit' : value === 3 ? 'triple-digit' : `${value}-digit`;
    case 'ratio':
      return raw.replace(/[：比]/g, ':');
    case 'label':
      return raw;
    case 'count': {
      if (PEOPLE_UNITS.has(unit)) return withApprox(`${NUMBER.format(value)} ${plural(value, ['person', 'people'])}`);
      const entry = COUNT_NOUNS.find(([u, re]) => u === unit && (re === null || re.test(subject ?? '')));
      const n = formatLargeNumber(value);
      return withApprox(entry ? `${n} ${plural(value, [entry[2], entry[3]])}` : n);
    }
    case 'number':
      return withApprox(formatLargeNumber(value));
  }
}
