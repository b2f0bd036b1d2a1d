/**
 * A cited fact in its place (the "原文 / context" button): the whole paragraph it stands in, with the fact's
 * span inside it, or for a table row its table's title and header. Offsets are the document's own, so the
 * paragraph is the document text verbatim.
 */
import type { Engine, Hit } from '../answer/index.js';
import type { Fact } from '../facts/index.js';
import { hitOf } from './related.js';

export interface SourceContext {
  /** The fact, cited as the engine cites it. */
  hit: Hit;
  /** The paragraph (or table) around it, verbatim. */
  paragraph: string;
  /** The fact's span within `paragraph`. */
  start: number;
  end: number;
  /** For a table row: its table's title, header cells and own cells. */
  row: NonNullable<Fact['row']> | null;
}

/** Longest paragraph shown, in characters (a message holds 4096); a longer one is cut around the fact. */
export const MAX_CONTEXT_CHARS = 2400;

/** The fact with this id in its paragraph, with the figure numbered `figure` (its index) as the key figure. */
export function sourceContext(engine: Engine, factId: string, figure: number | null = null): SourceContext | null {
  const fact = engine.factById(factId);
  const doc = fact && engine.documents.find((d) => d.id === fact.docId);
  if (!fact || !doc) return null;
  const base = hitOf(engine, fact);
  const key = figure === null ? base.keyFigure : (fact.figures[figure] ?? base.keyFigure);
  const hit = { ...base, keyFigure: key };
  if (fact.row) return { hit, paragraph: fact.text, start: 0, end: fact.text.length, row: fact.row };
  const siblings = engine.facts.filter((f) => f.docId === fact.docId && f.paragraph === fact.paragraph);
  let from = Math.min(...siblings.map((f) => f.start));
  let to = Math.max(...siblings.map((f) => f.end));
  if (to - from > MAX_CONTEXT_CHARS) {
    const room = Math.max(0, MAX_CONTEXT_CHARS - (fact.end - fact.start));
    from = Math.max(from, fact.start - Math.floor(room / 2));
    to = Math.min(to, from + Math.max(MAX_CONTEXT_CHARS, fact.end - fact.start));
  }
  return { hit, paragraph: doc.text.slice(from, to), start: fact.start - from, end: fact.end - from, row: null };
}
