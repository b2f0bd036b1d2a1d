/**
 * Which figure of the engine's hits is the operand: of a kind that can answer, in a fact that
 * names the subject before the figure, and the figure the nearby words are about. In
 * "市场主体5.49万户，其中新登记企业6200户", 市场主体 is 5.49万户 and 新登记企业 is 6200户; in
 * "双创载体达到61家，其中国家级19家", 国家级双创载体 is 19家 (其中 carries the subject over).
 */
import type { Hit } from '../../answer/index.js';
import { enclosingRatio, type Figure, type FigureKind } from '../../facts/index.js';
import { QUALIFIERS } from '../../question/index.js';

export interface PickRequest {
  /** The subject ("新登记企业"). */
  label: string;
  /** The measure ("计划投资"), or null. */
  metric: string | null;
  kinds: readonly FigureKind[];
  /** The measure word asked for ("个"), a tie-breaker only. */
  classifier: string | null;
  /** Only figures in this unit ("个"), or null for any. */
  unit?: string | null;
}

export interface Picked {
  figure: Figure;
  hit: Hit;
}

/** Share of the subject's characters a fact must show before the figure to count as naming it. */
export const MIN_LABEL_MATCH = 0.75;
/** Share of the measure's characters a fact must show before the figure. */
export const MIN_METRIC_MATCH = 0.5;
/** Words that ask for the whole ("双创载体总数"): preferred in scoring, not required of the fact. */
const WHOLE_WORDS = /(?:的)?(?:总数|总量|总额|累计|全部|所有)$/;
/** Qualifiers that name the whole: asked for, they are required; unasked, the whole is what a bare name means. */
const WHOLE_QUALIFIERS: ReadonlySet<string> = new Set(['总数', '累计']);
/** Score lost for each qualifier (新认定, 国家级 ...) that one side has and the other lacks. */
const QUALIFIER_PENALTY = 20;

/** The best operand figure across the hits, or null when no hit names the subject with a fitting figure. */
export function pickFigure(hits: readonly Hit[], req: PickRequest): Picked | null {
  let best: { picked: Picked; score: number } | null = null;
  hits.forEach((hit, rank) => {
    const text = hit.fact.text;
    const figures = hit.fact.figures;
    figures.forEach((figure, i) => {
      if (!req.kinds.includes(figure.kind)) return;
      if (req.unit != null && figure.unit !== req.unit) return;
      // "6个双创示范园区": the noun may follow the figure, up to the clause's end.
      const after = /^[^，。；：,;]*/.exec(text.slice(figure.end, figures[i + 1]?.start ?? text.length))![0];
      // A table cell is named by its row and its column's header, which its figure's measure holds (牛肉 · 产量), and
      // a 其中 row by the row it is part of (#公路 under 货物运输总量).
      // So is a part read out of a ratio (第一产业投资 0.7 of 0.7:50.7:48.6), by its measure.
      const inRatio = enclosingRatio(figures, figure) !== undefined;
      const named = hit.fact.row || inRatio ? [figure.measure, figure.partOf].filter(Boolean).join('|') : '';
      const prefix = text.slice(0, figure.start) + (named ? `|${named}` : '');
      const label = req.label.replace(WHOLE_WORDS, '') || req.label;
      if (chunkMatch(label, prefix + '|' + after) < MIN_LABEL_MATCH) return;
      // A rate named by its role (增速, 比重) is the figure of that role, however the sentence words it (同比增长15.3%).
      const role = req.metric ? roleNamed(req.metric) : null;
      if (role ? !role.includes(figure.role) : req.metric && chunkMatch(req.metric, prefix + '|' + after) < MIN_METRIC_MATCH) return;
      const own = text.slice(i > 0 ? figures[i - 1]!.end : 0, figure.start);
      const inherited = inheritedContext(text, figures, i);
      const target = req.label + (req.metric ?? '');
      // (A part read out of a ratio has no words of its own between the colons: its measure is what names it.)
      const near = own + '|' + after + (inRatio ? `|${named}` : '');
      const score =
        matchedChars(target, near) +
        0.9 * matchedChars(target, inherited) -
        QUALIFIER_PENALTY * QUALIFIERS.filter((w) => near.includes(w) && !target.includes(w) && !WHOLE_QUALIFIERS.has(w)).length -
        QUALIFIER_PENALTY * QUALIFIERS.filter((w) => target.includes(w) && !(near + inherited + prefix).includes(w)).length +
        (req.classifier && figure.unit === req.classifier ? 3 : 0) +
        (hit.keyFigure === figure || (hit.keyFigure?.start === figure.start && hit.keyFigure.raw === figure.raw) ? 1 : 0) -
        0.5 * rank -
        0.01 * i;
      if (!best || score > best.score) best = { picked: { figure, hit }, score };
    });
  });
  return (best as { picked: Picked } | null)?.picked ?? null;
}

/** The figure roles a measure word names when it names a rate: 增速 a growth rate, 比重 a share. */
function roleNamed(metric: string): readonly Figure['role'][] | null {
  if (/^(?:增速|增幅|增长率|同比增长率|同比增长|增长)$/.test(metric)) return ['growth'];
  if (/^(?:比重|占比|比例)$/.test(metric)) return ['share'];
  return null;
}

/**
 * The words a "其中" figure inherits: for "61家，其中国家级19家" the words before 61家. Empty
 * when the figure's own words do not start with 其中.
 */
function inheritedContext(text: string, figures: readonly Figure[], i: number): string {
  const own = text.slice(i > 0 ? figures[i - 1]!.end : 0, figures[i]!.start);
  if (i === 0 || !/^[，,；;]?\s*其中/.test(own)) return '';
  const prevOwn = text.slice(i > 1 ? figures[i - 2]!.end : 0, figures[i - 1]!.start);
  return prevOwn + inheritedContext(text, figures, i - 1);
}

/**
 * Characters of `needle` covered by substrings of at least two characters that also occur in
 * `hay`, longest first: "博士后工作站" is fully covered by "博士后科研工作站".
 */
export function matchedChars(needle: string, hay: string): number {
  if (!needle || !hay) return 0;
  const covered = new Array<boolean>(needle.length).fill(false);
  for (let len = needle.length; len >= 2; len--) {
    for (let i = 0; i + len <= needle.length; i++) {
      if (covered.slice(i, i + len).some(Boolean)) continue;
      if (hay.includes(needle.slice(i, i + len))) covered.fill(true, i, i + len);
    }
  }
  return covered.filter(Boolean).length;
}

/** matchedChars as a share of the needle, 0–1. */
export function chunkMatch(needle: string, hay: string): number {
  return needle.length ? matchedChars(needle, hay) / needle.length : 0;
}
