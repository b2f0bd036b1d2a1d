/**
 * Splits a document's text into blocks (title, headings, paragraphs, source line), sentences and
 * clauses, keeping exact offsets: text.slice(start, end) is always the span's text.
 *
 * The Hunnan profile is laid out the way many Chinese official texts are: paragraphs begin with
 * ideographic spaces (U+3000), several paragraphs may share one line, and section headings sit
 * inline between two runs of ideographic spaces, without sentence-ending punctuation.
 */
import { DEFAULT_SEGMENTATION, type SegmentationParams } from './defaults.js';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type BlockKind = 'title' | 'heading' | 'paragraph' | 'source' | 'row';

export interface Block extends Span {
  kind: BlockKind;
}

export interface SentenceSpan extends Span {
  /** 1-based paragraph number (only 'paragraph' blocks count). */
  paragraph: number;
  /** 1-based sentence number within the paragraph. */
  sentence: number;
  section: string | null;
  /** The clauses of the sentence: one span (the sentence itself) unless it chains facts with "；". */
  clauses: Span[];
  /** For a table row: the table's title, its header cells and the row's cells (TAB-separated, as written). */
  row?: TableRow;
}

export interface TableRow {
  title: string | null;
  /** The header row's cells (empty when the table has none), aligned with `cells`; a header set on two lines is one. */
  header: string[];
  cells: string[];
  /** The unit its table's unit line states ("单位：元" → 元), when it has one. */
  unit?: string | null;
}


const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const OPENERS = new Set(['“', '‘', '（', '(', '《', '「', '『', '【', '[']);
const CLOSERS = new Set(['”', '’', '）', ')', '》', '」', '』', '】', ']']);
const SOURCE_LINE = /^(数据来源|资料来源|来源|出处)[:：]/;
const TERMINAL_PUNCT = /[。！？!?；;，,：:]/;
/** A table's unit line ("单位：元", "（单位：万元）"): the unit of the table below it, not its title. */
const UNIT_LINE = /^[（(]?\s*单\s*位\s*[:：]\s*([^\s（）()]{1,12}?)\s*(?:币\s*种\s*[:：]\s*[^\s（）()]{1,6})?\s*[）)]?$/;
/** A table's unit line ("单位：亿元", "单位:元 币种:人民币", the latter also as two cells): its unit, or null. */
function unitOfLine(text: string): string | null {
  return UNIT_LINE.exec(text.replace(/\t/g, ' ').trim())?.[1] ?? null;
}
/** A form's check boxes ("□是√否", "√适用□不适用"): an answer filled in, never a heading or a table's title. */
const CHECKBOX = /[□√☑☐■]/;
/** A header cell that names a time: 2019年, 2019年末, 2018年度, 第一季度, 上半年, 1-6月. */
export const TIME_CELL =
  /^(?:(?:19|20)\d{2}年(?:末|初|底|度|上半年|下半年|第[一二三四]季度|\d{1,2}(?:[-—~～至]\d{1,2})?月)?(?:金额)?|第[一二三四]季度|[上下]半年|[一二三四]季度|\d{1,2}[-—~～至]\d{1,2}月)$/;

/** Splits text into chunks at line breaks and at runs of ideographic spaces. */
function splitChunks(text: string): Span[] {
  const chunks: Span[] = [];
  const re = /[^\n\r\u3000]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    chunks.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return chunks;
}

function looksLikeHeading(text: string, p: SegmentationParams): boolean {
  return text.length <= p.maxHeadingChars && !TERMINAL_PUNCT.test(text) && !CHECKBOX.test(text);
}

/** Whether a table line is (part of) a header: no figure after its first cell but names of times, and some cell named. */
function headerLike(cells: readonly string[]): boolean {
  const rest = cells.slice(1).map((c) => headerCell(c));
  return rest.some((c) => c !== '') && rest.every((c) => TIME_CELL.test(c) || !/\d/.test(c.replace(/[（(][^（）()]*[）)]/g, '')));
}

/** Growth columns ("同比增减", "比上年增长（%）") stand apart from the period band over the columns before them. */
const GROWTH_CELL = /增减|增长|比上年|同比|增速|增幅/;

/**
 * A header set on two lines, merged column by column: a period over several columns ("\t2019年\t\t2018年\t")
 * spans the columns under it ("金额", "占营业收入比重") up to the next one; a cell cut across the lines
 * ("营业收入比上" / "年同期增减") is joined.
 */
