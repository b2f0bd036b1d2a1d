/**
 * The English forms of the computations ("How many projects are under construction in the three
 * leading industries in total?", "Which leading industry has the most planned investment?").
 * Subjects and measures reach the document's Chinese terms through the corpus's English glossary
 * (corpus/glossary-en.json, compiled); a subject the glossary does not cover is not guessed at.
 */
import type { FigureKind } from '../facts/index.js';
import type { Synonym } from './synonyms.js';
import { spellOutCoordination, STATISTICS_GLOSSARY } from './glossary-en.js';
import type { ComputeRequest, Operation, SubjectSpec } from './operation-types.js';
import { GROUP_NOUNS, METRIC_WORDS } from './lexicon.js';

/** Whether a glossary term names a place (the corpus's places, or a whole such as 全市): the setting, not a subject. */
export function isPlaceTerm(zh: string, places: ReadonlySet<string> | undefined): boolean {
  return /^全[国省市区县州]$/.test(zh) || (places?.has(zh) ?? false);
}
/** Glossary terms that are measures; 在建 joins 项目 as 在建项目. */
const METRIC_TERMS: ReadonlySet<string> = new Set([...METRIC_WORDS, '在建']);
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6 };

export interface Term {
  zh: string;
  start: number;
  end: number;
}

/**
 * Glossary matches in text order, each with the first of its Chinese terms; each stretch of text
 * is claimed by the first entry that matches it. Offsets are shifted by `offset`.
 */
export function glossaryTerms(text: string, glossary: readonly Synonym[], offset = 0): Term[] {
  let rest = text.toLowerCase();
  const found: Term[] = [];
  for (const { cue: re, terms: zh } of glossary) {
    const global = new RegExp(re.source, 'g');
    for (let m = global.exec(rest); m; m = global.exec(rest)) {
      if (m[0].length === 0) {
        global.lastIndex++;
        continue;
      }
      found.push({ zh: zh.split(/\s+/)[0]!, start: offset + m.index, end: offset + m.index + m[0].length });
    }
    rest = rest.replace(global, (s) => ' '.repeat(s.length));
  }
  return found.sort((a, b) => a.start - b.start);
}

interface Split {
  subjects: SubjectSpec[];
  metric: string | null;
}

/** Subjects (adjacent matches merged into the most specific term), groups and the shared measure. */
function classify(text: string, terms: Term[], places: ReadonlySet<string> | undefined, measures: readonly string[] = []): Split {
  const subjects: Term[] = [];
  const metrics: string[] = [];
  const groups: SubjectSpec[] = [];
  for (const t of terms) {
    if (isPlaceTerm(t.zh, places)) continue;
    if ((GROUP_NOUNS as readonly string[]).includes(t.zh)) {
      const size = /\b(two|three|four|five|six|\d)\s+$/i.exec(text.slice(0, t.start))?.[1]?.toLowerCase();
      groups.push({ kind: 'group', name: t.zh, noun: t.zh, size: size ? (NUMBER_WORDS[size] ?? null) : null });
      continue;
    }
    if (METRIC_TERMS.has(t.zh)) {
      if (!metrics.includes(t.zh)) metrics.push(t.zh);
      continue;
    }
    const prev = subjects[subjects.length - 1];
    if (prev && /^[\s-]*$/.test(text.slice(prev.end, t.start))) {
      if (t.zh.length > prev.zh.length) subjects[subjects.length - 1] = { ...t, start: prev.start };
      else prev.end = t.end;
      continue;
    }
    if (!subjects.some((s) => s.zh === t.zh)) subjects.push(t);
  }
  metrics.push(...measures.filter((m) => !metrics.includes(m)));
  const metric = metrics.includes('在建') && metrics.includes('项目') ? '在建项目' : metrics.filter((m) => m !== '在建').join('') || null;
  return { subjects: [...groups, ...subjects.map((s): SubjectSpec => ({ kind: 'named', label: s.zh }))], metric };
}

const SHARE_WORD = /\b(share|percentage|proportion|percent|fraction)\b/i;

/**
 * Where the question joins some of its terms with "and" ("the secondary industry and the tertiary industry"), those
 * are what is computed over, and a term standing apart ("fixed-asset investment" in "how much of … investment went
 * to A and B") is their measure: the terms, and those measures.
 */
function coordinatedFirst(text: string, terms: Term[], places: ReadonlySet<string> | undefined): { terms: Term[]; measures: string[] } {
  const kept = terms.filter((t) => !isPlaceTerm(t.zh, places));
  const joined = (a: Term, b: Term) => /^\s*(?:,\s*)?(?:and|or|&|,)\s+(?:the\s+)?$/i.test(text.slice(a.end, b.start));
  const chain = new Set<Term>();
  for (let i = 0; i + 1 < kept.length; i++)
    if (joined(kept[i]!, kept[i + 1]!)) {
      chain.add(kept[i]!);
      chain.add(kept[i + 1]!);
    }
  const apart = kept.filter((t) => !chain.has(t) && !METRIC_TERMS.has(t.zh) && !(GROUP_NOUNS as readonly string[]).includes(t.zh));
  if (chain.size < 2 || apart.length === 0) return { terms, measures: [] };
  return { terms: terms.filter((t) => !apart.includes(t)), measures: apart.map((t) => t.zh) };
}

