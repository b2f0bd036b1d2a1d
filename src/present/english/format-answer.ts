/**
 * An answer for an English reader: the figure in English, what it measures and as of when, then
 * the document's Chinese sentence quoted verbatim and its citation. Not found: "The document
 * does not say."
 */
import type { Answer, Hit } from '../../answer/index.js';
import { formatCitation } from '../format-text.js';
import { renderFigureEnglish } from './figure.js';
import { describeSubjectEnglish } from './subjects.js';
import { renderTimeEnglish } from './time.js';

export interface EnglishFormatOptions {
  /** Related facts shown after the answer. Default 2, range 0–2. */
  related?: number;
}

/** Figure subjects that name a measure rather than the thing measured. */
const GENERIC_MEASURES: ReadonlySet<string> = new Set(['计划总投资', '计划投资', '同比', '全市', '沈阳市', '总数', '方式']);

export const NOT_IN_DOCUMENT_EN = 'The document does not say.';

const INVALID_EN = {
  empty: 'Please type a question.',
  'too-long': 'That question is too long; please shorten it.',
  'no-words': 'I could not find any words to search for; please rephrase.',
} as const;

/** "CNY 41.45 billion — planned total investment, intelligent manufacturing projects under construction, as of …" */
export function describeHitEnglish(hit: Hit): string | null {
  const figure = hit.keyFigure;
  if (!figure) return null;
  const rendered = renderFigureEnglish(figure);
  let measure = describeSubjectEnglish(figure.subject);
  // 计划总投资, 同比, 全市 say what is measured but not of what: the fact's subject says that.
  const of = figure.subject && GENERIC_MEASURES.has(figure.subject) ? describeSubjectEnglish(hit.fact.subject) : null;
  if (measure && of && of !== measure) measure = `${measure} (${of})`;
  if (measure && rendered.includes(measure)) measure = null;
  let time = renderTimeEnglish(figure.time ?? hit.fact.time);
  if (time && measure?.includes('year-on-year')) time = time.replace(/,? ?year on year/, '') || null;
  return `${rendered}${measure ? ` — ${measure}` : ''}${time ? `, ${time}` : ''}`;
}

/** The Chinese sentence, verbatim, in English quotation marks. */
export function quoteFact(hit: Hit): string {
  return `“${hit.fact.text}”`;
}

export function formatAnswerEnglish(answer: Answer, options: EnglishFormatOptions = {}): string {
  if (answer.kind === 'invalid') return INVALID_EN[answer.reason];
  if (answer.kind === 'not-found') {
    const tips = answer.suggestions.map((s) => `  · ${s}`);
    return [NOT_IN_DOCUMENT_EN, ...(tips.length ? ['The document does cover, for example:', ...tips] : [])].join('\n');
  }
  const [top, ...rest] = answer.hits;
  if (!top) return NOT_IN_DOCUMENT_EN;
  // A list, a person, a place or a yes/no is answered by the sentence, not by a figure in it.
  const figureAnswers = !(['list', 'person', 'place', 'yesno'] as const).some((k) => k === answer.asked);
  const headline = (figureAnswers ? describeHitEnglish(top) : null) ?? 'The document says:';
  const lines = [`▶ ${headline}`, quoteFact(top), formatCitation(top.citation, 'en')];
  const related = rest.slice(0, Math.max(0, Math.min(2, options.related ?? 2)));
  if (related.length) {
    lines.push('', 'Related figures:');
    for (const hit of related) {
      const described = describeHitEnglish(hit);
      lines.push(`  · ${described ? `${described}: ` : ''}${quoteFact(hit)}`, `    ${formatCitation(hit.citation, 'en')}`);
    }
  }
  return lines.join('\n');
}
