/** The engine's own tunables (the answer around the ranking). Overridable through EngineOptions.answering. */
export interface AnswerParams {
  /** Longest question accepted, in characters; a longer one is invalid ('too-long'). Default 500. */
  maxQuestionChars: number;
  /** Hits returned when AskOptions.limit is not given (the answer plus related facts). Default 3. */
  defaultLimit: number;
  /** Most hits AskOptions.limit may ask for. Default 20. */
  maxLimit: number;
  /** A related match must cover at least this share of what the answer covers. Range 0–1; default 0.6. */
  relatedCoverage: number;
  /**
   * A numeric answer's key figure must be about what is asked: its subject (or its comma clause) must share
   * at least this many characters with the question ("浑南区有多少座机场？" is not answered with 三条城际铁路).
   * Default 2.
   */
  minAboutOverlap: number;
  /**
   * A date question's event verb may be missing from a fact that holds at least this share of the question's other
   * words (two or more): "第56届联合国大会" answers 联合国大会于何时举办第56届. Range 0–1; default 0.75.
   */
  eventlessCoverage: number;
  /** How many of the best-ranked facts are verified against the question before "not stated". Default 10. */
  verifyCandidates: number;
  /** Neighbour distance added for a fact in another paragraph (same-paragraph facts come first). Default 100. */
  otherParagraphDistance: number;
  /** Neighbour distance added for a fact in another section. Default 1000. */
  otherSectionDistance: number;
}

export const DEFAULT_ANSWERING: AnswerParams = {
  maxQuestionChars: 500,
  defaultLimit: 3,
  maxLimit: 20,
  relatedCoverage: 0.6,
  minAboutOverlap: 2,
  eventlessCoverage: 0.75,
  verifyCandidates: 10,
  otherParagraphDistance: 100,
  otherSectionDistance: 1000,
};
