/**
 * Documents → fact records: each sentence (or clause, where a sentence chains facts with "；")
 * with its figures parsed, the time qualifier that applies and the subject it is about.
 */
import type { CorpusDocument } from '../corpus/index.js';
import { segmentDocument, type Span } from '../corpus/index.js';
import { DEFAULT_FACTS, type FactParams } from './defaults.js';
import type { TaggedWord } from '../text/index.js';
import type { Fact, Figure } from './fact.js';
import { extractFigures, type RawFigure } from './figures.js';
import {
  describeSentenceFigures,
  documentEntity,
  documentPeriod,
  placesIn,
  UNREAD_CONTEXT,
  type DocumentContext,
} from './figure-context.js';
import { distributeListedValues } from './listed-values.js';
import { industryShares } from './ratio-parts.js';
import { describeRowFigures } from './table-row.js';
import { findTimeMentions, type TimeMention } from './time.js';

export type Tagger = (text: string) => TaggedWord[];

/** Noun-like jieba tags: what a subject phrase is made of. */
const NOUNISH = /^(n|nr|ns|nt|nz|nrt|vn|an|eng|j)$/;
/** Words that may precede a figure without being part of what it measures. */
const LINKING =
  /^(已|已经|共|总共|累计|达|达到|为|是|有|拥有|实现|超过|约|近|逾|新|共计|合计|其中|实际|增加|增长|突破|完成|认定|新认定|引进|新增|登记|签约|建成|支出|的)$/;
/** Tags that may sit inside a subject phrase but not make one alone (亿元以上, 新, 各类). */
const MODIFIER = /^(m|q|a|b|f|mq)$/;
const CLAUSE_BREAK = /[，,：:；;。！？!?（）()]/;

export function extractFacts(doc: CorpusDocument, tag: Tagger, params: FactParams = DEFAULT_FACTS): Fact[] {
  const { sentences } = segmentDocument(doc.text, params.segmentation);
  const context: DocumentContext = {
    entity: documentEntity(doc.title, tag),
    period: documentPeriod(doc.title, doc.period, doc.date, doc.text),
  };
  const facts: Fact[] = [];
  let previous: { paragraph: number; whole: string | null } | null = null;
  let previousRow: string | null = null;
  for (const s of sentences) {
    const times = findTimeMentions(s.text);
    const sentenceFacts: { fact: Fact; offset: number }[] = [];
    let inherited: string | null = null;
    s.clauses.forEach((clause, k) => {
      const offset = clause.start - s.start;
      const own = times.filter((t) => t.role === 'point' && t.start >= offset && t.end <= offset + clause.text.length);
      const time = own[0]?.text ?? inherited;
      inherited = time;
      const figures = extractFigures(clause.text).map((f) => attachContext(f, clause, offset, times, tag, params.maxSubjectChars));
      const fact: Fact = {
        id: `${doc.id}:${s.paragraph}.${s.sentence}.${k + 1}`,
        docId: doc.id,
        section: s.section,
        paragraph: s.paragraph,
        sentence: s.sentence,
        clause: k + 1,
        text: clause.text,
        start: clause.start,
        end: clause.end,
        figures,
        time,
        subject: figures.find((f) => f.subject && f.kind !== 'date')?.subject ?? null,
        ...(s.row ? { row: s.row } : {}),
      };
      facts.push(fact);
      sentenceFacts.push({ fact, offset });
    });
    if (s.row) {
      const fact = sentenceFacts[0]?.fact;
      if (fact) previousRow = describeRowFigures(fact, s.row, context, previousRow);
      continue;
    }
    previousRow = null;
    const whole = describeSentenceFigures(
      s.text,
      sentenceFacts.flatMap(({ fact, offset }) => fact.figures.map((figure) => ({ figure, at: offset + figure.start }))),
      times,
      placesIn(tag(s.text)),
      sentenceFacts.map(({ offset }) => offset),
      { ...context, previousWhole: previous?.paragraph === s.paragraph ? previous.whole : null },
    );
    previous = { paragraph: s.paragraph, whole };
    // 三次产业…0.7:50.7:48.6: each industry's share beside the ratio (ratio-parts.ts).
    for (const { fact } of sentenceFacts) {
      // 第一、二、三次产业…分别为8.9%、27.7%和63.4%: each value its own industry's (listed-values.ts).
      distributeListedValues(fact);
      const shares = industryShares(fact);
      if (shares.length) fact.figures = [...fact.figures, ...shares].sort((a, b) => a.start - b.start || b.end - a.end);
    }
  }
  return facts;
}

