/**
 * Figures the document implies rather than states. A question about the base of a stated multiple ("2018年同期
 * 认定了多少家国家高新技术企业？" where the text says "新认定…74家，为2018年同期认定量的3.4倍") is answered as a
 * computation with both operands cited — 74 ÷ 3.4 ≈ 22, marked approximate — instead of "not stated" or the
 * stated figure. Built from a "not stated" answer whose closest fact holds the multiple.
 */
import type { Answer, Hit } from '../../answer/index.js';
import type { Figure } from '../../facts/index.js';
import type { ComputedAnswer } from './computed-answer.js';
import { formatNumber, roundTo } from './quantity.js';

type NotStated = Extract<Answer, { kind: 'not-found' }>;

/** The implied base of a multiple, or null when the refusal is not about one. */
export function impliedBase(answer: NotStated): ComputedAnswer | null {
  const hit = answer.closest;
  const year = /(?:19|20)\d{2}/.exec(answer.missing ?? '')?.[0];
  if (answer.reason !== 'period' || !hit || !year) return null;
  const figures = hit.fact.figures;
  const at = figures.findIndex((f) => f.role === 'multiple' && f.value > 0 && (f.base ?? '').includes(year));
  if (at < 0) return null;
  const multiple = figures[at]!;
  // What the multiple multiplies: the nearest amount stated before it.
  const level = [...figures.slice(0, at)]
    .reverse()
    .find((f) => f.role === 'level' && ['count', 'people', 'money', 'area'].includes(f.kind));
  if (!level) return null;
  const value = level.value / multiple.value;
  const whole = level.kind === 'count' || level.kind === 'people';
  const text = `约${whole ? Math.round(value) : formatNumber(roundTo(value, 2), 2)}${level.unit}`;
  const operand = (figure: Figure, label: string, h: Hit) => ({
    label,
    question: answer.question,
    figure,
    hit: { ...h, keyFigure: figure },
  });
  return {
    kind: 'computed',
    question: answer.question,
    operation: 'base',
    result: { value: roundTo(value, 4), unit: level.unit, text, approx: true },
    arithmetic: `${formatNumber(level.value)} ÷ ${formatNumber(multiple.value)} ≈ ${formatNumber(value, 1)}`,
    operands: [operand(level, level.measure ?? level.raw, hit), operand(multiple, multiple.base ?? '倍数', hit)],
    missing: [],
    comparable: true,
    note: `Implied: the document gives ${level.raw} as ${multiple.raw} of ${multiple.base}; the base is computed, approximately.`,
    // The result is marked approximate (约22家); the multiple itself is as the document states it.
    notes: [],
  };
}
