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
  /** The header row's cells (empty when the table has none), aligned with `cells`. */
  header: string[];
  cells: string[];
}


const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const OPENERS = new Set(['“', '‘', '（', '(', '《', '「', '『', '【', '[']);
const CLOSERS = new Set(['”', '’', '）', ')', '》', '」', '』', '】', ']']);
const SOURCE_LINE = /^(数据来源|资料来源|来源|出处)[:：]/;
const TERMINAL_PUNCT = /[。！？!?；;，,：:]/;

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
  return text.length <= p.maxHeadingChars && !TERMINAL_PUNCT.test(text);
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
    if (chunk.text.includes('\t') || lineOf(text, chunk).startsWith('\t')) return { ...chunk, kind: 'row' };
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
  let table: { title: string | null; header: string[]; rows: number } | null = null;
  let previous: Block | null = null;
  for (const block of blocks) {
    if (block.kind === 'row') {
      // The whole line, leading TABs and all, so the cells stay aligned with the header's.
      const cells = lineOf(text, block).split('\t');
      if (!table) {
        // A table's title is the short line before it ("表3主要农产品产量"); it is the rows' section.
        const title = previous && (previous.kind === 'heading' || previous.kind === 'paragraph') && previous.text.length <= 40 ? previous.text : null;
        table = { title, header: [], rows: 0 };
        paragraph++;
      }
      // The header: the table's first line when no cell after the first holds a figure outside brackets
      // ("指数（以上年为100）" is a header cell).
      const isHeader =
        cells.slice(1).every((c) => !/\d/.test(c.replace(/[（(][^（）()]*[）)]/g, ''))) && table.rows === 0 && table.header.length === 0;
      if (isHeader) table.header = cells.map(headerCell);
      else {
        table.rows++;
        const span = { text: block.text, start: block.start, end: block.end };
        sentences.push({ ...span, paragraph, sentence: table.rows, section: table.title ?? section, clauses: [span], row: { title: table.title, header: table.header, cells } });
      }
      previous = block;
      continue;
    }
    table = null;
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
