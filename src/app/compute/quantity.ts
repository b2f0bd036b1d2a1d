/**
 * Numbers written back the way the document writes them: 58790000000 元 as "587.9亿元" when the
 * operands were written in 亿, 122 个 as "122个".
 */

export interface Scale {
  factor: 1 | 1e4 | 1e8;
  prefix: '' | '万' | '亿';
}

const NONE: Scale = { factor: 1, prefix: '' };

/** The 万/亿 scale every operand was written in ("414.5亿元", "77.7亿元" → 亿), else none. */
export function commonScale(raws: readonly string[]): Scale {
  if (raws.length === 0) return NONE;
  if (raws.every((r) => /亿/.test(r))) return { factor: 1e8, prefix: '亿' };
  if (raws.every((r) => /万/.test(r) && !/亿/.test(r))) return { factor: 1e4, prefix: '万' };
  return NONE;
}

/** Rounds away binary noise (414.5 + 77.7 + 95.7) and trailing zeros; no digit grouping. */
export function formatNumber(n: number, maxDecimals = 4): string {
  const f = 10 ** maxDecimals;
  const rounded = Math.round(n * f) / f;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

/** A value in a scale, without the unit: "587.9" for 58790000000 in 亿. */
export function scaled(value: number, scale: Scale): string {
  return formatNumber(value / scale.factor);
}

/** A value with its scale and unit, document style: "587.9亿元", "122个", "约779人". */
export function formatQuantityZh(value: number, unit: string, scale: Scale, approx = false): string {
  return `${approx ? '约' : ''}${scaled(value, scale)}${scale.prefix}${unit}`;
}
