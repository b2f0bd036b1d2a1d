/** One document of the corpus, as loaded: a text file's text is exactly its content; other formats' text is what their reader made of them. */
export interface CorpusDocument {
  /** File name without extension, e.g. "hunnan-2019". */
  id: string;
  title: string;
  /** Who published it ("中共浑南区委宣传部"), or null when unknown. */
  publisher: string | null;
  /** The period the document covers, or null when unknown. */
  period: string | null;
  /** A date the file itself states (its publication date, yyyy-mm-dd), or null. */
  date?: string | null;
  /** Where the page says its information comes from ("信息来源：省发改委"), or null. */
  source?: string | null;
  /** The section of its site it is filed under, from the page's breadcrumb ("投资管理和项目推进 › 投资运行"), or null. */
  column?: string | null;
  /** The unit credited at its end, as Chinese official news closes ("（德清县发改局）"), or null. */
  contributor?: string | null;
  /** The file it was read from, relative to the corpus folder. */
  file: string;
  /** The reader that read it ("text", "docx", "pdf", "html"). */
  format?: string;
  /** For paged formats: pages[i] is the offset in `text` where page i + 1 begins; null otherwise. */
  pages?: readonly number[] | null;
  /** The document as its reader gave it (a text file exactly as in the file): offsets cite this. */
  text: string;
}
