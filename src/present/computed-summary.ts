/**
 * The wording of a computed answer's summary, in Chinese and English: the headline ("▶ 合计：122个"),
 * the working ("计算: 91 + 3 + 28 = 122") and why a result is missing or should be read with care.
 * render-computed.ts puts the operands, quoted and cited, under it in every medium.
 */
import type { Figure } from '../facts/index.js';
import { describeSubjectEnglish, formatLargeNumber, NO_SUBJECT_NAMES, renderFigureEnglish, type SubjectNames } from './english/index.js';
import type { ComputedAnswer, ComputeNote, Operand } from '../app/index.js';

function labelEn(label: string, names: SubjectNames): string {
  const en = describeSubjectEnglish(label, names);
  return en ? `${en} (${label})` : label;
}

/** The result as a figure, so it renders like the document's own. */
function resultFigure(answer: ComputedAnswer): Figure | null {
  const r = answer.result;
  const first = answer.operands[0]?.figure;
  if (!r || !first) return null;
  const kind = r.unit === '%' ? 'percent' : r.unit === '倍' ? 'multiple' : first.kind;
  // Shares and multiples are shown as rounded as their Chinese text (11.3%, 5.33倍).
  const value = kind === 'percent' ? Math.round(r.value * 10) / 10 : kind === 'multiple' ? Math.round(r.value * 100) / 100 : r.value;
  return { ...first, raw: r.text, value, unit: r.unit, kind, approx: r.approx };
}

function headlineZh(a: ComputedAnswer): string {
  const r = a.result;
  if (!r) return '▶ 无法计算';
  const [x, y] = a.operands.map((o) => o.label);
  switch (a.operation) {
    case 'sum':
      return `▶ 合计：${r.text}`;
    case 'max':
      return `▶ 最多：${r.winners?.join('、')}（${r.text}）`;
    case 'min':
      return `▶ 最少：${r.winners?.join('、')}（${r.text}）`;
    case 'difference':
      if (r.value === 0) return `▶ ${x}与${y}一样多（${a.operands[0]?.figure.raw ?? r.text}）`;
      // Rates differ in points: higher or lower, not more or less.
      if (r.unit === '个百分点') return r.value > 0 ? `▶ ${x}比${y}高${r.text}` : `▶ ${x}比${y}低${r.text.replace('-', '')}`;
      return r.value > 0 ? `▶ ${x}比${y}多${r.text}` : `▶ ${x}比${y}少${r.text.replace('-', '')}`;
    case 'remainder': {
      // Named by what the figures measure (固定资产投资, 项目投资): the labels are the question's, less the measure.
      const [whole, part] = a.operands.map((o) => o.figure.measure ?? o.label);
      return `▶ ${whole}中${part}以外的部分：${r.text}`;
    }
    case 'ratio':
      return r.unit === '倍' ? `▶ ${x}约是${y}的${r.text}` : `▶ ${x}约占${y}的${r.text}`;
    case 'base':
      return `▶ 文档未直接给出，按倍数推算：${y}约${r.text.replace(/^约/, '')}`;
    case 'rest':
      return `▶ 文档未直接给出，由总数减去新增推算：此前为${r.text}`;
  }
}

function headlineEn(a: ComputedAnswer, names: SubjectNames): string {
  const r = a.result;
  const fig = resultFigure(a);
  if (!r || !fig) return '▶ This cannot be computed from the document.';
  const [x, y] = a.operands.map((o) => labelEn(o.label, names));
  const value = renderFigureEnglish(fig);
  switch (a.operation) {
    case 'sum':
      return `▶ Total: ${value}`;
    case 'max':
      return `▶ Largest: ${r.winners?.map((w) => labelEn(w, names)).join(' and ')} — ${value}`;
    case 'min':
      return `▶ Smallest: ${r.winners?.map((w) => labelEn(w, names)).join(' and ')} — ${value}`;
    case 'difference':
      if (r.value === 0) return `▶ ${x} and ${y} are the same: ${a.operands[0] ? renderFigureEnglish(a.operands[0].figure) : value} each`;
      return r.value > 0
        ? `▶ ${x} exceeds ${y} by ${value}`
        : `▶ ${x} is below ${y} by ${renderFigureEnglish({ ...fig, value: -fig.value })}`;
    case 'remainder':
      return `▶ ${x} other than ${y}: ${value}`;
    case 'ratio':
      return r.unit === '倍' ? `▶ ${x} is about ${value} ${y}` : `▶ ${x} is about ${value} of ${y}`;
    case 'base':
      return `▶ Not stated; implied by the multiple: ${value} (${a.operands[1]?.label ?? ''})`;
    case 'rest':
      return `▶ Not stated; the total less what was added: ${value} before`;
  }
}

