/** One document of the corpus, as loaded: the text is exactly the file's content. */
export interface CorpusDocument {
  /** File name without extension, e.g. "hunnan-2019". */
  id: string;
  title: string;
  /** Who published it ("中共浑南区委宣传部"), or null when unknown. */
  publisher: string | null;
  /** The period the document covers, or null when unknown. */
  period: string | null;
  /** The file it was read from, relative to the corpus folder. */
  file: string;
  text: string;
}