function kindsFor(text: string, metric: string | null): FigureKind[] {
  if (/invest|capital|fund|money|spen[dt]|cost/i.test(text) || /投资/.test(metric ?? '')) return ['money'];
  if (/\b(people|persons|talents?|experts|academicians|doctors|residents)\b/i.test(text)) return ['people', 'count'];
  if (/\barea\b|square/i.test(text)) return ['area'];
  return ['count', 'people'];
}

const RATIO_OF_RE =
  /\b(?:share|percentage|proportion|percent|fraction) of (?:all |the )?(.+?) (?:is|are|were|was|do|does|did|have|has|went to|goes to|go to|came from|comes from|was spent on|is spent on)\b(.+)$/i;
const RATIO_AS_RE =
  /^(?:what is |what's |how big is |how large is )?(.+?) as an? (?:share|percentage|proportion|percent|fraction) of (.+)$/i;

/** The computation an English question asks for, or null. `text` is the NFKC-normalised question. */
export function detectEnglishComputation(
  question: string,
  text: string,
  glossary: readonly Synonym[],
  places?: ReadonlySet<string>,
): ComputeRequest | null {
  const t = spellOutCoordination(text.replace(/[?？.!]+\s*$/, ''));
  // The corpus's glossary first, then the statistical vocabulary every corpus shares (第二产业 for "secondary industry").
  const vocabulary = [...glossary, ...STATISTICS_GLOSSARY];
  let operation: Operation | null = null;
  let ratioAs: 'percent' | 'multiple' = 'percent';
  const sums =
    /\b(in total|altogether|combined|total|sum|add(ed)? up|together|all told)\b/i.test(t) && /\bhow (many|much)\b|\bwhat\b/i.test(t);
  // "How much (in percent) went to A and B combined", "the combined share of A and B": shares added up.
  if (sums && SHARE_WORD.test(t) && /\band\b/i.test(t) && !RATIO_OF_RE.test(t) && !RATIO_AS_RE.test(t)) operation = 'sum';
  else if (/\bhow many times\b|\bratio\b/i.test(t)) {
    operation = 'ratio';
    ratioAs = 'multiple';
  } else if (SHARE_WORD.test(t)) operation = 'ratio';
  else if (/\bhow (many|much) (more|fewer|less)\b|\bdifference between\b|\bgap between\b/i.test(t)) operation = 'difference';
  else if (/\b(which|who)\b/i.test(t) && /\b(most|largest|biggest|highest|more|greater|larger|bigger)\b/i.test(t)) operation = 'max';
  else if (/\b(which|who)\b/i.test(t) && /\b(least|smallest|lowest|fewest|fewer|less|smaller)\b/i.test(t)) operation = 'min';
  else if (sums) operation = 'sum';
  if (!operation) return null;

  let split: Split;
  const ratioOf = operation === 'ratio' && ratioAs === 'percent' ? RATIO_OF_RE.exec(t) : null;
  const ratioAs2 = operation === 'ratio' && !ratioOf ? RATIO_AS_RE.exec(t) : null;
  if (ratioOf || ratioAs2) {
    // "share of B is A" names the whole first; "A as a share of B" names the part first.
    const [part, whole] = ratioOf ? [ratioOf[2]!, ratioOf[1]!] : [ratioAs2![1]!, ratioAs2![2]!];
    const partStart = t.indexOf(part);
    const wholeStart = t.indexOf(whole);
    const a = classify(t, glossaryTerms(part, vocabulary, partStart), places);
    const b = classify(t, glossaryTerms(whole, vocabulary, wholeStart), places);
    split = { subjects: [...a.subjects.slice(0, 1), ...b.subjects.slice(0, 1)], metric: a.metric ?? b.metric };
  } else {
    const { terms, measures } = coordinatedFirst(t, glossaryTerms(t, vocabulary), places);
    split = classify(t, terms, places, measures);
  }

  const groups = split.subjects.filter((s) => s.kind === 'group').length;
  const named = split.subjects.length - groups;
  if ((groups === 0 && named < 2) || (groups > 0 && named === 0 && !split.metric)) return null;
  if ((operation === 'ratio' || operation === 'difference') && (groups > 0 || named !== 2)) return null;
  // Shares added up are each a share of the measure (第二产业 + 固定资产投资 + 占比).
  const addsShares = operation === 'sum' && SHARE_WORD.test(t);
  return {
    question,
    operation,
    subjects: split.subjects,
    metric: addsShares && split.metric !== null && !/占比|比重/.test(split.metric) ? `${split.metric}占比` : split.metric,
    classifier: null,
    kinds: addsShares ? ['percent'] : kindsFor(t, split.metric),
    ratioAs,
  };
}
