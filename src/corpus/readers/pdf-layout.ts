/**
 * Rebuilds canonical text from the positioned text runs of PDF pages (pure, so it is tested on made-up
 * pages as well as real ones):
 *
 * - runs whose baselines are within 0.4 font size are one line, read left to right;
 * - inside a line, a gap over CELL_GAP font sizes (NUMBER_GAP between two figures) separates table
 *   cells, and so does a gap over COLUMN_GAP where lines nearby are white over it too (a table set with
 *   little padding); shorter gaps are spacing, and a
 *   space is kept only between two Latin letters or digits, never next to a CJK character
 *   ("2023 年" → "2023年"; PDF generators put spaces around embedded Latin/digit runs);
 * - running headers and footers are dropped: lines in the top or bottom margin that are page numbers
 *   ("3", "- 3 -", "第3页", "3/13", "Page 3") or that repeat (digits aside) on most pages;
 * - lines join into paragraphs; a new paragraph starts when a line is indented (or centred; not in a
 *   hanging indent, a numbered item whose later lines are indented), the font
 *   size changes, the gap above is large, or the line before ended short of the right margin (a line
 *   ending with 。；：！？ need only be a little short);
 * - lines with two or more cells in a row (a table) become TAB rows, their cells padded to the table's
 *   columns (found by merging the cells' x ranges over the whole table) when every row fits them;
 * - a paragraph in a font at least 1.4 × the body size (a title) becomes a "# " line.
 */
import { isCjk, trimAll } from './util.js';

export interface PdfTextRun {
  str: string;
  /** Left edge and baseline in page space, y growing downwards (top of the page is 0). */
  x: number;
  y: number;
  width: number;
  /** Font size (text-space height). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfTextRun[];
}

export interface PdfLayout {
  text: string;
  /** Offset in text where each page begins (one per input page). */
  pages: number[];
  warnings: string[];
}

/** A gap between runs, in font sizes, that separates table cells. */
const CELL_GAP = 2.5;
/** The same between two figures: number columns sit closer (1.9 font sizes in one annual report), while "表 1  2023 年…" in a title has 1.0. */
const NUMBER_GAP = 1.5;
/** A narrower gap, in font sizes, that separates cells when COLUMN_LINES lines nearby are white there too. */
const COLUMN_GAP = 0.6;
/** A list item's marker (八、, （一）, 1.) or a table's number (表1: its title follows). */
const LIST_MARKER = /^(?:[（(]?[一二三四五六七八九十百\d]{1,3}[）)、.．]|[（(][一二三四五六七八九十百\d]{1,3}[）)]|[•·●■◆○-]|[表图附]\s*[0-9０-９]{1,3}[-.．]?[0-9]{0,2})$/;
/** One CJK character, after a marker at most (#, 其中：, 二、, （一）): "二、农  业" is a heading spaced for looks. */
const LONE_CHAR = /^\s*(?:#|其中[:：]?|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*[\u4e00-\u9fff]\s*$/;
/** How many lines above and below are looked at for the same column, and how many must have it. */
const COLUMN_WINDOW = 4;
const COLUMN_LINES = 2;
/** Top and bottom share of the page where running headers, footers and page numbers live. */
const MARGIN_ZONE = 0.12;
const MAX_TABLE_CELL_CHARS = 40;

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  cells: Cell[];
}

