import type { Fact, Figure } from '../facts/index.js';
import type { AskedKind } from '../question/index.js';
import type { ScoreParts } from '../ranking/index.js';

export type { AskedKind } from '../question/index.js';
export type { ScoreParts } from '../ranking/index.js';

/** Where a fact comes from, enough for a reader to check it. */
export interface Citation {
  document: string; // document id
  title: string;
  publisher: string | null;
  section: string | null;
  paragraph: number;
  sentence: number;
  /** The clause within the sentence, when the sentence is split into clauses at "；"; else null. */
  clause: number | null;
  /** The page it stands on, for paged documents (PDF); absent otherwise. */
  page?: number;
  start: number;
  end: number;
}

export interface Hit {
  fact: Fact;
  citation: Citation;
  /** The figure that best answers the question (highlight it first), or null. */
  keyFigure: Figure | null;
  score: number;
  why: ScoreParts;
}

export type Answer =
  | {
      kind: 'found';
      question: string;
      asked: AskedKind;
      /** Best first; hits[0] is the answer, the rest are related facts. */
      hits: Hit[];
      /** The candidates verified before the answer (for --debug). */
      checked?: CheckedCandidate[];
    }
  | {
      kind: 'not-found';
      question: string;
      asked: AskedKind;
      /** Two or three things the corpus does cover, as sample questions. */
      suggestions: string[];
      /**
       * Why the document does not answer: a figure of the measure is there, but for another time ('period'),
       * another place ('entity'), without the sub-group asked ('scope'), or not the measure asked ('measure');
       * 'none' when nothing near was found.
       */
      reason?: NotStatedReason;
      /** What the question asked that the document lacks ("2015年", "长春市", "户籍"). */
      missing?: string;
      /** What the document does give nearest to it, cited: never given as the answer. */
      closest?: Hit;
      /** The candidates verified (for --debug). */
      checked?: CheckedCandidate[];
    }
  | {
      kind: 'invalid';
      question: string;
      reason: 'empty' | 'too-long' | 'no-words';
    };

/** One candidate the verification looked at (ask --debug shows them): its fact, key figure and verdict. */
export interface CheckedCandidate {
  fact: string;
  keyFigure: string | null;
  ok: boolean;
  reason?: NotStatedReason;
  missing?: string;
}

/** Why a figure the document gives does not answer the question. */
export const NOT_STATED_REASONS = ['period', 'entity', 'measure', 'scope', 'none'] as const satisfies readonly string[];
export type NotStatedReason = (typeof NOT_STATED_REASONS)[number];

/** A section of a document, with a sample question it can answer. */
export interface Topic {
  document: string;
  section: string;
  sampleQuestion: string;
}