function mergeHeader(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const merged: string[] = [];
  let band = '';
  for (let j = 0; j < width; j++) {
    const up = upper[j] ?? '';
    const low = headerCell(lower[j] ?? '');
    if (up !== '') band = TIME_CELL.test(up) ? up : '';
    const above = up !== '' ? up : band && low !== '' && !GROWTH_CELL.test(low) ? band : '';
    merged.push(`${above}${low}`);
  }
  return merged;
}

/** The whole line a chunk stands on, as written (leading TABs and all). */
function lineOf(text: string, chunk: Span): string {
  const lineStart = text.lastIndexOf('\n', chunk.start - 1) + 1;
  const lineEnd = text.indexOf('\n', chunk.end);
  return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
}

/** A header cell as meant: "单 位" → 单位, "产 量" → 产量 (spaces set between CJK characters for looks). */
function headerCell(cell: string): string {
  return cell.trim().replace(/(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])/g, '');
}

/** Classifies the chunks of a document into title, headings, paragraphs and a source line. */
export function splitBlocks(text: string, p: SegmentationParams = DEFAULT_SEGMENTATION): Block[] {
  const chunks = splitChunks(text);
  return chunks.map((chunk, i): Block => {
    const isLast = i === chunks.length - 1;
    if (/^#{1,6}\s/.test(chunk.text)) {
      const heading = chunk.text.replace(/^#+\s*/, '');
      const start = chunk.end - heading.length;
      return { kind: i === 0 ? 'title' : 'heading', text: heading, start, end: chunk.end };
    }
    // A TAB-separated line is a table row (as copying a web page or a Word table gives), never a heading;
    // so is a header line whose first cell is empty ("\t比上年上涨（%）").
    // A line with TABs only after its text ("分行业\t\t\t", a group's label in a table) is a row too.
    if (lineOf(text, chunk).includes('\t')) return { ...chunk, kind: 'row' };
    if (SOURCE_LINE.test(chunk.text) && chunk.text.length <= p.maxHeadingChars) return { ...chunk, kind: 'source' };
    if (!isLast && looksLikeHeading(chunk.text, p)) return { ...chunk, kind: i === 0 ? 'title' : 'heading' };
    return { ...chunk, kind: 'paragraph' };
  });
}

/** Splits a span at sentence-ending punctuation outside quotes and brackets. */
export function splitSentences(block: Span, p: SegmentationParams = DEFAULT_SEGMENTATION): Span[] {
  return splitAt(block, (ch) => SENTENCE_END.has(ch), true, p.maxQuoteChars);
}

/** Splits a sentence into clauses at "；" outside quotes; short pieces stay joined. */
export function splitClauses(sentence: Span, p: SegmentationParams = DEFAULT_SEGMENTATION): Span[] {
  const pieces = splitAt(sentence, (ch) => ch === '；' || ch === ';', false, p.maxQuoteChars);
  const merged: Span[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && (piece.text.length < p.minClauseChars || prev.text.length < p.minClauseChars)) {
      merged[merged.length - 1] = join(prev, piece, sentence);
    } else merged.push(piece);
  }
  return merged;
}

function join(a: Span, b: Span, within: Span): Span {
  const start = a.start;
  const end = b.end;
  return { text: within.text.slice(start - within.start, end - within.start), start, end };
}

/**
 * Cuts `span` after each character for which `isEnd` holds, at quote depth 0 (closing quotes and
 * brackets right after the cut stay with the piece). Whitespace between pieces is dropped.
 */
function splitAt(span: Span, isEnd: (ch: string) => boolean, closersFollow: boolean, maxQuoteChars: number): Span[] {
  const out: Span[] = [];
  const { text } = span;
  let pieceStart = 0;
  let depth = 0;
  let openedAt = -1;
  const push = (endExclusive: number) => {
    const raw = text.slice(pieceStart, endExclusive);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      const start = span.start + pieceStart + lead;
      out.push({ text: trimmed, start, end: start + trimmed.length });
    }
    pieceStart = endExclusive;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.has(ch)) {
      if (depth === 0) openedAt = i;
      depth++;
    } else if (CLOSERS.has(ch)) {
      depth = Math.max(0, depth - 1);
    }
    if (depth > 0 && i - openedAt > maxQuoteChars) depth = 0;
    if (!isEnd(ch)) continue;
    let j = i + 1;
    if (closersFollow) {
      // "……。”" ends the sentence after the closing quote; so does a run of "！？".
      while (j < text.length && (CLOSERS.has(text[j]!) || SENTENCE_END.has(text[j]!))) {
        if (CLOSERS.has(text[j]!)) depth = Math.max(0, depth - 1);
        j++;
      }
    }
    if (depth > 0) continue;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

