// The naive baseline the bench compares against: FlexSearch's CJK preset as shipped, over the engine's facts.
import { Charset, Document } from 'flexsearch';

/** What the baseline indexes of a fact: its verbatim text. */
export interface BaselineFact {
  id: string;
  text: string;
}

interface IndexedFact {
  [key: string]: number | string;
  n: number;
  text: string;
}

/** A FlexSearch Document index answering with fact texts in FlexSearch's own order. */
export interface BaselineIndex {
  /** Up to `limit` fact texts, best first (empty when nothing matches). */
  search(question: string, limit: number): string[];
}

/**
 * Indexes the field `text` with `encoder: Charset.CJK` (one term per character) and the default tokenizer;
 * searches with `suggest: true`, without which a question must contain every character and finds nothing.
 */
export function buildBaselineIndex(facts: readonly BaselineFact[]): BaselineIndex {
  const index = new Document<IndexedFact>({
    document: { id: 'n', index: [{ field: 'text', encoder: Charset.CJK }] },
  });
  const texts = facts.map((fact) => fact.text);
  texts.forEach((text, n) => index.add({ n, text }));
  return {
    search(question, limit) {
      const fields = index.search(question, { limit, suggest: true });
      const ids = fields[0]?.result ?? [];
      return ids.map((id) => texts[Number(id)] ?? '');
    },
  };
}
