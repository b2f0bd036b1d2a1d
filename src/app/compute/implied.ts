/**
 * Figures the document implies rather than states. A question about the base of a stated multiple ("2018年同期
 * 认定了多少家国家高新技术企业？" where the text says "新认定…74家，为2018年同期认定量的3.4倍") is answered as a
 * computation with both operands cited — 74 ÷ 3.4 ≈ 22, marked approximate — instead of "not stated" or the
 * stated figure. Built from a "not stated" answer whose closest fact holds the multiple. Likewise a question
 * about what there was before a stated addition ("上半年之前已有多少家科技型中小企业？" where the text says
 * "上半年新认定86家，总数达到529家"): 529 − 86 = 443.
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

/** "…之前已有多少…": a question about what there was before the period's additions. */
const BEFORE = /(?:之前|以前|此前)(?:已有|已经有|共有|有|原有)?|原有|原来有/;
const ADDED = /(?:新认定|新增|新登记|新引进|新签约|新开工|新建|新注册)(?:了)?$/;
const TOTAL = /(?:总数|总量|累计|共有|总计|合计)(?:达到|达|为|已达|已达到)?$|(?:已达到|已达|达到)$/;

/** The total less what was added, when the question asks what there was before; else null. */
export function impliedRest(question: string, hit: Hit | undefined): ComputedAnswer | null {
  if (!hit || !BEFORE.test(question)) return null;
  const text = hit.fact.text;
  const figures = hit.fact.figures.filter((f) => f.role === 'level' && (f.kind === 'count' || f.kind === 'people' || f.kind === 'money'));
  const before = (f: Figure) => text.slice(Math.max(0, f.start - 6), f.start);
  const added = figures.find((f) => ADDED.test(before(f)));
  const total = added && figures.find((f) => f !== added && f.unit === added.unit && TOTAL.test(before(f)) && f.value > added.value);
  if (!added || !total) return null;
  const value = total.value - added.value;
  const operand = (figure: Figure, label: string) => ({ label, question, figure, hit: { ...hit, keyFigure: figure } });
  const unitText = total.raw.replace(/^[^\u4e00-\u9fa5]*/, '').replace(/^[万亿]/, '');
  return {
    kind: 'computed',
    question,
    operation: 'rest',
    result: { value, unit: total.unit, text: `${formatNumber(value)}${unitText || total.unit}`, approx: total.approx || added.approx },
    arithmetic: `${formatNumber(total.value)} − ${formatNumber(added.value)} = ${formatNumber(value)}`,
    operands: [operand(total, total.measure ?? '总数'), operand(added, added.measure ?? '新增')],
    missing: [],
    comparable: true,
    note: `Implied: the total ${total.raw} less the ${added.raw} added.`,
    notes: [],
  };
}
