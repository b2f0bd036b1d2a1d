/**
 * Turns an HTML DOM (a web page, or the HTML that mammoth makes of a .docx) into the corpus's canonical
 * lines: one paragraph per line, headings h1–h6 as "# "/"## " lines, a table row as TAB-separated cells
 * (a colspan followed by empty cells, a rowspan's later rows padded with an empty cell, so columns line
 * up), the caption on the line before the rows. Images, scripts and styles are dropped; with
 * `dropBoilerplate`, navigation, headers, footers, sidebars and forms are dropped too.
 *
 * Works on any DOM with the standard node properties (linkedom's here), typed structurally.
 */
import { isCjk, trimAll } from './util.js';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}

export interface LinesOptions {
  /** Drop nav/header/footer/aside/form and elements whose id, class or role says navigation or footer. */
  dropBoilerplate?: boolean;
  /** Treat tables that hold other tables or long texts as page layout (their cells become paragraphs). */
  detectLayoutTables?: boolean;
}

const ELEMENT = 1;
const TEXT = 3;

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'TITLE',
  'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'TEXTAREA', 'MAP', 'AUDIO', 'VIDEO', 'IMG', 'META', 'LINK', 'PICTURE', 'SOURCE',
]);
const BOILERPLATE_TAGS = new Set(['NAV', 'FOOTER', 'HEADER', 'ASIDE', 'FORM', 'MENU']);
const BOILERPLATE_NAME = /(^|[\s_-])(nav|navbar|navigation|menu|footer|foot|bottom|breadcrumbs?|crumbs?|sidebar|copyright|share|toolbar|topbar|banner|header|head|top)([\s_-]|\d|$)/i;
const BOILERPLATE_ROLE = new Set(['navigation', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'complementary']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'CENTER', 'FORM', 'HR', 'BODY', 'HTML', 'FIELDSET', 'LEGEND',
  'DETAILS', 'SUMMARY', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION',
]);
const HEADING = /^H([1-6])$/;
const MAX_SPAN = 100;
const LAYOUT_CELL_CHARS = 300;

/** Collapses layout whitespace: a run with a line break between CJK characters vanishes, any other run is one space. */
export function collapseWhitespace(raw: string): string {
  const s = raw.replace(/\u200b|\u200c|\u200d|\ufeff|\u00ad/g, '');
  const out = s.replace(/[ \t\n\r\f\u00a0]+/g, (run, offset: number, whole: string) => {
    if (/[\n\r]/.test(run)) {
      const before = whole[offset - 1];
      const after = whole[offset + run.length];
      if (isCjk(before) && isCjk(after)) return '';
    }
    return ' ';
  });
  return trimAll(out);
}

function tagOf(node: DomNode): string {
  return node.nodeName.toUpperCase();
}

function attr(node: DomNode, name: string): string {
  const el = node as DomElement;
  return typeof el.getAttribute === 'function' ? (el.getAttribute(name) ?? '') : '';
}

function children(node: DomNode): DomNode[] {
  return Array.from(node.childNodes);
}

export class LineWriter {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  private pending: string[] = [];

  constructor(private readonly options: LinesOptions = {}) {}

