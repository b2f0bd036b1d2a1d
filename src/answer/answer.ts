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
    }
  | {
      kind: 'not-found';
      question: string;
      asked: AskedKind;
      /** Two or three things the corpus does cover, as sample questions. */
      suggestions: string[];
    }
  | {
      kind: 'invalid';
      question: string;
      reason: 'empty' | 'too-long' | 'no-words';
    };

/** A section of a document, with a sample question it can answer. */
export interface Topic {
  document: string;
  section: string;
  sampleQuestion: string;
}
