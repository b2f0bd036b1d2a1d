import { z } from 'zod';

/** What a figure measures. A closed list, so renderers and rankers can switch on it. */
export const FIGURE_KINDS = [
  'count', // 412家, 165个, 5.49万户, 三大
  'people', // 69万人, 近700人
  'money', // 414.5亿元, 5400余万元
  'percent', // 27.4%
  'ratio', // 1：7
  'multiple', // 3.4倍
  'area', // 803平方公里
  'duration', // 3个工作日, 3个小时
  'date', // 2019年7月30日, 2018年
  'magnitude', // 两位数
  'rank', // 位列三县两区第一, 居全省第3位: a place in a ranking
  'label', // "1+1+1+6+10+N", "1+1>2": numbers that name something rather than measure it
  'number', // a bare number with no recognised unit
] as const satisfies readonly string[];

export type FigureKind = (typeof FIGURE_KINDS)[number];

/** What part a figure plays in its sentence (facts/figure-context.ts). */
export const FIGURE_ROLES = [
  'level', // a stock or an amount: 6200户, 5481.6亿元, 67.42% (a rate's level)
  'change', // an absolute increase or decrease, signed: 增加2.3万人, 减少500户 → −500
  'growth', // a growth rate, signed: 增长12.2% → 12.2, 下降3.5% → −3.5
  'share', // a part of a whole: 占全市的27.4%
  'multiple', // 为…的3.4倍
  'points', // a rate's change in percentage points, signed: 提高0.94个百分点
  'rank', // 第3位
  'threshold', // a bound in a definition, never an answer: 亿元以上重点项目
] as const satisfies readonly string[];

export type FigureRole = (typeof FIGURE_ROLES)[number];

export const FigureSchema = z.object({
  /** The figure as written in the document, e.g. "5.49万户". */
  raw: z.string().min(1),
  /** Numeric value with 万/亿 scaled out: 5.49万户 → 54900. NaN never appears; labels carry their first number. */
  value: z.number().finite(),
  /** Unit as written after scaling, e.g. "户", "元", "平方公里", "%". Empty when there is none. */
  unit: z.string(),
  kind: z.enum(FIGURE_KINDS),
  /** True for 近/约/余/多/超/逾 figures ("近700人", "5400余万元"). */
  approx: z.boolean(),
  /** Offsets of `raw` inside the fact text (UTF-16 code units). */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The time qualifier nearest before this figure in its sentence, if any. */
  time: z.string().nullable(),
  /** What the figure is about where it can be told ("常住人口", "国家高新技术企业"). */
  subject: z.string().nullable(),
  /** What is measured, in the document's words ("新登记企业", "生产总值"); never a comparison word or a place. */
  measure: z.string().nullable(),
  role: z.enum(FIGURE_ROLES),
  /** Where the text says 其中: the measure of the whole this figure is a part of. */
  partOf: z.string().nullable(),
  /** The place it is about (浑南区, 洛阳市, 市区), stated before it in the sentence or the document's own. */
  entity: z.string().nullable(),
  /** True when the clause does not name the entity (it comes from the sentence or the document). */
  entityInherited: z.boolean(),
  /** The time it holds for (2019年上半年, 截至2019年7月30日, 年末), stated in its sentence or the document's own. */
  period: z.string().nullable(),
  /** True when the sentence states no time and the period is the document's. */
  periodInherited: z.boolean(),
  /** What it is compared with (同比, 比上年, 比2018年同期), or null. */
  base: z.string().nullable(),
});
export type Figure = z.infer<typeof FigureSchema>;

/**
 * A fact record: one sentence, or one clause of a sentence that chains several facts with "；".
 * `text` is verbatim: document.text.slice(start, end) === text.
 */
export const FactSchema = z.object({
  /** Stable id: `${docId}:${paragraph}.${sentence}.${clause}`. */
  id: z.string().min(1),
  docId: z.string().min(1),
  /** The section heading the fact sits under, or null before the first heading. */
  section: z.string().nullable(),
  /** 1-based paragraph number within the document (headings and the title are not paragraphs). */
  paragraph: z.number().int().positive(),
  /** 1-based sentence number within the paragraph. */
  sentence: z.number().int().positive(),
  /** 1-based clause number within the sentence (1 when the sentence is not split). */
  clause: z.number().int().positive(),
  text: z.string().min(1),
  /** Offsets into the document text (UTF-16 code units, as JavaScript strings index). */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  figures: z.array(FigureSchema),
  /** The time qualifier that applies to the fact as a whole (stated in it, or carried over from its sentence). */
  time: z.string().nullable(),
  /** The main subject/metric of the fact where it can be told. */
  subject: z.string().nullable(),
  /** A table row: its table's title, header cells and own cells (its text is the row as written, TABs and all). */
  row: z
    .object({
      title: z.string().nullable(),
      header: z.array(z.string()),
      cells: z.array(z.string()),
      unit: z.string().nullable().optional(),
    })
    .optional(),
});
export type Fact = z.infer<typeof FactSchema>;
