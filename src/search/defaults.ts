/** The index's tunables: what makes a word one of a document's subjects. Overridable through EngineOptions.index. */
export interface IndexParams {
  /**
   * A word in at least this share of a document's facts is one of its subjects (a district's name in its
   * profile): a question's other words say what it asks about them. Range 0–1; default 0.3.
   */
  subjectShare: number;
  /** …counted only in documents with at least this many facts. Range ≥ 1; default 5. */
  subjectMinFacts: number;
}

export const DEFAULT_INDEX: IndexParams = {
  subjectShare: 0.3,
  subjectMinFacts: 5,
};
