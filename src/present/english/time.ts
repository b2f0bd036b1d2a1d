/**
 * A time qualifier for an English reader: 截至2019年7月30日 → "as of 30 July 2019",
 * 2019年上半年 → "in the first half of 2019", 同比 → "year on year", 目前 → "currently".
 */
import { renderDateEnglish } from './figure.js';

const PERIODS: Readonly<Record<string, string>> = {
  上半年: 'the first half of',
  下半年: 'the second half of',
  前三季度: 'the first three quarters of',
  一季度: 'the first quarter of',
  二季度: 'the second quarter of',
  三季度: 'the third quarter of',
  四季度: 'the fourth quarter of',
  全年: 'the whole of',
  年初: 'the beginning of',
  年底: 'the end of',
  年末: 'the end of',
};

function piece(p: string): string | null {
  const ascii = p.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!ascii) return null;
  if (ascii === '同比') return 'year on year';
  if (ascii === '环比') return 'on the previous period';
  if (/^(?:目前|现阶段|截至目前)$/.test(ascii)) return ascii === '截至目前' ? 'to date' : 'currently';
  let m = /^(?:比|较)?(\d{4})年同期$/.exec(ascii);
  if (m) return `compared with the same period of ${m[1]}`;
  m = /^为(\d{4})年同期$/.exec(ascii);
  if (m) return `relative to the same period of ${m[1]}`;
  if (/^(?:比|较|为)去年同期$/.test(ascii)) return 'compared with the same period last year';
  // "由去年同期的1.1:50.3:48.6…": the time of the value, not a comparison.
  if (ascii === '去年同期') return 'in the same period last year';
  if (/^(?:比|较)?同期$/.test(ascii)) return 'compared with the same period';
  m = /^截至(.+)$/.exec(ascii);
  if (m) return `as of ${renderDateEnglish(m[1]!)}`;
  m = /^(\d{4})年(上半年|下半年|前三季度|[一二三四]季度|全年|年初|年底|年末)(以来)?$/.exec(ascii);
  if (m) return `${m[3] ? 'since the start of' : 'in'} ${PERIODS[m[2]!]} ${m[1]}`;
  m = /^(?:今年)?(上半年|下半年|前三季度|[一二三四]季度)$/.exec(ascii);
  if (m) return `in ${PERIODS[m[1]!]} the year`;
  m = /^(\d{4})年以来$/.exec(ascii);
  if (m) return `since ${m[1]}`;
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(ascii)) return `on ${renderDateEnglish(ascii)}`;
  if (/^\d{4}年\d{1,2}月(?:末|底|初)$/.test(ascii)) return `at ${renderDateEnglish(ascii)}`;
  if (/^\d{4}年(?:\d{1,2}月)?$/.test(ascii)) return `in ${renderDateEnglish(ascii)}`;
  if (ascii === '今年以来') return 'since the start of this year';
  if (ascii === '今年') return 'this year';
  if (ascii === '去年') return 'last year';
  return null;
}

/** The time qualifier in English, or null when there is none or it is not understood. */
export function renderTimeEnglish(time: string | null | undefined): string | null {
  if (!time) return null;
  const parts = time
    .split(/[，,]/)
    .map(piece)
    .filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : null;
}
