// Every figure of the corpus as CSV, for analysts (/export): one row per figure with where it stands (document,
// section, paragraph, sentence, clause, offsets into the document text) and what it is (raw text, value, unit,
// kind, measure, role, entity, period). UTF-8 with a byte-order mark and CRLF line ends, so spreadsheet
// programs open the Chinese correctly. (A minimal formatter: `npm run facts` of issue 13 writes the same fields.)
import type { CorpusDocument } from '../corpus/index.js';
import type { Fact } from '../facts/index.js';

export const FIGURE_CSV_COLUMNS = [
  'document',
  'title',
  'section',
  'paragraph',
  'sentence',
  'clause',
  'start',
  'end',
  'raw',
  'value',
  'unit',
  'kind',
  'measure',
  'role',
  'entity',
  'period',
  'sentence_text',
] as const;

/** One CSV field: quoted when it holds a comma, a quote, a line break or leading/trailing space. */
function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function figuresCsv(
  documents: readonly Pick<CorpusDocument, 'id' | 'title'>[],
  facts: readonly Fact[],
): { csv: string; rows: number } {
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const lines = [FIGURE_CSV_COLUMNS.join(',')];
  for (const fact of facts) {
    for (const figure of fact.figures) {
      lines.push(
        [
          fact.docId,
          titles.get(fact.docId) ?? '',
          fact.section,
          fact.paragraph,
          fact.sentence,
          fact.clause,
          fact.start + figure.start,
          fact.start + figure.end,
          figure.raw,
          figure.value,
          figure.unit,
          figure.kind,
          figure.measure,
          figure.role,
          figure.entity,
          figure.period,
          fact.text,
        ]
          .map(field)
          .join(','),
      );
    }
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
