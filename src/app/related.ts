/**
 * Related facts that are related: a fact is offered beside an answer (and behind "更多相关数据") only when
 * one of its figures measures the same thing as the answer's figure (计划总投资 beside 计划总投资), names
 * the same subject, or measures something of the same kind (…项目 beside …项目), or when the engine ranked it
 * a strong match for the question itself. Never a sentence only because it stands nearby.
 */
import type { Answer, Engine, Hit } from '../answer/index.js';
import type { Fact, Figure } from '../facts/index.js';

/** Below this, a fact is not related (a shared measure scores 3, a shared head noun 1). */
const MIN_RELATEDNESS = 1;
/**
 * A ranked match at least this share of the answer's score, holding at least this share of what the answer holds of
 * the question's words (coverage), stays as a related line whatever it measures.
 */
const STRONG_MATCH = 0.85;

/** The figures of a fact that measure something (not dates, labels or thresholds), with what they measure. */
function measured(fact: Fact): { figure: Figure; measure: string }[] {
  return fact.figures
    .filter((f) => f.kind !== 'date' && f.kind !== 'label' && f.role !== 'threshold')
    .map((figure) => ({ figure, measure: figure.measure ?? figure.subject }))
    .filter(
      (m): m is { figure: Figure; measure: string } =>
        m.measure !== null && m.measure.length >= 2 && !/^(?:同比|环比|比上年)$/.test(m.measure),
    );
}

/** The last two characters of a measure: its head noun most of the time (项目, 企业, 人才, 工作站 → 作站). */
function head(m: string): string {
  return m.slice(-2);
}

/**
 * How related `other` is to `fact`, whose figure `key` was the answer (null: the fact as a whole), and the figure
 * of `other` that makes it so (the one to show). A shared head noun alone (…企业 beside …企业) relates facts of one
 * section only: across a document it is filler (市场主体 and 新登记企业 under 国家高新技术企业).
 */
export function relatedMatch(fact: Fact, key: Figure | null, other: Fact): { score: number; figure: Figure | null } {
  if (other.id === fact.id) return { score: 0, figure: null };
  const mine = key
    ? [key.measure ?? key.subject].filter((m): m is string => m !== null && m.length >= 2)
    : measured(fact).map((m) => m.measure);
  if (mine.length === 0 && fact.subject) mine.push(fact.subject);
  const theirs = measured(other);
  const sameSection = other.section === fact.section;
  let best: { score: number; figure: Figure | null } = { score: 0, figure: null };
  const offer = (score: number, figure: Figure | null) => {
    if (score > best.score) best = { score, figure };
  };
  for (const m of mine) {
    for (const t of theirs) {
      if (t.measure === m) offer(3, t.figure);
      else if (t.measure.includes(m) || m.includes(t.measure)) offer(2, t.figure);
      else if (sameSection && head(t.measure) === head(m)) offer(1, t.figure);
    }
    if (m.length >= 3 && other.text.includes(m)) offer(1.5, theirs.find((t) => t.measure.includes(m))?.figure ?? null);
  }
  if (fact.subject !== null && other.subject === fact.subject) offer(2, null);
  return best;
}

/** How related `other` is to `fact` (see relatedMatch). */
export function relatedness(fact: Fact, key: Figure | null, other: Fact): number {
  return relatedMatch(fact, key, other).score;
}

export interface RelatedFinder {
  /** Facts related to one (best first), for the "more" button; pages are slices of it. */
  of(factId: string, limit: number): Hit[];
  /** Whether a fact has any related fact (the "more" button is shown only then). */
  has(factId: string): boolean;
  /** An answer with its related lines kept only when related; the answer itself is untouched. */
  filter(answer: Extract<Answer, { kind: 'found' }>): Extract<Answer, { kind: 'found' }>;
}

