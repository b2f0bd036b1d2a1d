/**
 * The plug-in interface for document readers: one reader per file format turns a file's bytes into the
 * corpus's canonical plain text (see ReadDocument.text), which the rest of the engine segments and cites.
 */

export interface ReaderLimits {
  /** Largest input in bytes (already enforced by the caller, given for decompressed sizes). */
  maxBytes: number;
  /** Largest text a reader may produce, in characters (decompression bombs, runaway PDFs). */
  maxChars: number;
  /** Wall-clock budget for one file in ms; a reader that exceeds it gives up with a ReaderError. */
  timeoutMs: number;
}
export class ReaderError extends Error { constructor(message: string) { super(message); this.name = 'ReaderError'; } }
/** What a reader makes of one file. */
export interface ReadDocument {
  /** The document as plain text in the corpus's canonical form: one paragraph per line; a heading on a line of its own starting with "# " (or "## "); a table row as one line with cells separated by TAB ("\t"), a table's title on the line before its first row; no page headers/footers/page numbers. Citations are offsets into this text. */
  text: string;
  /** For paged formats: pages[i] is the offset in `text` where page i+1 begins (pages[0] === 0). */
  pages?: number[];
  /** Metadata the file itself carries (docx core properties, PDF info/title, HTML <title>/meta), when present. */
  title?: string;
  publisher?: string;
  /** A date the file states (publication date, yyyy-mm-dd), when present. */
  date?: string;
  /** Where a web page says its information comes from (信息来源：…), when it does. */
  source?: string;
  /** A web page's place in its site (its breadcrumb after 首页, " › "-joined), when it shows one. */
  column?: string;
  /** Things worth telling the user (a table cell that could not be aligned, a page with no text layer). */
  warnings: string[];
}
export interface DocumentReader {
  /** Short name for messages: "docx", "pdf", "html", "text". */
  readonly name: string;
  /** Lower-case extensions with the dot: [".docx"]. */
  readonly extensions: readonly string[];
  /** Whether the bytes are of this format (magic numbers / content sniffing). A file whose bytes do not match its extension is refused by the caller with a warning. */
  sniff(bytes: Uint8Array): boolean;
  /** Reads one file; throws ReaderError with a short reason ("encrypted PDF", "no text layer (a scan?)", "corrupt zip", "not a Word document") when it cannot. */
  read(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadDocument>;
}
