/** The corpus layer's tunables: file limits and how text is cut into blocks, sentences and clauses. */

/** Largest document file read, in bytes (CORPUS_MAX_FILE_BYTES); a larger one is skipped with a warning. Default 5 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A title taken from a file's first line is at most this long; a longer first line gives the file name instead. Default 60. */
export const MAX_TITLE_CHARS = 60;

export interface SegmentationParams {
  /** Longest text that still counts as a heading or title rather than a paragraph. Default 40. */
  maxHeadingChars: number;
  /** A quoted span longer than this is treated as unbalanced quoting, so sentences may end inside it. Default 200. */
  maxQuoteChars: number;
  /** Clauses shorter than this stay with their neighbour instead of becoming a fact of their own. Default 4. */
  minClauseChars: number;
}

export const DEFAULT_SEGMENTATION: SegmentationParams = {
  maxHeadingChars: 40,
  maxQuoteChars: 200,
  minClauseChars: 4,
};