export function createRelatedFinder(engine: Engine): RelatedFinder {
  /** A fact's related facts, most related first, then nearest, each with the figure that relates it (shown). */
  interface Related {
    ids: string[];
    figures: Map<string, Figure>;
  }
  const cache = new Map<string, Related>();
  const docFacts = new Map<string, Fact[]>();
  for (const f of engine.facts) {
    const list = docFacts.get(f.docId) ?? [];
    list.push(f);
    docFacts.set(f.docId, list);
  }
  const order = new Map(engine.facts.map((f, i) => [f.id, i]));
  const relatedTo = (fact: Fact, key: Figure | null): Related => {
    const cacheKey = `${fact.id}\u0000${key?.start ?? ''}`;
    let related = cache.get(cacheKey);
    if (related === undefined) {
      const at = order.get(fact.id) ?? 0;
      const ranked = (docFacts.get(fact.docId) ?? [])
        .map((other) => ({ other, ...relatedMatch(fact, key, other) }))
        .filter((r) => r.score >= MIN_RELATEDNESS)
        .map((r) => ({ ...r, score: r.score + (r.other.section === fact.section ? 0.25 : 0) }))
        .sort((a, b) => b.score - a.score || Math.abs((order.get(a.other.id) ?? 0) - at) - Math.abs((order.get(b.other.id) ?? 0) - at));
      related = {
        ids: ranked.map((r) => r.other.id),
        figures: new Map(ranked.flatMap((r) => (r.figure ? [[r.other.id, r.figure] as const] : []))),
      };
      cache.set(cacheKey, related);
    }
    return related;
  };
  /** Related facts as hits, through the engine (their citations), each with its relating figure; neighbours fill nothing. */
  const asHits = (ids: readonly string[], limit: number, figures: ReadonlyMap<string, Figure>): Hit[] => {
    const hits: Hit[] = [];
    for (const id of ids.slice(0, limit)) {
      const fact = engine.factById(id);
      if (!fact) continue;
      const hit = hitOf(engine, fact);
      const figure = figures.get(id);
      hits.push(figure ? { ...hit, keyFigure: figure } : hit);
    }
    return hits;
  };
  return {
    of(factId, limit) {
      const fact = engine.factById(factId);
      if (!fact) return [];
      const { ids, figures } = relatedTo(fact, null);
      return asHits(ids, limit, figures);
    },
    has(factId) {
      const fact = engine.factById(factId);
      return fact !== undefined && relatedTo(fact, null).ids.length > 0;
    },
    filter(answer) {
      const [top, ...rest] = answer.hits;
      if (top === undefined || rest.length === 0) return answer;
      const { ids, figures } = relatedTo(top.fact, top.keyFigure);
      const strong = (h: Hit) => h.score > 0 && h.score >= top.score * STRONG_MATCH && h.why.coverage >= top.why.coverage * STRONG_MATCH;
      const kept = rest.filter((h) => ids.includes(h.fact.id) || strong(h));
      // Fill the lines the filter emptied with related facts, never with neighbours.
      const more = ids.filter((id) => !kept.some((h) => h.fact.id === id)).slice(0, rest.length - kept.length);
      return { ...answer, hits: [top, ...kept, ...asHits(more, more.length, figures)] };
    },
  };
}

/** Per engine: its documents by id, and the sentences split into clauses (a clause is then cited). */
const INDEXES = new WeakMap<Engine, { documents: Map<string, Engine['documents'][number]>; split: Set<string> }>();

/** A fact as an unranked hit with its citation, as the engine cites it. */
export function hitOf(engine: Engine, fact: Fact): Hit {
  let index = INDEXES.get(engine);
  if (index === undefined) {
    index = {
      documents: new Map(engine.documents.map((d) => [d.id, d])),
      split: new Set(engine.facts.filter((f) => f.clause > 1).map((f) => `${f.docId}:${f.paragraph}.${f.sentence}`)),
    };
    INDEXES.set(engine, index);
  }
  const doc = index.documents.get(fact.docId);
  const splitSentence = index.split.has(`${fact.docId}:${fact.paragraph}.${fact.sentence}`);
  const page = pageOf(doc?.pages ?? null, fact.start);
  return {
    fact,
    keyFigure: fact.figures.find((f) => f.kind !== 'date' && f.kind !== 'label') ?? fact.figures[0] ?? null,
    score: 0,
    why: { terms: 0, document: 0, kind: 0, time: 0, coverage: 0, focus: 0, matched: [] },
    citation: {
      ...(page === null ? {} : { page }),
      document: fact.docId,
      title: doc?.title ?? fact.docId,
      publisher: doc?.publisher ?? null,
      section: fact.section,
      paragraph: fact.paragraph,
      sentence: fact.sentence,
      clause: splitSentence ? fact.clause : null,
      start: fact.start,
      end: fact.end,
    },
  };
}

function pageOf(pages: readonly number[] | null, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let page = 1;
  for (let i = 0; i < pages.length; i++) if (pages[i]! <= offset) page = i + 1;
  return page;
}
