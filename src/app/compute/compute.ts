/**
 * Answers a computation from the document's own figures: one sub-question per operand to the
 * engine, the operand's figure picked from the hits, a comparability check, then the arithmetic.
 * Nothing is estimated: a subject without a fitting figure is reported missing, and figures in
 * different units are not combined.
 */
import type { Engine } from '../../answer/index.js';
import type { ComputeNote, ComputedAnswer, ComputedResult, ComputeRequest, Operand } from './computed-answer.js';
import { expandGroup } from './groups.js';
import { pickFigure } from './pick-figure.js';
import { commonScale, formatNumber, formatQuantityZh, roundTo, scaled, type Scale } from './quantity.js';
import { conflictingTimes } from './time-key.js';

export interface ComputeOptions {
  /** Hits asked of the engine per operand; the operand's figure may come from any of them. Default 5, range 1–20. */
  hitsPerOperand?: number;
}

export const DEFAULT_COMPUTE_OPTIONS: Required<ComputeOptions> = { hitsPerOperand: 5 };

/** The sub-question for one operand: "智能制造在建项目有多少个？", "新能源汽车计划投资是多少？". */
export function operandQuestion(label: string, request: Pick<ComputeRequest, 'metric' | 'classifier' | 'kinds'>): string {
  const ask =
    request.kinds[0] === 'money' || request.kinds[0] === 'percent'
      ? '是多少'
      : request.classifier
        ? `有多少${request.classifier}`
        : '有多少';
  return `${label}${request.metric ?? ''}${ask}？`;
}

export function computeAnswer(
  request: ComputeRequest,
  engine: Pick<Engine, 'ask' | 'facts'>,
  options: ComputeOptions = {},
): ComputedAnswer {
  const { hitsPerOperand } = { ...DEFAULT_COMPUTE_OPTIONS, ...options };
  const notes: ComputeNote[] = [];
  const missing: string[] = [];
  const labels: string[] = [];
  for (const subject of request.subjects) {
    if (subject.kind === 'named') {
      labels.push(subject.label);
      continue;
    }
    const members = expandGroup(subject, engine.facts);
    if (members) labels.push(...members);
    else {
      missing.push(subject.name);
      notes.push({ code: 'group-unknown', group: subject.name });
    }
  }

  const asked = labels.map((label) => {
    const question = operandQuestion(label, request);
    const answer = engine.ask(question, { limit: hitsPerOperand });
    return { label, question, hits: answer.kind === 'found' ? answer.hits : [] };
  });
  const pickAll = (kinds: ComputeRequest['kinds'], unit: string | null) =>
    asked.map(({ label, question, hits }) => {
      const picked = pickFigure(hits, { label, metric: request.metric, kinds, classifier: request.classifier, unit });
      return picked ? { label, question, figure: picked.figure, hit: picked.hit } : label;
    });
  let picks = pickAll(request.kinds, null);
  // Picked one by one, operands may land on different measures (91个 against 414.5亿元); when the
  // question allowed several kinds, try again with the measure most operands share.
  const found = picks.filter((p): p is Operand => typeof p !== 'string');
  const majority = mostCommon(found.map((o) => `${o.figure.kind}\u0000${o.figure.unit}`));
  if (majority && new Set(found.map((o) => `${o.figure.kind}\u0000${o.figure.unit}`)).size > 1) {
    const [kind, unit] = majority.split('\u0000') as [Operand['figure']['kind'], string];
    const again = pickAll([kind], unit);
    if (again.every((p) => typeof p !== 'string')) picks = again;
  }
  const operands = picks.filter((p): p is Operand => typeof p !== 'string');
  missing.push(...picks.filter((p): p is string => typeof p === 'string'));
  if (missing.length) notes.push({ code: 'missing', labels: missing });

  const units = [...new Set(operands.map((o) => `${o.figure.kind}:${o.figure.unit}`))];
  const unitsAgree = units.length <= 1;
  if (!unitsAgree) notes.push({ code: 'units-differ', units: [...new Set(operands.map((o) => o.figure.raw))] });
  const times = conflictingTimes(operands.map((o) => o.figure.time));
  if (times.length) notes.push({ code: 'times-differ', times });
  const approx = operands.filter((o) => o.figure.approx).map((o) => o.figure.raw);
  if (approx.length) notes.push({ code: 'approximate', raws: approx });

  let result: ComputedResult | null = null;
  let arithmetic: string | null = null;
  if (missing.length === 0 && unitsAgree && operands.length >= 2) {
    ({ result, arithmetic } = calculate(request, operands, approx.length > 0));
    if (result?.winners && result.winners.length > 1) notes.push({ code: 'tie', labels: result.winners });
  } else if (missing.length === 0 && operands.length < 2) notes.push({ code: 'too-few', count: operands.length });

  return {
    kind: 'computed',
    question: request.question,
    operation: request.operation,
    result,
    arithmetic,
    operands,
    missing,
    comparable: unitsAgree && times.length === 0,
    ...(notes.length ? { note: describeNotes(notes) } : {}),
    notes,
  };
}

