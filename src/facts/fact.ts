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
  'label', // "1+1+1+6+10+N", "1+1>2": numbers that name something rather than measure it
  'number', // a bare number with no recognised unit
] as const satisfies readonly string[];

export type FigureKind = (typeof FIGURE_KINDS)[number];

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
});
export type Fact = z.infer<typeof FactSchema>;
