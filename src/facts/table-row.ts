/**
 * The figures of a table row: each cell's number read with its column's header and the row's label —
 * "茶叶\t13910\t27.4" under "\t产量（吨）\t比上年增长（%）" is 茶叶产量 13910 吨 (a level) and 茶叶产量 27.4% (a
 * growth rate, compared with 比上年). "其中：夏粮" is a part of the row above it. Entity and period are the
 * document's.
 */
import type { TableRow } from '../corpus/index.js';
import type { Fact, FigureKind } from './fact.js';
import type { DocumentContext } from './figure-context.js';

/** "产量（吨）" → 吨; "比上年增长（±%）" → %. */
function unitOf(header: string): string | null {
  const inside = /[（(]\s*[±]?\s*([^（）()]+?)\s*[）)]/.exec(header)?.[1];
  return inside ? inside.replace(/^单位[:：]/, '') : null;
}

function kindOf(unit: string, fallback: FigureKind): FigureKind {
  if (unit === '%' || unit === '％') return 'percent';
  if (/元$/.test(unit)) return 'money';
  if (/人$|人次$/.test(unit)) return 'people';
  if (/公顷|亩|平方/.test(unit)) return 'area';
  return fallback === 'number' ? 'count' : fallback;
}

/** What a column measures, without its unit and comparison: "产量（吨）" → 产量; "比上年增长（%）" → ''. */
function columnMeasure(header: string): string {
  return header
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/比上年|比上年同期|同比|增长|增速|增幅|下降|[±%％]/g, '')
    .trim();
}

/** Fills in the row's figures; returns the row's label when it is a whole (so a 其中 row below is its part). */
export function describeRowFigures(fact: Fact, row: TableRow, doc: DocumentContext, previousWhole: string | null): string | null {
  const rawLabel = (row.cells[0] ?? '').trim();
  const isPart = /^(?:其中|#)[:：]?/.test(rawLabel);
  const label = rawLabel.replace(/^(?:其中|#)[:：]?\s*/, '').replace(/^\d+[.、．]\s*/, '');
  // The row's own unit column ("单位"), when the table has one.
  const unitColumn = row.header.findIndex((h) => /^\s*单位\s*$/.test(h));
  const rowUnit = unitColumn >= 0 ? (row.cells[unitColumn] ?? '').trim() : null;
  const levelColumn = row.header.map(columnMeasure).find((m, i) => i > 0 && m && !/单位/.test(row.header[i]!)) ?? '';
  for (const f of fact.figures) {
    // The fact's text is the row without its leading TABs (empty cells): count the cells before the figure.
    const leading = row.cells.join('\t').length - row.cells.join('\t').trimStart().length;
    const header = row.header[leading + fact.text.slice(0, f.start).split('\t').length - 1] ?? '';
    const growth = /增长|增速|增幅|比上年|同比/.test(header);
    // A cell's sign: "-5.7" under 比上年增长 is a decline.
    if (/[-−－]$/.test(fact.text.slice(0, f.start)) && f.value > 0) f.value = -f.value;
    const unit = unitOf(header) ?? (growth ? '%' : rowUnit) ?? f.unit;
    if (unit && f.unit === '') {
      f.unit = unit === '％' ? '%' : unit;
      f.kind = kindOf(f.unit, f.kind);
    }
    const measure = `${label}${growth ? levelColumn : columnMeasure(header)}`.trim() || label;
    f.measure = measure || null;
    f.role = growth ? 'growth' : 'level';
    f.base = growth ? '比上年' : null;
    f.partOf = isPart && previousWhole ? `${previousWhole}${levelColumn}` : null;
    f.entity = doc.entity;
    f.entityInherited = true;
    f.period = doc.period;
    f.periodInherited = true;
  }
  return isPart ? previousWhole : label;
}