const PAGE_NUMBER = [
  /^[-—–－_~\s]*\d{1,4}[-—–－_~\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^[-—–]?\s*[ivxlc]{1,6}\s*[-—–]?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = trimAll(text);
  return t.length > 0 && t.length <= 20 && PAGE_NUMBER.some((re) => re.test(t));
}

/** Joins two pieces of one line or paragraph: a space only between Latin letters/digits. */
function joinText(left: string, right: string, spaced: boolean): string {
  if (!left) return right;
  if (!right) return left;
  const a = left[left.length - 1]!;
  const b = right[0]!;
  const latin = /[A-Za-z0-9]/;
  const space = spaced && latin.test(a) && latin.test(b) ? ' ' : '';
  return left + space + right;
}

/** Removes spaces next to CJK characters and collapses the others. */
export function tidySpaces(text: string): string {
  const collapsed = text.replace(/[\s\u00a0]+/g, ' ');
  return trimAll(
    collapsed.replace(/ /g, (_, offset: number, whole: string) =>
      isCjk(whole[offset - 1]) || isCjk(whole[offset + 1]) ? '' : ' ',
    ),
  );
}

/** The runs of a page grouped into lines (baselines within 0.4 font size), each read left to right. */
function groupRuns(page: PdfPage): PdfTextRun[][] {
  const runs = page.runs.filter((r) => r.str.trim() !== '' && r.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  let current: PdfTextRun[] = [];
  let y = Number.NaN;
  let size = 0;
  for (const run of runs) {
    if (current.length && Math.abs(run.y - y) <= 0.4 * Math.min(size, run.size)) {
      current.push(run);
      continue;
    }
    if (current.length) groups.push(current);
    current = [run];
    y = run.y;
    size = run.size;
  }
  if (current.length) groups.push(current);
  for (const group of groups) group.sort((a, b) => a.x - b.x);
  return groups;
}

/**
 * Every page's lines with their cells. The cell breaks are decided over the document's lines in reading order,
 * so that a table row at the foot of a page is read with the rows the next page continues it with.
 */
function groupLines(input: readonly PdfPage[]): Line[][] {
  const pages = input.map(groupRuns);
  const all = pages.flat();
  const breaks = all.map(cellBreaks);
  confirmColumnBreaks(all, breaks);
  let at = 0;
  return pages.map((groups, pageIndex) => groups.map((group) => lineOf(group, breaks[at++]!, pageIndex)).filter((l) => l.cells.length > 0));
}

function lineOf(group: readonly PdfTextRun[], breaks: readonly Break[], pageIndex: number): Line {
  const cells: Cell[] = [];
  let cell: Cell | undefined;
  let prevEnd = 0;
  group.forEach((run, j) => {
    const gap = run.x - prevEnd;
    if (!cell || breaks[j] === 'cell') {
      cell = { text: run.str, x0: run.x, x1: run.x + run.width };
      cells.push(cell);
    } else {
      cell.text = joinText(cell.text, run.str, gap > 0.15 * run.size || /\s$/.test(cell.text) || /^\s/.test(run.str));
      cell.x1 = Math.max(cell.x1, run.x + run.width);
    }
    prevEnd = Math.max(prevEnd, run.x + run.width);
  });
  for (const c of cells) c.text = tidySpaces(c.text);
  const sizes = group.map((r) => r.size).sort((a, b) => a - b);
  return {
    page: pageIndex,
    y: group[0]!.y,
    size: sizes[sizes.length >> 1]!,
    x0: cells[0]!.x0,
    x1: cells[cells.length - 1]!.x1,
    cells: cells.filter((c) => c.text !== ''),
  };
}

/** Before each run of a line: a cell break, a gap that is one if the lines around break there too, or none. */
type Break = 'cell' | 'maybe' | null;

function cellBreaks(group: readonly PdfTextRun[]): Break[] {
  let prevEnd = 0;
  let prevSize = 0;
  let text = '';
  return group.map((run, j) => {
    const gap = run.x - prevEnd;
    const size = Math.max(run.size, prevSize);
    // Two figures side by side are two cells even when the columns are close ("-19,572,506.45  -17,828,357.07").
    const figures = j > 0 && /[0-9%]\s*$/.test(text) && /^\s*([-+−]|[0-9])/.test(run.str);
    const hard = j > 0 && (gap > CELL_GAP * size || (figures && gap > NUMBER_GAP * size));
    // Not a list's marker and its item ("八、  是否…"), nor the letters of a name spaced to fill its cell ("鲜  菜").
    const soft = j > 0 && !hard && gap > COLUMN_GAP * size && !LIST_MARKER.test(text.trim()) && !(LONE_CHAR.test(text) && /^\s*[\u4e00-\u9fff]/.test(run.str));
    text = hard ? run.str : text + run.str;
    prevEnd = Math.max(prevEnd, run.x + run.width);
    prevSize = run.size;
    return j === 0 || hard ? 'cell' : soft ? 'maybe' : null;
  });
}

/**
 * A narrow gap is a cell break where lines around it have white space over it too: the columns of a table set
 * with little padding (a web page printed to PDF) leave a gutter down the rows, left-, right- or centre-aligned;
 * the spaces of prose do not line up.
 */
function confirmColumnBreaks(groups: readonly PdfTextRun[][], breaks: Break[][]): void {
  const gaps = groups.map(gapsOf);
  groups.forEach((group, g) => {
    group.forEach((run, j) => {
      if (breaks[g]![j] !== 'maybe') return;
      const a = Math.max(...group.slice(0, j).map((r) => r.x + r.width));
      const b = run.x;
      const need = Math.min(b - a, run.size) * 0.5;
      let lines = 0;
      for (let o = Math.max(0, g - COLUMN_WINDOW); o <= Math.min(groups.length - 1, g + COLUMN_WINDOW); o++) {
        if (o !== g && gaps[o]!.some(([c, d]) => Math.min(b, d) - Math.max(a, c) >= need)) lines++;
      }
      breaks[g]![j] = lines >= COLUMN_LINES ? 'cell' : null;
    });
  });
}

/** The white spaces inside a line, between its first and its last character, as x ranges. */
function gapsOf(group: readonly PdfTextRun[]): [number, number][] {
  const out: [number, number][] = [];
  let end = Number.NaN;
  for (const run of group) {
    if (run.x > end) out.push([end, run.x]);
    end = Number.isNaN(end) ? run.x + run.width : Math.max(end, run.x + run.width);
  }
  return out;
}

const lineText = (line: Line): string => line.cells.map((c) => c.text).join('');

/** Drops page numbers and running headers/footers (lines in the margin zones that repeat on most pages). */
function dropHeadersAndFooters(pages: Line[][], heights: number[]): Line[][] {
  const inMargin = (line: Line): boolean => {
    const h = heights[line.page] ?? 0;
    return h > 0 && (line.y < h * MARGIN_ZONE || line.y > h * (1 - MARGIN_ZONE));
  };
  const edgeLines = (lines: Line[]): Line[] => [...lines.slice(0, 2), ...lines.slice(-2)].filter(inMargin);
  const key = (line: Line): string => lineText(line).replace(/\d+/g, '#').replace(/\s/g, '');
  const seen = new Map<string, Set<number>>();
  for (const lines of pages)
    for (const line of edgeLines(lines)) {
      const k = key(line);
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k)!.add(line.page);
    }
  const withText = pages.filter((p) => p.length > 0).length;
  const repeated = new Set([...seen].filter(([, on]) => on.size >= 3 && on.size >= withText * 0.5).map(([k]) => k));
  return pages.map((lines) => {
    const edges = new Set(edgeLines(lines));
    return lines.filter((line) => {
      if (!edges.has(line)) return true;
      if (line.cells.length === 1 && isPageNumber(lineText(line))) return false;
      if (repeated.has(key(line))) return false;
      return true;
    });
  });
}

/** The most frequent value (in steps of `step`); ties go to the smaller value, or the larger with `preferLarge`. */
function mode(values: number[], step: number, preferLarge = false): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [k, c] of counts)
    if (c > bestCount || (c === bestCount && best !== undefined && (preferLarge ? k > best : k < best))) [best, bestCount] = [k, c];
  return best === undefined ? undefined : best * step;
}

