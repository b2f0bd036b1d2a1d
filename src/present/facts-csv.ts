/**
 * Every figure of a corpus as a table for analysts: one row per figure, with the document, the section, paragraph
 * and sentence it stands in, its offsets in the document, the figure as written and as read (value, unit, kind,
 * measure, role, entity, period) and the sentence itself. CSV (UTF-8 with a byte-order mark, so spreadsheet
 * programs read the Chinese correctly; quoted by csv-stringify) or JSON lines. `npm run facts` and the bot's
 * /export write it.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { CorpusDocument } from '../corpus/index.js';
import { FIGURE_KINDS, FIGURE_ROLES, type Fact } from '../facts/index.js';

/** One exported figure. Offsets are UTF-16 code units into the document's text, as citations give them. */
export const FigureRowSchema = z.object({
  document: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  paragraph: z.number().int().positive(),
  sentence: z.number().int().positive(),
  clause: z.number().int().positive(),
  fact: z.string(),
  /** The figure's offsets in the document. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  raw: z.string(),
  value: z.number(),
  unit: z.string(),
  kind: z.enum(FIGURE_KINDS),
  approx: z.boolean(),
  measure: z.string().nullable(),
  subject: z.string().nullable(),
  role: z.enum(FIGURE_ROLES),
  partOf: z.string().nullable(),
  entity: z.string().nullable(),
  entityInherited: z.boolean(),
  period: z.string().nullable(),
  periodInherited: z.boolean(),
  base: z.string().nullable(),
  time: z.string().nullable(),
  /** The fact's text (its sentence, or the clause of it), verbatim. */
  text: z.string(),
});
export type FigureRow = z.infer<typeof FigureRowSchema>;

/** The columns, in order: the CSV's header, the keys of each JSON line. */
export const FIGURE_COLUMNS = Object.keys(FigureRowSchema.shape) as (keyof FigureRow)[];

/** What the export reads: an engine's documents and facts (an Engine is one). */
export interface FigureSource {
  readonly documents: readonly CorpusDocument[];
  readonly facts: readonly Fact[];
}

export type FigureFormat = 'csv' | 'jsonl';

/** One row per figure, in document and reading order. */
export function figureRows(source: FigureSource): FigureRow[] {
  const titles = new Map(source.documents.map((d) => [d.id, d.title]));
  return source.facts.flatMap((fact) =>
    fact.figures.map((g): FigureRow => ({
      document: fact.docId,
      title: titles.get(fact.docId) ?? '',
      section: fact.section,
      paragraph: fact.paragraph,
      sentence: fact.sentence,
      clause: fact.clause,
      fact: fact.id,
      start: fact.start + g.start,
      end: fact.start + g.end,
      raw: g.raw,
      value: g.value,
      unit: g.unit,
      kind: g.kind,
      approx: g.approx,
      measure: g.measure,
      subject: g.subject,
      role: g.role,
      partOf: g.partOf,
      entity: g.entity,
      entityInherited: g.entityInherited,
      period: g.period,
      periodInherited: g.periodInherited,
      base: g.base,
      time: g.time,
      text: fact.text,
    })),
  );
}

/** The byte-order mark the CSV starts with. */
export const CSV_BOM = '\uFEFF';

/** Every figure as CSV: BOM, header, one row per figure; empty cells for nulls, CRLF line ends (RFC 4180). */
export function formatFiguresCsv(source: FigureSource): string {
  const rows = figureRows(source).map((row) => FIGURE_COLUMNS.map((c) => cell(row[c])));
  return CSV_BOM + stringify([FIGURE_COLUMNS, ...rows], { record_delimiter: 'windows' });
}

/** Every figure as JSON lines, one object a figure, keys as FIGURE_COLUMNS. */
export function formatFiguresJsonl(source: FigureSource): string {
  return figureRows(source)
    .map((row) => JSON.stringify(row) + '\n')
    .join('');
}

export function formatFigures(source: FigureSource, format: FigureFormat): string {
  return format === 'csv' ? formatFiguresCsv(source) : formatFiguresJsonl(source);
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : String(value);
}
