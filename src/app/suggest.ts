/**
 * Questions to offer: after a refusal, ones chosen for the question asked (facts that share its measure,
 * its subject or its words); on /start and in small talk, one per section. Every question offered has been
 * tried through the engine first and is answered with the figure it was made from, so a suggestion never
 * leads to another refusal. Verdicts are remembered per question (there are at most two per figure).
 */
import type { Answer, Engine } from '../answer/index.js';
import type { Fact, Figure } from '../facts/index.js';
import type { QuestionFrame } from '../question/index.js';

/** How many suggestions a refusal offers. */
export const SUGGESTIONS = 3;
/** How many candidate questions are tried for one refusal at most (each is one engine look-up, remembered). */
const MAX_TRIED = 8;
/** How many are tried for the corpus's examples (once per language and count, then remembered). */
const EXAMPLES_TRIED = 60;

export interface Suggester {
  /** Up to `count` answerable questions near a question the document does not answer, in its language. */
  near(frame: QuestionFrame, refusal: Extract<Answer, { kind: 'not-found' }>, count?: number): string[];
  /** Up to `count` answerable questions across the corpus, one per section first, in a language. */
  examples(language: 'zh' | 'en', count?: number): string[];
}

/** What a figure measures, as a question can name it. */
function measureOf(f: Figure): string | null {
  const m = f.measure ?? f.subject;
  return m !== null && m.length >= 2 && m.length <= 12 && !/^[同比环比]+$/.test(m) ? m : null;
}

function askable(f: Figure): boolean {
  return f.kind !== 'date' && f.kind !== 'label' && f.role !== 'threshold' && f.role === 'level' && /^[0-9]/.test(f.raw);
}

/** A Chinese question that asks for this figure, or null. */
export function questionFor(f: Figure): string | null {
  const m = measureOf(f);
  if (m === null) return null;
  switch (f.kind) {
    case 'people':
      return `${m}有多少人？`;
    case 'area':
      return `${m}有多大？`;
    case 'money':
      return `${m}是多少？`;
    case 'percent':
      return `${m}占比多少？`;
    case 'duration':
      return `${m}需要多长时间？`;
    case 'count':
      return f.unit.length === 1 ? `${m}有多少${f.unit}？` : `${m}有多少？`;
    default:
      return null;
  }
}

/** An English question that asks for this figure (the corpus's English name of what it measures), or null. */
export function englishQuestionFor(f: Figure, names: ReadonlyMap<string, string>): string | null {
  const m = measureOf(f);
  const name = (m && names.get(m)) ?? (f.subject && names.get(f.subject)) ?? null;
  if (name === null) return null;
  switch (f.kind) {
    case 'people':
    case 'count':
      return `How many ${name.replace(/^the /, '')} are there?`;
    case 'area':
      return `How big is the ${name.replace(/^the /, '')}?`;
    case 'money':
      return `How much is the ${name.replace(/^the /, '')}?`;
    default:
      return null;
  }
}

/** Characters of `a` found in `b`. */
function overlap(a: string, b: string): number {
  let n = 0;
  for (const ch of new Set(a)) if (b.includes(ch)) n++;
  return n;
}

/** Two-character words of `a` also in `b`. */
function sharedBigrams(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i + 1 < a.length; i++) if (b.includes(a.slice(i, i + 2))) n++;
  return n;
}

/** How good a figure is as an example question: people, area and money first, then counts of firms and households. */
function worth(f: Figure): number {
  const m = measureOf(f) ?? '';
  const kind = f.kind === 'people' || f.kind === 'area' || f.kind === 'money' ? 3 : ['家', '户', '人'].includes(f.unit) ? 2 : 0;
  return kind + (m.length >= 4 ? 1 : 0);
}

const QUESTION_CHARS = /多少|几|什么|哪|怎么|如何|吗|是|有|的|了|呢|？|\?|。|，/g;

