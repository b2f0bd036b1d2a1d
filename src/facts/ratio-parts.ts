/**
 * The parts of an industry structure: "三次产业投资占比…调整为0.7:50.7:48.6" is the first, second and tertiary
 * industries' shares of investment, 0.7%, 50.7% and 48.6% — what a reader asks for ("第二产业投资占比是多少").
 * Only a ratio of three parts that add up to 100 and that names the three industries as its measure is read so;
 * the ratio stays a figure of its own, and each part is a share figure at its own offsets inside it.
 */
import type { Fact, Figure } from './fact.js';

/** The three industries named together: 三次产业, 三大产业, 一二三产业, 一、二、三产业. */
const THREE_INDUSTRIES = /三次产业|三大产业|一二三产业?|一、二、三产业?|一、二、三次产业/;
/** What the structure is of, once the industries and the word for a structure are taken out (投资 of 三次产业投资占比). */
const STRUCTURE_WORDS = new RegExp(`${THREE_INDUSTRIES.source}|结构|占比|比例|比重|构成|之比|的`, 'g');
const ORDINALS = ['第一产业', '第二产业', '第三产业'] as const;

/** The share figures of a fact's industry-structure ratios, to add beside them. */
export function industryShares(fact: Fact): Figure[] {
  const out: Figure[] = [];
  for (const ratio of fact.figures) {
    if (ratio.kind !== 'ratio' || !ratio.measure || !THREE_INDUSTRIES.test(ratio.measure)) continue;
    const parts = [...ratio.raw.matchAll(/[0-9]+(?:\.[0-9]+)?/g)];
    if (parts.length !== 3) continue;
    const values = parts.map((m) => Number(m[0]));
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 0.5) continue;
    const of = ratio.measure.replace(STRUCTURE_WORDS, '');
    parts.forEach((m, k) => {
      const start = ratio.start + m.index;
      out.push({
        ...ratio,
        raw: m[0],
        value: values[k]!,
        unit: '%',
        kind: 'percent',
        approx: false,
        start,
        end: start + m[0].length,
        subject: null,
        measure: `${ORDINALS[k]}${of}`,
        role: 'share',
        partOf: null,
        base: null,
      });
    });
  }
  return out;
}

/** The ratio a figure was read out of (0.7:50.7:48.6 for its 50.7), or undefined. */
export function enclosingRatio(figures: readonly Figure[], f: Figure): Figure | undefined {
  return figures.find((o) => o.kind === 'ratio' && o !== f && o.start <= f.start && o.end >= f.end);
}

/** What the parts read out of a fact's ratios measure (第一产业投资 …): words to find the fact by. */
export function ratioPartMeasures(fact: Fact): string[] {
  return [...new Set(fact.figures.filter((f) => f.measure && enclosingRatio(fact.figures, f)).map((f) => f.measure!))];
}
