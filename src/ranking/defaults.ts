/**
 * The ranker's tunables, in one place: meaning, default and range of each. Each was set by measurement on
 * the golden questions (tests/golden) and the CMRC trial set (npm run eval:cmrc); see DESIGN.md. Overridable
 * through EngineOptions.ranking.
 */
export interface RankingParams {
  /** BM25 term-frequency saturation: low, since a fact is one sentence and a repeated word adds little. Range 0–2; default 0.2. */
  k1: number;
  /** BM25 length normalisation: 0, since a longer sentence is not less likely to answer. Range 0–1; default 0. */
  b: number;
  /** Weight of "this fact's document is about the question" (document-level BM25, 0–1). Default 0.35. */
  documentWeight: number;
  /** Bonus when the fact holds a figure of the kind asked for (多少人 → people). Default 0.15. */
  kindBonus: number;
  /** Penalty when a figure is asked for and the fact holds none. Default 0.3. */
  noFigurePenalty: number;
  /** Bonus per question time word (2018, 上半年) the fact matches. Default 0.15. */
  timeBonus: number;
  /** Bonus when the fact holds an entity of the kind asked for (谁 → person, 哪里 → place). Default 0.1. */
  entityBonus: number;
  /** How many FlexSearch candidates are re-ranked (with every fact of the best documents). Default 60. */
  candidates: number;
  /**
   * The least share of the question's weighted terms (by corpus rarity) the best fact must contain
   * to count as an answer; below it the engine says the document does not say. Range 0–1; default 0.2.
   */
  minCoverage: number;
  /**
   * The same, when the question asks for a figure or a date: a wrong figure misleads more than a
   * loosely related sentence, so the bar is higher. Range 0–1; default 0.4 (0.45 refused 16 right DRCD answers
   * for 4 wrong ones, and no near-miss of the golden sets changes between the two).
   */
  minCoverageFigure: number;
  /**
   * Coverage weighs terms by rarity as if the corpus had at least this many facts, so that in a
   * small corpus one absent word does not outweigh all the present ones. Default 200.
   */
  coverageMinFacts: number;
  /**
   * A question term that names the document's topic (it is in the document's title) counts as this much
   * of an occurrence in every fact of the document, since its sentences refer to the topic as 它/其. 0 turns
   * this off. Range 0–1; default 0.5.
   */
  topicShare: number;
  /**
   * The same share in the ranking score. At 1 the title's words do not tell one of the document's facts from
   * another — the document score already says the document is about them —, so the words the question adds decide
   * ("纽西兰鸡毛松有什么用途" → "此树的用途广泛…", not the first sentence naming the tree). Range 0–1; default 1
   * (0.5, as for coverage: CMRC retrieval 79.4% → 79.8% at 1, DRCD 81.6% → 81.7%).
   */
  topicRankShare: number;
  /** Coverage credit for a question word found only inside a longer word of the fact (有多高 → 树高). Range 0–1; default 0.5. */
  substringCredit: number;
  /**
   * Coverage credit of an English word held only through one of its dictionary renderings (a general dictionary's
   * sense is a guess at the document's wording). Default 0.6.
   */
  renderingCredit: number;
  /** How many of the best-ranked facts get their coverage and focus measured (the answer and its related facts). Default 8. */
  assessed: number;
  /** How far (characters) after an enumeration the thing it enumerates may be named ("…等一批龙头企业"). Default 14. */
  listHeadWindow: number;
  /** Every fact of this many best-matching documents is re-ranked, besides FlexSearch's candidates. Default 2. */
  topDocuments: number;
  /** Weight of the character-bigram overlap (0–1), a backstop for words jieba splits differently. Default 0.1. */
  bigramWeight: number;
  /** Related facts must score at least this share of the answer's score. Default 0.7. */
  relatedShare: number;
}

export const DEFAULT_RANKING: RankingParams = {
  k1: 0.2,
  b: 0,
  documentWeight: 0.35,
  kindBonus: 0.15,
  noFigurePenalty: 0.3,
  timeBonus: 0.15,
  entityBonus: 0.1,
  candidates: 60,
  minCoverage: 0.2,
  minCoverageFigure: 0.4,
  coverageMinFacts: 200,
  relatedShare: 0.7,
  topicShare: 0.5,
  topicRankShare: 1,
  substringCredit: 0.5,
  renderingCredit: 0.6,
  assessed: 8,
  listHeadWindow: 14,
  topDocuments: 2,
  bigramWeight: 0.1,
};