/** The working in English: "41.45 billion + 7.77 billion + 9.57 billion = 58.79 billion (CNY)". */
function arithmeticEn(a: ComputedAnswer, names: SubjectNames): string | null {
  const r = a.result;
  if (!r || !a.arithmetic) return null;
  const n = (o: Operand) => formatLargeNumber(o.figure.value);
  const unit = a.operands[0]!.figure.unit === '元' ? ' (CNY)' : '';
  const eq = r.approx ? '≈' : '=';
  switch (a.operation) {
    case 'sum':
      return `${a.operands.map(n).join(' + ')} ${eq} ${formatLargeNumber(r.value)}${unit}`;
    case 'max':
    case 'min': {
      const sorted = [...a.operands].sort((p, q) =>
        a.operation === 'max' ? q.figure.value - p.figure.value : p.figure.value - q.figure.value,
      );
      const sign = a.operation === 'max' ? ' > ' : ' < ';
      return (
        sorted
          .map(
            (o, i) =>
              `${i === 0 ? '' : sorted[i - 1]!.figure.value === o.figure.value ? ' = ' : sign}${describeSubjectEnglish(o.label, names) ?? o.label} ${n(o)}`,
          )
          .join('') + unit
      );
    }
    case 'difference':
    case 'remainder':
      return `${n(a.operands[0]!)} − ${n(a.operands[1]!)} ${eq} ${formatLargeNumber(r.value)}${unit}`;
    case 'ratio':
      return `${n(a.operands[0]!)} / ${n(a.operands[1]!)} ≈ ${r.unit === '%' ? `${r.text}` : r.text.replace('倍', '')}`;
    case 'base':
    case 'rest':
      return a.arithmetic;
  }
}

function noteZh(n: ComputeNote): string {
  switch (n.code) {
    case 'missing':
      return `文档中没有找到这些数据：${n.labels.join('、')}，因此无法计算。`;
    case 'units-differ':
      return `这些数据单位不同（${n.units.join('、')}），不能直接相加或比较。`;
    case 'times-differ':
      return `注意：这些数据的时间口径不同（${n.times.join('；')}）。`;
    case 'approximate':
      return `注意：${n.raws.join('、')}是约数，结果也是约数。`;
    case 'tie':
      return `${n.labels.join('与')}数值相同。`;
    case 'group-unknown':
      return `文档没有列出“${n.group}”具体包括哪些。`;
    case 'too-few':
      return '只找到一个数据，无法比较或计算。';
  }
}

function noteEn(n: ComputeNote, names: SubjectNames): string {
  switch (n.code) {
    case 'missing':
      return `The document gives no figure for: ${n.labels.map((l) => labelEn(l, names)).join(', ')} — so this cannot be computed.`;
    case 'units-differ':
      return `These figures are in different units (${n.units.join(', ')}) and cannot be added or compared.`;
    case 'times-differ':
      return `Note: the figures refer to different times (${n.times.join('; ')}).`;
    case 'approximate':
      return `Note: ${n.raws.join(', ')} ${n.raws.length > 1 ? 'are approximate figures' : 'is an approximate figure'}, so the result is approximate too.`;
    case 'tie':
      return `${n.labels.map((l) => labelEn(l, names)).join(' and ')} are equal.`;
    case 'group-unknown':
      return `The document does not list what "${n.group}" includes.`;
    case 'too-few':
      return 'Only one figure was found; there is nothing to compare.';
  }
}

/** The headline ("▶ 合计：122个"), the working ("计算: 91 + 3 + 28 = 122") and the notes: what every rendering starts with. */
export function computedSummaryLines(answer: ComputedAnswer, lang: 'zh' | 'en' = 'zh', names: SubjectNames = NO_SUBJECT_NAMES): string[] {
  const headline =
    lang === 'en' ? headlineEn(answer, names).replace(/^▶ ([a-z])/, (_, c: string) => `▶ ${c.toUpperCase()}`) : headlineZh(answer);
  const lines = [headline];
  const working = lang === 'en' ? arithmeticEn(answer, names) : answer.arithmetic;
  if (working) lines.push(`${lang === 'en' ? 'Working' : '计算'}: ${working}`);
  for (const note of answer.notes) lines.push(lang === 'en' ? noteEn(note, names) : noteZh(note));
  return lines;
}