function calculate(
  request: ComputeRequest,
  operands: readonly Operand[],
  approx: boolean,
): { result: ComputedResult | null; arithmetic: string | null } {
  const values = operands.map((o) => o.figure.value);
  const unit = operands[0]!.figure.unit;
  const scale = commonScale(operands.map((o) => o.figure.raw));
  const show = (v: number) => scaled(v, scale);
  const unitNote = scaleSuffix(scale, unit);
  const eq = approx ? '≈' : '=';
  switch (request.operation) {
    case 'sum': {
      const total = values.reduce((a, b) => a + b, 0);
      return {
        result: { value: clean(total), unit, text: formatQuantityZh(total, unit, scale, approx), approx },
        arithmetic: `${values.map(show).join(' + ')} ${eq} ${show(total)}${unitNote}`,
      };
    }
    case 'max':
    case 'min': {
      const pick = request.operation === 'max' ? Math.max(...values) : Math.min(...values);
      const winners = operands.filter((o) => o.figure.value === pick).map((o) => o.label);
      const order = [...operands].sort((a, b) =>
        request.operation === 'max' ? b.figure.value - a.figure.value : a.figure.value - b.figure.value,
      );
      const sign = request.operation === 'max' ? ' > ' : ' < ';
      const chain = order
        .map(
          (o, i) =>
            `${i > 0 && order[i - 1]!.figure.value === o.figure.value ? ' = ' : i > 0 ? sign : ''}${o.label} ${show(o.figure.value)}`,
        )
        .join('');
      return {
        result: { value: pick, unit, text: formatQuantityZh(pick, unit, scale), approx, winners },
        arithmetic: `${chain}${unitNote}`,
      };
    }
    case 'base':
    case 'rest':
      // Implied figures are built by app/compute/implied.ts, never asked for as an operation.
      return { result: null, arithmetic: null };
    case 'remainder':
    case 'difference': {
      const [a, b] = values as [number, number];
      const d = a - b;
      // Two rates differ by percentage points (15.3% − 15.2% is 0.1个百分点, not 0.1%).
      if (unit === '%') {
        const points = clean(roundTo(d, 4));
        return {
          result: { value: points, unit: '个百分点', text: `${formatNumber(points, 2)}个百分点`, approx },
          arithmetic: `${show(a)} − ${show(b)} ${eq} ${show(d)}`,
        };
      }
      return {
        result: { value: clean(d), unit, text: formatQuantityZh(d, unit, scale, approx), approx },
        arithmetic: `${show(a)} − ${show(b)} ${eq} ${show(d)}${unitNote}`,
      };
    }
    case 'ratio': {
      const [a, b] = values as [number, number];
      if (b === 0) return { result: null, arithmetic: null };
      if (request.ratioAs === 'multiple') {
        const r = a / b;
        return {
          result: { value: roundTo(r, 4), unit: '倍', text: `${formatNumber(r, 2)}倍`, approx: true },
          arithmetic: `${show(a)} / ${show(b)} ≈ ${formatNumber(r, 2)}`,
        };
      }
      const pct = (a / b) * 100;
      return {
        result: { value: roundTo(pct, 4), unit: '%', text: `${formatNumber(pct, 1)}%`, approx: true },
        arithmetic: `${show(a)} / ${show(b)} ≈ ${formatNumber(pct, 1)}%`,
      };
    }
  }
}

function mostCommon(keys: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
  return best;
}

function clean(n: number): number {
  return roundTo(n, 6);
}

/** "（亿元）" after scaled working, so "414.5 + 77.7 = 492.2（亿元）" keeps its unit; nothing for plain counts. */
function scaleSuffix(scale: Scale, unit: string): string {
  return scale.prefix ? `（${scale.prefix}${unit}）` : '';
}

/** The notes as one English sentence, for logs and JSON. */
export function describeNotes(notes: readonly ComputeNote[]): string {
  return notes
    .map((n) => {
      switch (n.code) {
        case 'missing':
          return `The document gives no figure for: ${n.labels.join(', ')}.`;
        case 'units-differ':
          return `The figures are not comparable (different units: ${n.units.join(', ')}).`;
        case 'times-differ':
          return `The figures refer to different times: ${n.times.join('; ')}.`;
        case 'approximate':
          return `Approximate figures: ${n.raws.join(', ')}.`;
        case 'tie':
          return `Tied: ${n.labels.join(', ')}.`;
        case 'group-unknown':
          return `The document does not list the members of ${n.group}.`;
        case 'too-few':
          return `Only ${n.count} figure found; nothing to compute.`;
      }
    })
    .join(' ');
}
