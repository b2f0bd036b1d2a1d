/**
 * Questions that need more than one figure ("一共", "哪个最多", "占…的比例", "多多少"): what was
 * asked, and the answer computed from the document's own parsed figures, each operand cited.
 */
import type { Hit } from '../../answer/index.js';
import type { Figure } from '../../facts/index.js';
import type { Operation } from '../../question/index.js';

export { OPERATIONS, type ComputeRequest, type Operation, type SubjectSpec } from '../../question/index.js';

/** One operand: the figure taken from the document, and the hit (fact + citation) it comes from. */
export interface Operand {
  /** The subject as named ("智能制造"). */
  label: string;
  /** The sub-question put to the engine ("智能制造在建项目多少个？"). */
  question: string;
  figure: Figure;
  hit: Hit;
}

/** Why a result is missing or should be read with care; renderers word these per language. */
export type ComputeNote =
  | { code: 'missing'; labels: string[] }
  | { code: 'units-differ'; units: string[] }
  | { code: 'times-differ'; times: string[] }
  | { code: 'approximate'; raws: string[] }
  | { code: 'tie'; labels: string[] }
  | { code: 'group-unknown'; group: string }
  | { code: 'too-few'; count: number };

export interface ComputedResult {
  /** The computed number: scaled out like figure values (元, 户 ...), percent points for shares. */
  value: number;
  /** Unit of `value`: the operands' unit, "%" for a share, "倍" for a multiple. */
  unit: string;
  /** The result written in the document's style: "122个", "587.9亿元", "11.3%". */
  text: string;
  /** True when an operand is approximate (近700人) or the result is rounded (a share). */
  approx: boolean;
  /** For 'max'/'min': the label(s) with the extreme value (several on a tie). */
  winners?: string[];
}

export interface ComputedAnswer {
  kind: 'computed';
  question: string;
  operation: Operation;
  /** Null when an operand is missing or the operands cannot be combined (different units). */
  result: ComputedResult | null;
  /** The working, e.g. "91 + 3 + 28 = 122", "6200 / 54900 ≈ 11.3%"; null without a result. */
  arithmetic: string | null;
  operands: Operand[];
  /** Subjects the document gives no fitting figure for, by name. */
  missing: string[];
  /** False when the operands differ in unit/kind or in the time they refer to. */
  comparable: boolean;
  /** The same notes as `notes`, as one English sentence (logs, JSON); renderers use `notes`. */
  note?: string;
  notes: ComputeNote[];
}