/** All sentences of a document with their paragraph, section and clauses. */
export function segmentDocument(text: string, p: SegmentationParams = DEFAULT_SEGMENTATION): { blocks: Block[]; sentences: SentenceSpan[] } {
  const blocks = splitBlocks(text, p);
  const sentences: SentenceSpan[] = [];
  let section: string | null = null;
  let paragraph = 0;
  let table: { title: string | null; unit: string | null; header: string[]; rows: number; headerOpen: boolean } | null = null;
  let previous: Block | null = null;
  // The unit line before a table, and the line before that unit line (the table's title).
  let unitLine: { unit: string; before: Block | null } | null = null;
  const titleLine = (block: Block | null): string | null =>
    block && (block.kind === 'heading' || block.kind === 'paragraph') && block.text.length <= 40 && unitOfLine(block.text) === null
      ? block.text
      : null;
  for (const block of blocks) {
    if (block.kind === 'row') {
      // The whole line, leading TABs and all, so the cells stay aligned with the header's.
      const cells = lineOf(text, block).split('\t');
      // "单位:元\t币种:人民币" set as two cells is the unit line of the table below, not its first row.
      const unitCells: string | null = table ? null : unitOfLine(block.text);
      if (unitCells !== null) {
        unitLine = { unit: unitCells, before: previous };
        previous = block;
        continue;
      }
      if (!table) {
        // A table's title is the short line before it ("表3主要农产品产量"), or before its unit line; after a
        // form's check box ("□是√否") it is the section's. It is the rows' section.
        // (unitLine is set only while the block before is a unit line.)
        const before: Block | null = unitLine ? unitLine.before : previous;
        const title: string | null = before && CHECKBOX.test(before.text) ? section : titleLine(before);
        const unit: string | null = unitLine?.unit ?? null;
        table = { title, unit, header: [], rows: 0, headerOpen: false };
        paragraph++;
      }
      // The header: the table's first line when no cell after the first holds a figure outside brackets
      // ("指数（以上年为100）" is a header cell) but the names of times (2019年, 第一季度); a second header line
      // right under it (its first cell empty, or under a band of periods) is merged into it; further down, a
      // line like it that starts empty or names periods ("\t2019年末\t2018年末") heads the rows below it.
      const like = headerLike(cells);
      const continues =
        like &&
        table.headerOpen &&
        (cells[0]!.trim() === '' || table.header.slice(1).every((h) => h === '' || TIME_CELL.test(h)));
      const opens =
        like &&
        !continues &&
        (table.rows === 0 ? table.header.length === 0 : cells[0]!.trim() === '' || cells.slice(1).some((c) => TIME_CELL.test(headerCell(c))));
      if (continues) table.header = mergeHeader(table.header, cells);
      else if (opens) {
        table.header = cells.map(headerCell);
        table.headerOpen = true;
      } else {
        table.headerOpen = false;
        table.rows++;
        const span = { text: block.text, start: block.start, end: block.end };
        const row: TableRow = { title: table.title, header: table.header, cells, ...(table.unit ? { unit: table.unit } : {}) };
        sentences.push({ ...span, paragraph, sentence: table.rows, section: table.title ?? section, clauses: [span], row });
      }
      previous = block;
      continue;
    }
    table = null;
    const unit = unitOfLine(block.text);
    unitLine = unit !== null ? { unit, before: previous } : null;
    previous = block;
    if (block.kind === 'heading' && /^表\s*\d+/.test(block.text)) continue; // a table's title, not a section
    if (block.kind === 'heading') section = block.text;
    if (block.kind !== 'paragraph') continue;
    paragraph++;
    splitSentences(block, p).forEach((s, k) => {
      sentences.push({ ...s, paragraph, sentence: k + 1, section, clauses: splitClauses(s, p) });
    });
  }
  return { blocks, sentences };
}
