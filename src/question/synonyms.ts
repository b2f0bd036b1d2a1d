/**
 * How people ask versus how the documents say it: a corpus's synonym table (corpus/synonyms.json).
 * Each entry: a cue in the question (a regular expression over the Simplified text) and the
 * document terms it stands for. The table belongs to the corpus, not the engine, so a corpus on
 * another subject is not searched with this one's vocabulary.
 */
import type { SynonymEntry } from '../corpus/index.js';

export interface Synonym {
  cue: RegExp;
  terms: string;
  /** An English name of a corpus place (its pinyin, places-en.ts): wherever it is named, it says where. */
  place?: true;
}

/** Compiles validated entries; throws with the entry's text when a cue is not a valid expression. */
export function compileSynonyms(entries: readonly SynonymEntry[]): Synonym[] {
  return entries.map((e) => {
    try {
      // Case-insensitive: English questions are matched lower-cased, whatever case a cue is written in.
      return { cue: new RegExp(e.cue, 'gi'), terms: e.terms };
    } catch {
      throw new Error(`invalid synonym cue /${e.cue}/`);
    }
  });
}

/**
 * The document terms the question's colloquial cues stand for, and the question with those cues
 * taken out (their meaning is carried by the expansion, so a cue the document never uses does not
 * count against the answer).
 */
export function expandSynonyms(question: string, synonyms: readonly Synonym[]): { expansions: string[]; rest: string } {
  const expansions: string[] = [];
  let rest = question;
  for (const { cue, terms } of synonyms) {
    cue.lastIndex = 0;
    if (!cue.test(rest)) continue;
    expansions.push(terms);
    rest = rest.replace(cue, (m) => (terms.includes(m) ? m : ' '));
  }
  return { expansions, rest };
}