/** Whether a line is a table row: two or more cells, all short. */
function isTableRow(line: Line): boolean {
  return line.cells.length >= 2 && line.cells.every((c) => c.text.length <= MAX_TABLE_CELL_CHARS);
}

/** Pads the rows of one table to its columns (merged x ranges of all cells), when every row fits. */
function alignTable(rows: Line[]): string[] {
  const ranges = rows.flatMap((r) => r.cells.map((c) => [c.x0, c.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const columns: [number, number][] = [];
  for (const [x0, x1] of ranges) {
    const last = columns[columns.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else columns.push([x0, x1]);
  }
  const maxCells = Math.max(...rows.map((r) => r.cells.length));
  const plain = rows.map((r) => r.cells.map((c) => c.text).join('\t'));
  if (columns.length < maxCells || columns.length > maxCells * 2) return plain;
  const aligned: string[] = [];
  for (const row of rows) {
    const out = new Array<string>(columns.length).fill('');
    for (const cell of row.cells) {
      const col = columns.findIndex(([a, b]) => cell.x0 >= a - 0.01 && cell.x1 <= b + 0.01);
      if (col < 0 || out[col] !== '') return plain;
      out[col] = cell.text;
    }
    aligned.push(out.join('\t'));
  }
  return aligned;
}

export function layoutPdf(input: PdfPage[]): PdfLayout {
  const warnings: string[] = [];
  const pages = dropHeadersAndFooters(
    groupLines(input),
    input.map((p) => p.height),
  );
  const all = pages.flat();
  const textLines = all.filter((l) => !isTableRow(l));
  const bodySize = mode(textLines.map((l) => l.size), 0.5) ?? 10;
  const body = textLines.filter((l) => Math.abs(l.size - bodySize) <= bodySize * 0.15);
  const left = mode(body.map((l) => l.x0), 2) ?? 0;
  // The right margin from full prose lines (starting at the left margin, with some CJK text), so that
  // table-like lines that were not split into cells do not pull it.
  const prose = body.filter((l) => Math.abs(l.x0 - left) <= l.size * 2.5 && (lineText(l).match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 10);
  const right = mode((prose.length ? prose : body).map((l) => l.x1), 2, true) ?? Number.POSITIVE_INFINITY;
  const spacing = mode(
    body.slice(1).map((l, i) => (l.page === body[i]!.page ? l.y - body[i]!.y : 0)).filter((d) => d > 0),
    0.5,
  ) ?? bodySize * 1.5;

  interface Block {
    text: string;
    /** Pages that begin inside this block, with the offset within the block where they do. */
    pageStarts: [number, number][];
    title?: boolean;
    /** Where the block's first line starts (paragraphs only). */
    firstX0?: number;
  }
  const blocks: Block[] = [];
  let para: Block | undefined;
  let prev: Line | undefined;
  /** The lines of the paragraph being built. */
  let paraLines: Line[] = [];
  const startedPages = new Set<number>();

  const noteStart = (block: Block, line: Line, at: number): void => {
    if (startedPages.has(line.page)) return;
    startedPages.add(line.page);
    block.pageStarts.push([line.page, at]);
  };

  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (isTableRow(line)) {
      const rows: Line[] = [];
      // A header of one cell standing over a column right above the rows ("比上年上涨（%）" over the figures) is the
      // table's first line, not a paragraph.
      const header = paraLines.length === 1 ? paraLines[0]! : null;
      const second = line.cells[1];
      const carried: [number, number][] = [];
      if (
        header &&
        para &&
        blocks[blocks.length - 1] === para &&
        header.cells.length === 1 &&
        header.cells[0]!.text.length <= MAX_TABLE_CELL_CHARS &&
        second !== undefined &&
        header.x0 >= second.x0 - header.size &&
        header.page === line.page
      ) {
        blocks.pop();
        carried.push(...para.pageStarts);
        rows.push(header);
      }
      para = undefined;
      paraLines = [];
      while (i < all.length && isTableRow(all[i]!)) rows.push(all[i++]!);
      i--;
      const texts = alignTable(rows);
      rows.forEach((row, k) => {
        const block: Block = { text: texts[k]!, pageStarts: k === 0 ? carried : [] };
        noteStart(block, row, 0);
        blocks.push(block);
      });
      prev = rows[rows.length - 1];
      continue;
    }
    const text = lineText(line);
    const prevFull = prev !== undefined && prev.x1 >= right - 2 * prev.size;
    // A hanging indent (a numbered item whose first line starts at the margin and whose next lines are
    // indented under its text) continues the item when the line above was full.
    const hanging =
      para !== undefined && prev !== undefined && prevFull && (para.firstX0 ?? 0) <= left + 0.5 * line.size && line.x0 <= left + 3 * line.size;
    const indented = line.x0 > left + 1.2 * line.size && !hanging;
    const sizeChanged = prev !== undefined && Math.abs(prev.size - line.size) > 0.2 * Math.min(prev.size, line.size);
    const bigGap = prev !== undefined && prev.page === line.page && line.y - prev.y > Math.max(spacing * 1.6, line.size * 2.2);
    const prevText = prev ? lineText(prev) : '';
    // A line that stops short because the figure or word it would end with did not fit ("…增长" / "12.8%，…") goes on.
    const unbroken = /^[0-9A-Za-z.,%‰+\-−]+[%‰]?[，、。；：）)]?/.exec(text)?.[0].length ?? 0;
    const roomLeft = prev === undefined ? 0 : right - prev.x1;
    const wrapped = unbroken > 0 && !/[。；：！？!?;:]$/.test(prevText) && roomLeft < (unbroken * 0.6 + 1) * line.size;
    const prevShort =
      prev !== undefined &&
      !wrapped &&
      (prev.x1 < right - 2 * prev.size || (/[。；：！？!?;:]$/.test(prevText) && prev.x1 < right - 0.5 * prev.size));
    if (!para || indented || sizeChanged || bigGap || prevShort) {
      para = { text: '', pageStarts: [], title: line.size >= bodySize * 1.4, firstX0: line.x0 };
      blocks.push(para);
      paraLines = [];
    }
    paraLines.push(line);
    para.text = joinText(para.text, text, true);
    noteStart(para, line, para.text.length - text.length);
    prev = line;
  }

  let text = '';
  const pageOffsets = new Array<number | undefined>(input.length).fill(undefined);
  for (const block of blocks) {
    if (!block.text) continue;
    if (text) text += '\n';
    const prefix = block.title && block.text.length <= 60 ? '# ' : '';
    for (const [page, at] of block.pageStarts) pageOffsets[page] = text.length + (at === 0 ? 0 : prefix.length + at);
    text += prefix + block.text;
  }
  // A page without text begins where the next page with text does (or at the end).
  let next = text.length;
  for (let p = input.length - 1; p >= 0; p--) {
    if (pageOffsets[p] === undefined) pageOffsets[p] = next;
    else next = pageOffsets[p]!;
  }
  if (pageOffsets.length) pageOffsets[0] = 0;
  input.forEach((p, i) => {
    if (!p.runs.some((r) => r.str.trim())) warnings.push(`page ${i + 1} has no text layer (an image or a blank page?)`);
  });
  return { text, pages: pageOffsets as number[], warnings };
}