  /** Walks a node and its descendants. */
  walk(node: DomNode): void {
    if (node.nodeType === TEXT) {
      this.pending.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = tagOf(node);
    if (SKIP.has(tag)) return;
    if (this.options.dropBoilerplate && this.isBoilerplate(node, tag)) return;
    if (tag === 'BR') {
      this.flush();
      return;
    }
    const heading = HEADING.exec(tag);
    if (heading) {
      this.flush();
      const text = this.inlineText(node);
      if (text) this.lines.push(`${Number(heading[1]) === 1 ? '#' : '##'} ${text}`);
      return;
    }
    if (tag === 'TABLE') {
      this.flush();
      this.table(node);
      return;
    }
    if (tag === 'PRE') {
      this.flush();
      for (const line of (node.textContent ?? '').split(/\r?\n/)) {
        const t = trimAll(line.replace(/\t/g, ' '));
        if (t) this.lines.push(t);
      }
      return;
    }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    for (const child of children(node)) this.walk(child);
    if (block) this.flush();
  }

  /** Ends the current line. */
  flush(): void {
    if (this.pending.length === 0) return;
    const text = collapseWhitespace(this.pending.join(''));
    this.pending = [];
    if (text) this.lines.push(text);
  }

  private isBoilerplate(node: DomNode, tag: string): boolean {
    if (BOILERPLATE_TAGS.has(tag)) return true;
    const role = attr(node, 'role').toLowerCase();
    if (role && BOILERPLATE_ROLE.has(role)) return true;
    if (tag === 'BODY' || tag === 'HTML') return false;
    const name = `${attr(node, 'id')} ${attr(node, 'class')}`;
    return BOILERPLATE_NAME.test(name);
  }

  /** The text of an element as one line (block children joined by a space). */
  private inlineText(node: DomNode): string {
    const sub = new LineWriter({ ...this.options, detectLayoutTables: false });
    for (const child of children(node)) sub.walk(child);
    sub.flush();
    return sub.lines
      .map((l) => l.replace(/^#+ /, ''))
      .join(' ')
      .replace(/\t/g, ' ');
  }

  private table(table: DomNode): void {
    const rows: DomNode[] = [];
    const captions: DomNode[] = [];
    const collect = (node: DomNode): void => {
      for (const child of children(node)) {
        const tag = child.nodeType === ELEMENT ? tagOf(child) : '';
        if (tag === 'TR') rows.push(child);
        else if (tag === 'CAPTION') captions.push(child);
        else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') collect(child);
      }
    };
    collect(table);
    if (this.options.detectLayoutTables && this.isLayoutTable(table, rows)) {
      for (const child of children(table)) this.walk(child);
      this.flush();
      return;
    }
    for (const caption of captions) {
      const text = this.inlineText(caption);
      if (text) this.lines.push(text);
    }
    // Rows still covered by a rowspan from above, by column.
    const covered = new Map<number, number>();
    for (const row of rows) {
      const cells = children(row).filter((c) => c.nodeType === ELEMENT && (tagOf(c) === 'TD' || tagOf(c) === 'TH'));
      const out: string[] = [];
      let col = 0;
      const skipCovered = (): void => {
        while ((covered.get(col) ?? 0) > 0) {
          covered.set(col, covered.get(col)! - 1);
          out.push('');
          col++;
        }
      };
      for (const cell of cells) {
        skipCovered();
        const colspan = clampSpan(attr(cell, 'colspan'));
        const rowspan = clampSpan(attr(cell, 'rowspan'));
        out.push(this.inlineText(cell));
        for (let k = 1; k < colspan; k++) out.push('');
        if (rowspan > 1) for (let k = 0; k < colspan; k++) covered.set(col + k, rowspan - 1);
        col += colspan;
      }
      // Covered columns after the row's last cell.
      for (const [c, left] of [...covered.entries()].sort((a, b) => a[0] - b[0])) {
        if (c >= col && left > 0) {
          while (col < c) {
            out.push('');
            col++;
          }
          covered.set(c, left - 1);
          out.push('');
          col++;
        }
      }
      if (out.every((c) => c === '')) continue;
      this.lines.push(out.join('\t'));
    }
  }

  private isLayoutTable(table: DomNode, rows: DomNode[]): boolean {
    const nested = (node: DomNode): boolean =>
      children(node).some((c) => c.nodeType === ELEMENT && (tagOf(c) === 'TABLE' || nested(c)));
    if (nested(table)) return true;
    for (const row of rows)
      for (const cell of children(row))
        if (cell.nodeType === ELEMENT && collapseWhitespace(cell.textContent ?? '').length > LAYOUT_CELL_CHARS) return true;
    return false;
  }
}

function clampSpan(raw: string): number {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** The canonical lines of a DOM subtree. */
export function domToLines(root: DomNode, options: LinesOptions = {}): string[] {
  const writer = new LineWriter(options);
  writer.walk(root);
  writer.flush();
  return writer.lines;
}
