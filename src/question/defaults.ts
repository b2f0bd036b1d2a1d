/** The question reader's weights: how much each kind of search term counts. Overridable through EngineOptions.question. */
export interface QuestionParams {
  /** Weight of a term added by the synonym table, the attribute cues or the English glossary's secondary terms. Range 0–1; default 0.5. */
  synonymWeight: number;
  /** Weight factor of a qualifier (a bare number, year or period word: 2018, 上半年): it qualifies what is asked rather than names it. Range 0–1; default 0.5. */
  qualifierWeight: number;
  /** Weight of an English word no glossary maps: it still counts against coverage, but lightly. Range 0–1; default 0.3. */
  unmappedEnglishWeight: number;
  /**
   * Weight factor of a search term inside a longer term of the same question (西兰 and 纽西兰, 大部 and 部分 of 大部分):
   * jieba's search mode cuts a long word into its pieces as well, and at full weight a three-character name counts
   * three times over the one word the question adds. Range 0–1; default 0.5 (CMRC retrieval 79.9% → 80.1%, DRCD
   * 81.7% → 81.9%, answers +0.3 and +0.2 points; 0.3 and 0.7 do less; every golden pin holds).
   */
  nestedTermShare: number;
}

export const DEFAULT_QUESTION: QuestionParams = {
  synonymWeight: 0.5,
  qualifierWeight: 0.5,
  unmappedEnglishWeight: 0.3,
  nestedTermShare: 0.5,
};