function attachContext(
  f: RawFigure,
  clause: Span,
  offsetInSentence: number,
  sentenceTimes: TimeMention[],
  tag: Tagger,
  maxSubjectChars: number,
): Figure {
  const at = offsetInSentence + f.start;
  const before = sentenceTimes.filter((t) => t.end <= at + (f.kind === 'date' ? f.end - f.start : 0));
  const point = [...before].reverse().find((t) => t.role === 'point');
  const compare = before.filter((t) => t.role === 'compare' && t.start > (point?.start ?? -1)).pop();
  const time = f.kind === 'date' ? null : [point?.text, compare?.text].filter(Boolean).join('，') || null;
  // Spelled out rather than spread: V8 gives every object built by a spread its own hidden class, and a corpus has
  // tens of thousands of figures (7 MB of hidden classes on 1.7 M characters).
  return {
    raw: f.raw,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
    approx: f.approx,
    start: f.start,
    end: f.end,
    time,
    subject: f.kind === 'date' ? null : findSubject(clause.text, f, tag, maxSubjectChars),
    // Filled in for the whole sentence by describeSentenceFigures.
    ...UNREAD_CONTEXT,
  };
}

/**
 * What a figure measures: the noun phrase right after it when the unit is a measure word
 * ("165个亿元以上重点项目"), else the noun phrase right before it ("常住人口69万人").
 */
export function findSubject(
  text: string,
  f: RawFigure,
  tag: Tagger,
  maxSubjectChars: number = DEFAULT_FACTS.maxSubjectChars,
): string | null {
  const after = leadingPhrase(text.slice(f.end), tag, maxSubjectChars);
  if (after && ['count', 'people'].includes(f.kind) && f.unit !== '户' && f.unit !== '人') return after;
  return trailingPhrase(text.slice(0, f.start), tag, maxSubjectChars) ?? after;
}

function clausePart(s: string, fromEnd: boolean): string {
  const parts = s.split(CLAUSE_BREAK);
  return (fromEnd ? parts[parts.length - 1] : parts[0]) ?? '';
}

function leadingPhrase(s: string, tag: Tagger, max: number): string | null {
  const words: TaggedWord[] = [];
  for (const w of tag(clausePart(s, false))) {
    if (!NOUNISH.test(w.tag) && !MODIFIER.test(w.tag)) break;
    words.push(w);
  }
  while (words.length && !NOUNISH.test(words[words.length - 1]!.tag)) words.pop();
  while (words.length && words[0]!.tag === 'f') words.shift(); // "以上重大投资项目" → 重大投资项目
  return phrase(words, max);
}

function trailingPhrase(s: string, tag: Tagger, max: number): string | null {
  const words = tag(clausePart(s, true));
  const skippable = (w: TaggedWord) => LINKING.test(w.word) || w.tag === 'd' || w.tag === 't';
  while (words.length && skippable(words[words.length - 1]!)) words.pop();
  const kept: TaggedWord[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (!NOUNISH.test(w.tag) && !(MODIFIER.test(w.tag) && kept.length)) break;
    kept.unshift(w);
  }
  while (kept.length && !NOUNISH.test(kept[0]!.tag) && kept[0]!.tag !== 'a' && kept[0]!.tag !== 'b') kept.shift();
  // "浑南区国家高新技术企业" is about 国家高新技术企业: a leading place name is context, not the metric.
  while (kept.length > 1 && kept[0]!.tag === 'ns') kept.shift();
  return phrase(kept, max);
}

function phrase(words: TaggedWord[], max: number): string | null {
  let text = words.map((w) => w.word).join('');
  while (text.length > max && words.length > 1) {
    words = words.slice(1);
    text = words.map((w) => w.word).join('');
  }
  return text.length >= 2 && text.length <= max ? text : null;
}
