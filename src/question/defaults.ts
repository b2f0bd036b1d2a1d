/** The question reader's weights: how much each kind of search term counts. Overridable through EngineOptions.question. */
export interface QuestionParams {
  /** Weight of a term added by the synonym table, the attribute cues or the English glossary's secondary terms. Range 0–1; default 0.5. */
  synonymWeight: number;
  /** Weight factor of a qualifier (a bare number, year or period word: 2018, 上半年): it qualifies what is asked rather than names it. Range 0–1; default 0.5. */
  qualifierWeight: number;
  /** Weight of an English word no glossary maps: it still counts against coverage, but lightly. Range 0–1; default 0.3. */
  unmappedEnglishWeight: number;
}

export const DEFAULT_QUESTION: QuestionParams = {
  synonymWeight: 0.5,
  qualifierWeight: 0.5,
  unmappedEnglishWeight: 0.3,
};
