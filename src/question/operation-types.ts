/** What a question over several figures asks for, as read from the question (before any document is consulted). */
import type { FigureKind } from '../facts/index.js';

/** The arithmetic a question asks for. A closed list, so renderers can switch on it. */
/**
 * sum, max, min, ratio and difference are asked for; 'base' and 'rest' are implied: a figure the document gives
 * only as the base of a multiple (74家，为2018年同期认定量的3.4倍 → 2018年同期 ≈ 74 ÷ 3.4), or as a total less what
 * was added (新认定86家，总数达到529家 → before, 529 − 86), computed when it is asked. 'remainder' is a whole less a
 * part the question leaves out (全部投资中项目投资以外的部分 → 246.79 − 220.53).
 */
export const OPERATIONS = ['sum', 'max', 'min', 'ratio', 'difference', 'remainder', 'base', 'rest'] as const satisfies readonly string[];
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
  /** In question order; for 'difference' and 'ratio' the first is the minuend / numerator, for 'remainder' the whole. */
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
