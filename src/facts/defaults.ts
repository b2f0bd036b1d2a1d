/** The fact extractor's tunables. Overridable through EngineOptions.facts. */
import { DEFAULT_SEGMENTATION, type SegmentationParams } from '../corpus/index.js';

export interface FactParams {
  /** How documents are cut into sentences and clauses (corpus/defaults.ts). */
  segmentation: SegmentationParams;
  /** Longest subject phrase a figure is given ("国家高新技术企业"); a longer one is cut from the left. Default 16. */
  maxSubjectChars: number;
}

export const DEFAULT_FACTS: FactParams = {
  segmentation: DEFAULT_SEGMENTATION,
  maxSubjectChars: 16,
};
