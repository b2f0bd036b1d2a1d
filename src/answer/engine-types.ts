import type { CorpusDocument } from '../corpus/index.js';
import type { Fact } from '../facts/index.js';
import type { QuestionContext, QuestionFrame, Synonym } from '../question/index.js';
import type { Answer, Hit, Topic } from './answer.js';

export interface AskOptions {
  /** How many hits to return at most (the answer plus related facts). Default 3. */
  limit?: number;
  /**
   * Say "not in the document" when the best fact does not answer confidently (default true). False
   * returns the ranking whatever its confidence: for retrieval evaluation, never for users.
   */
  abstain?: boolean;
}

export interface EngineVocabulary {
  readonly synonyms: readonly Synonym[];
  readonly glossaryEn: readonly Synonym[];
  /** The corpus's subjects in English (subjects-en.json), for English replies. */
  readonly subjectsEn: ReadonlyMap<string, string>;
}

/** The answer engine: everything the bot and the CLI need, and nothing about either. */
export interface Engine {
  readonly documents: readonly CorpusDocument[];
  readonly facts: readonly Fact[];
  /** How the corpus's words are asked for (its synonym table and English glossary) and named in English. */
  readonly vocabulary: EngineVocabulary;
  /** What the corpus tells the question reader: its phrases, English glossary and places. */
  readonly questionContext: QuestionContext;
  /** Reads a question once into the frame every later stage takes (follow-ups, computations, ranking). */
  readQuestion(question: string): QuestionFrame;
  /** The cited answer to one question (a string is read first). */
  ask(question: string | QuestionFrame, options?: AskOptions): Answer;
  /** Facts related to a given fact (same paragraph first, then same subject), for "more" buttons. */
  related(factId: string, limit?: number): Hit[];
  factById(id: string): Fact | undefined;
  /** The sections of the corpus with a sample question each. */
  topics(): Topic[];
}
