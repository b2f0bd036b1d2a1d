import type { Fact, Figure } from '../facts/fact.js';

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
  start: number;
  end: number;
}

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

export interface Hit {
  fact: Fact;
  citation: Citation;
  /** The figure that best answers the question (highlight it first), or null. */
  keyFigure: Figure | null;
  score: number;
  why: ScoreParts;
}

/** What the question asks for, as far as it can be told. */
export type AskedKind =
  | 'people'
  | 'count'
  | 'area'
  | 'money'
  | 'percent'
  | 'duration'
  | 'multiple'
  | 'date'
  | 'number'
  | 'person'
  | 'place'
  | 'list'
  | 'definition'
  | 'yesno'
  | null;

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
