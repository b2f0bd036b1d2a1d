/**
 * The figures of a table row: each cell's number read with its column's header and the row's label —
 * "茶叶\t13910\t27.4" under "\t产量（吨）\t比上年增长（%）" is 茶叶产量 13910 吨 (a level) and 茶叶产量 27.4% (a
 * growth rate, compared with 比上年). "其中：夏粮" is a part of the row above it. Entity and period are the
 * document's.
 */
import type { TableRow } from '../corpus/index.js';
import type { Fact, FigureKind } from './fact.js';
import type { DocumentContext } from './figure-context.js';
import { isUnitText } from './figures.js';

/** "产量（吨）" → 吨; "比上年增长（±%）" → %. */
function unitOf(header: string): string | null {
  const inside = /[（(]\s*[±]?\s*([^（）()]+?)\s*[）)]/.exec(header)?.[1]?.replace(/^单位[:：]\s*/, '');
  // A unit is short ("万吨", "亿元", "%", "元/人"); "以上年为100" says what an index is based on.
  return inside && UNIT_LIKE.test(inside) ? inside : null;
}

const UNIT_LIKE = /^(?:[%％‰]|[十百千万亿]*[\u4e00-\u9fff]{1,4}(?:[/／][\u4e00-\u9fff]{1,3})?)$/u;
/** Column headers that say "the value" and nothing about what is measured. */
const GENERIC_COLUMN = /^(?:绝对数|绝对额|绝对值|数值|数量|总量|年末数|指标|合计|金额|本年|本期|全年)$/;

function kindOf(unit: string, fallback: FigureKind): FigureKind {
  if (unit === '%' || unit === '％') return 'percent';
  if (/元$/.test(unit)) return 'money';
  if (/人$|人次$/.test(unit)) return 'people';
  if (/公顷|亩|平方/.test(unit)) return 'area';
  return fallback === 'number' ? 'count' : fallback;
}

/** The time a column names: "2019年" → 2019年, "2019年末金额" → 2019年末, "第四季度" → 第四季度. */
const COLUMN_TIME =
  /(?:19|20)\d{2}年(?:末|初|底|度)?(?:[上下]半年|第[一二三四]季度|\d{1,2}(?:[-—~～至]\d{1,2})?月)?|第[一二三四]季度|[上下]半年|\d{1,2}[-—~～至]\d{1,2}月/;

/** A column's time, read against the document's year: 第四季度 in a 2019 report is 2019年第四季度. */
function columnPeriod(header: string, documentPeriod: string | null): string | null {
  const time = COLUMN_TIME.exec(header)?.[0];
  if (!time) return null;
  if (/^(?:19|20)\d{2}年/.test(time)) return time;
  const year = /^(?:19|20)\d{2}年/.exec(documentPeriod ?? '')?.[0];
  return year ? `${year}${time}` : time;
}

/** Growth columns: "比上年增长（%）", "同比增减", "本年比上年增减". */
const GROWTH_COLUMN = /增长|增速|增幅|增减|比上年|同比/;

/** What a column measures, without its unit, time and comparison: "产量（吨）" → 产量; "比上年增长（%）" → ''. */
function columnMeasure(header: string): string {
  return header
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(new RegExp(COLUMN_TIME.source, 'g'), '')
    .replace(/本年末?比上年末?|比上年同期|上年同期|比上年|比年初|同比|增减|增长|增速|增幅|涨幅|上涨|下降|减少|[±%％]/g, '')
    .trim()
    .replace(GENERIC_COLUMN, '');
}

/**
 * The text a fact is searched and verified by: its own, and for a table row what a reader of the table sees with it: the row, its table's title and
 * its column headers ("水泥 万吨 1022.88 25.8" is read under "表6 …主要产品产量" and "单位 产量 比上年增长（%）").
 */
export function searchTextOf(fact: Fact): string {
  if (!fact.row) return fact.text;
  return [fact.text, fact.row.title ?? '', fact.row.header.filter((h) => h.trim() !== '').join(' ')].join('\n');
}

/**
 * The nearest text cell before cell `at` (not the row's first), when it holds no figure and is not a unit: a pair's
 * label ("股票代码" before 300617).
 */
function pairLabelOf(cells: readonly string[], at: number): string | null {
  for (let i = at - 1; i > 0; i--) {
    const text = (cells[i] ?? '').trim();
    if (text === '') continue;
    return /\d/.test(text) || text.length < 2 || isUnitText(text) ? null : text;
  }
  return null;
}

