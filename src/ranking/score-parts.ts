// The parts of a ranked fact's score, kept so `ask --debug` can say why it won.

/** Why a hit scored what it did (shown by `ask --debug`). */
export interface ScoreParts {
  /** BM25 over the question's terms. */
  terms: number;
  /** Bonus for the fact's document matching the question as a whole. */
  document: number;
  /** Bonus/penalty for the asked figure kind (多少人 → people ...). */
  kind: number;
  /** Bonus for a matching time qualifier (2018, 上半年 ...). */
  time: number;
  /** Share of the question's weighted terms (by rarity across the corpus) found in the fact, 0–1. */
  coverage: number;
  /** The same over the words the question adds to its document's subjects: what decides "found". */
  focus: number;
  /** Question terms found in the fact. */
  matched: string[];
}