export function createSuggester(engine: Engine): Suggester {
  const verdicts = new Map<string, boolean>();
  const names = engine.vocabulary.subjectsEn;
  /** Whether the engine answers `question` with this very figure of this fact. */
  const answersWith = (question: string, fact: Fact, f: Figure): boolean => {
    const key = `${fact.id}\u0000${f.start}\u0000${question}`;
    let ok = verdicts.get(key);
    if (ok === undefined) {
      const a = engine.ask(question, { limit: 1 });
      const top = a.kind === 'found' ? a.hits[0] : undefined;
      ok = top !== undefined && top.fact.id === fact.id && top.keyFigure?.start === f.start;
      verdicts.set(key, ok);
    }
    return ok;
  };
  // A measure stated for several subjects (计划总投资 of each industry) makes a question that names no subject
  // ambiguous: "计划总投资是多少？" would be answered with one of them as if it were the only one.
  const measureCounts = new Map<string, number>();
  for (const fact of engine.facts)
    for (const f of fact.figures.filter(askable)) {
      const m = measureOf(f);
      if (m !== null) measureCounts.set(m, (measureCounts.get(m) ?? 0) + 1);
    }
  const phrase = (f: Figure, language: 'zh' | 'en') => {
    const m = measureOf(f);
    if (m === null || (measureCounts.get(m) ?? 0) > 1) return null;
    return language === 'en' ? englishQuestionFor(f, names) : questionFor(f);
  };

  /** Tries candidates in order, keeping the answerable ones, distinct, up to `count`. */
  const pick = (
    candidates: Iterable<{ fact: Fact; figure: Figure }>,
    language: 'zh' | 'en',
    count: number,
    skip: Set<string>,
    maxTried = MAX_TRIED,
  ) => {
    const out: string[] = [];
    let tried = 0;
    for (const { fact, figure } of candidates) {
      if (out.length >= count || tried >= maxTried) break;
      const q = phrase(figure, language);
      if (q === null || out.includes(q) || skip.has(q)) continue;
      tried++;
      if (answersWith(q, fact, figure)) out.push(q);
    }
    return out;
  };

  const sectionFirst = (): { fact: Fact; figure: Figure }[] => {
    const seen = new Set<string>();
    const first: { fact: Fact; figure: Figure }[] = [];
    const rest: { fact: Fact; figure: Figure }[] = [];
    const bySection = new Map<string, { fact: Fact; figure: Figure }[]>();
    for (const fact of engine.facts)
      for (const figure of fact.figures.filter(askable)) {
        const section = `${fact.docId}\u0000${fact.section ?? ''}`;
        const list = bySection.get(section) ?? [];
        list.push({ fact, figure });
        bySection.set(section, list);
      }
    // The best-worth figure of each section first, in document order; then the rest, best first.
    for (const list of bySection.values()) {
      const sorted = [...list].sort((a, b) => worth(b.figure) - worth(a.figure));
      first.push(...sorted.slice(0, 1));
      rest.push(...sorted.slice(1));
      seen.add(list[0]!.fact.section ?? '');
    }
    return [...first, ...rest.sort((a, b) => worth(b.figure) - worth(a.figure))];
  };
  const exampleCache = new Map<string, string[]>();

  return {
    near(frame, refusal, count = SUGGESTIONS) {
      const language = frame.language === 'en' ? 'en' : 'zh';
      const words = frame.text.replace(QUESTION_CHARS, '');
      // Facts that share the question's words: the candidates the engine verified for this refusal, or (when it
      // verified none) the facts it ranks for the question without abstaining.
      const checked = (refusal.checked ?? []).map((c) => engine.factById(c.fact)).filter((f): f is Fact => f !== undefined);
      const ranked = checked.length > 0 ? null : engine.ask(frame, { abstain: false, limit: 8 });
      const near = ranked === null ? checked.slice(0, 8) : ranked.kind === 'found' ? ranked.hits.map((h) => h.fact) : [];
      const closest = refusal.closest?.fact;
      const facts = [...(closest ? [closest] : []), ...near.filter((f) => f.id !== closest?.id)];
      const scored = facts
        .flatMap((fact, rank) =>
          fact.figures.filter(askable).map((figure) => {
            const m = measureOf(figure) ?? '';
            const sameMeasure = frame.measure !== null && m.includes(frame.measure) ? 4 : 0;
            const shared = sharedBigrams(m, words);
            // Near means sharing the measure or a word of the question, or being what the engine found closest.
            const near = sameMeasure > 0 || shared > 0 || fact.id === closest?.id;
            return { fact, figure, near, score: sameMeasure + shared * 2 + overlap(m, words) * 0.5 - rank * 0.25 };
          }),
        )
        .filter((c) => c.near)
        .sort((a, b) => b.score - a.score);
      const out = pick(scored, language, count, new Set([frame.text]));
      // Too few near ones: the corpus's examples make up the rest.
      for (const q of this.examples(language, count * 2)) if (out.length < count && !out.includes(q)) out.push(q);
      return out;
    },
    examples(language, count = SUGGESTIONS) {
      const key = `${language}:${count}`;
      let cached = exampleCache.get(key);
      if (cached === undefined) {
        cached = pick(sectionFirst(), language, count, new Set(), EXAMPLES_TRIED);
        // No English names for the corpus's subjects: Chinese examples (the bot reads both).
        if (cached.length === 0 && language === 'en') cached = pick(sectionFirst(), 'zh', count, new Set(), EXAMPLES_TRIED);
        exampleCache.set(key, cached);
      }
      return cached;
    },
  };
}
