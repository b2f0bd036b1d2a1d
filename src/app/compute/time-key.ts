/**
 * When a figure holds, reduced to what matters for comparing it with another: year, half, month,
 * day. "目前" and an unstated time both mean "as the document stands" and match anything;
 * comparison words (同比, 比2018年同期) say what a change is measured against, not when.
 */

/** A comparable key for a figure's time qualifier, or null when it states none. */
export function timeKey(time: string | null): string | null {
  if (!time) return null;
  const point = time
    .split(/[，,]/)
    .filter((p) => !/同比|环比|同期/.test(p))
    .join('');
  const ascii = point.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const year = /(\d{4})年/.exec(ascii)?.[1] ?? '';
  const half = /上半年|下半年|前三季度|[一二三四]季度/.exec(ascii)?.[0] ?? '';
  const month = /(\d{1,2})月/.exec(ascii)?.[1] ?? '';
  const day = /(\d{1,2})日|月(末|底|初)/.exec(ascii);
  const key = [year, half, month, day?.[1] ?? day?.[2] ?? ''];
  return key.some(Boolean) ? key.join('|') : null;
}

/** The distinct stated times among figures, as written, when two of them differ; else []. */
export function conflictingTimes(times: readonly (string | null)[]): string[] {
  const keyed = times.map((t) => ({ t, key: timeKey(t) })).filter((x): x is { t: string; key: string } => x.key !== null);
  const keys = new Set(keyed.map((x) => x.key));
  if (keys.size < 2) return [];
  return [...new Set(keyed.map((x) => x.t))];
}
