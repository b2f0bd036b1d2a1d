/**
 * Questions that need more than one figure ("一共", "哪个最多", "占…的比例", "多多少"): what was
 * asked, and the answer computed from the document's own parsed figures, each operand cited.
 */
import type { Hit } from '../../answer/answer.js';
import type { Figure, FigureKind } from '../../facts/fact.js';

/** The arithmetic a question asks for. A closed list, so renderers can switch on it. */
export const OPERATIONS = ['sum', 'max', 'min', 'ratio', 'difference'] as const satisfies readonly string[];
export type Operation = (typeof OPERATIONS)[number];

/** One thing the question names, before the document is consulted. */
export type SubjectSpec =
  /** A subject named in the question: "院士工作站", "智能制造". */
  | { kind: 'named'; label: string }
  /**
   * A group the document enumerates: "三大主导产业" (size 3, noun 主导产业) or, from "哪个产业",
   * just the noun (size null). Its members are read from the document at compute time.
   */
  | { kind: 'group'; name: string; noun: string; size: number | null };

export interface ComputeRequest {
  /** The question as asked. */
  question: string;
  operation: Operation;
  /** In question order; for 'difference' and 'ratio' the first is the minuend / numerator. */
  subjects: SubjectSpec[];
  /** What is measured for every subject ("在建项目", "计划投资"), or null when the subjects are the measures. */
  metric: string | null;
  /** The measure word the question uses after 多少/几 ("个", "家", "人"), or null. */
  classifier: string | null;
  /** Figure kinds that can answer for each operand, best first. */
  kinds: readonly FigureKind[];
  /** For 'ratio': a share in percent ("占…的比例") or a multiple ("是…的几倍"). */
  ratioAs: 'percent' | 'multiple';
}

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