/** How many empty cells the row starts with (its text starts after them). */
function leadingEmpty(row: TableRow): number {
  const joined = row.cells.join('\t');
  return joined.length - joined.trimStart().length;
}

/** Fills in the row's figures; returns the row's label when it is a whole (so a 其中 row below is its part). */
/** The place a table's title opens with, after its number and year (表1 凯里市居民消费价格 → 凯里市), or null. */
function placeOfTitle(title: string | null): string | null {
  const m = /^(?:表\s*[0-9０-９]+\s*)?(?:[0-9]{4}年(?:末)?)?\s*([\u4e00-\u9fa5]{2,6}?(?:自治州|自治县|市|县|区|州|省))/.exec(title ?? '');
  return m && !/^全/.test(m[1]!) ? m[1]! : null;
}

export function describeRowFigures(fact: Fact, row: TableRow, doc: DocumentContext, previousWhole: string | null): string | null {
  const rawLabel = (row.cells[0] ?? '').trim();
  const isPart = /^(?:其中|#)[:：]?/.test(rawLabel);
  // "营业收入（元）": the label names its unit in brackets; the measure is the name without it.
  const labelUnit = unitOf(rawLabel);
  const label = rawLabel
    .replace(/^(?:其中|#)[:：]?\s*/, '')
    .replace(/^\d+[.、．]\s*/, '')
    .replace(labelUnit ? /[（(][^（）()]*[）)]\s*$/ : /$^/, '')
    .trim();
  // The row's own unit column ("单位"), when the table has one.
  const unitColumn = row.header.findIndex((h) => /^\s*单位\s*$/.test(h));
  const rowUnit = unitColumn >= 0 ? (row.cells[unitColumn] ?? '').trim() : null;
  // A number in the label ("全州500万元以上固定资产投资", "1.食品烟酒") names the row; it is not a figure.
  const labelEnd = rawLabel.length + (row.cells[0] ?? '').length - (row.cells[0] ?? '').trimStart().length;
  fact.figures = fact.figures.filter((f) => f.start >= labelEnd || leadingEmpty(row) > 0);
  // What a growth column's rate is of: the row's first level column (not its unit, not a share of it).
  const levelColumn =
    row.header.map(columnMeasure).find((m, i) => i > 0 && m && !/单位/.test(row.header[i]!) && !/构成|比重|占比|占/.test(row.header[i]!)) ??
    '';
  const titlePlace = placeOfTitle(row.title);
  for (const f of fact.figures) {
    // The fact's text is the row without its leading TABs (empty cells): count the cells before the figure.
    const leading = leadingEmpty(row);
    const cell = leading + fact.text.slice(0, f.start).split('\t').length - 1;
    const header = row.header[cell] ?? '';
    const growth = GROWTH_COLUMN.test(header);
    // A cell's sign: "-5.7" under 比上年增长 is a decline.
    if (/[-−－]$/.test(fact.text.slice(0, f.start)) && f.value > 0) f.value = -f.value;
    const unit = unitOf(header) ?? (growth ? '%' : rowUnit || labelUnit || row.unit || null) ?? f.unit;
    if (unit && f.unit === '') {
      f.unit = unit === '％' ? '%' : unit;
      f.kind = kindOf(f.unit, f.kind);
    }
    const column = growth ? levelColumn : columnMeasure(header);
    // A row of label–value pairs under no header ("股票简称 | 安靠智电 | 股票代码 | 300617"): a value is what the
    // text cell before it names.
    const pair = header.trim() === '' ? pairLabelOf(row.cells, cell) : null;
    const named = pair ?? label;
    // "肉类总产量" under 产量 is 肉类总产量, not 肉类总产量产量.
    const measure = (named.includes(column) ? named : `${named}${column}`).trim() || named;
    f.measure = measure || null;
    f.role = growth ? 'growth' : /构成|比重|占比|占/.test(header) && f.unit === '%' ? 'share' : 'level';
    f.base = growth ? '比上年' : null;
    f.partOf = isPart && previousWhole ? (previousWhole.includes(levelColumn) ? previousWhole : `${previousWhole}${levelColumn}`) : null;
    // "表1 凯里市居民消费价格": a table its title sets in a place is about that place.
    f.entity = titlePlace ?? doc.entity;
    f.entityInherited = titlePlace === null;
    // A column that names a time (2018年, 2019年末, 第四季度) gives its cells their period.
    const period = growth ? null : columnPeriod(header, doc.period);
    f.period = period ?? doc.period;
    f.periodInherited = period === null;
  }
  return isPart ? previousWhole : label;
}
