/** What a hit's key figure measures, and as of when, for an English reader. */
import type { Hit } from '../../answer/index.js';
import { renderFigureEnglish } from './figure.js';
import { describeSubjectEnglish, NO_SUBJECT_NAMES, type SubjectNames } from './subjects.js';
import { renderTimeEnglish } from './time.js';

/** Figure subjects that name a measure rather than the thing measured. */
const GENERIC_MEASURES: ReadonlySet<string> = new Set(['计划总投资', '计划投资', '同比', '总数', '方式']);

/** "CNY 41.45 billion — planned total investment, intelligent manufacturing projects under construction, as of …" */
export function describeHitEnglish(hit: Hit, names: SubjectNames = NO_SUBJECT_NAMES): string | null {
  const figure = hit.keyFigure;
  if (!figure) return null;
  const rendered = renderFigureEnglish(figure);
  let measure = describeSubjectEnglish(figure.subject, names);
  // 计划总投资, 同比, 全市 say what is measured but not of what: the fact's subject says that.
  const of =
    figure.subject && (GENERIC_MEASURES.has(figure.subject) || /^share of\b/.test(measure ?? ''))
      ? describeSubjectEnglish(hit.fact.subject, names)
      : null;
  if (measure && of && of !== measure) measure = `${measure} (${of})`;
  if (measure && rendered.includes(measure)) measure = null;
  let time = renderTimeEnglish(figure.time ?? hit.fact.time);
  if (time && measure?.includes('year-on-year')) time = time.replace(/,? ?year on year/, '') || null;
  return `${rendered}${measure ? ` — ${measure}` : ''}${time ? `, ${time}` : ''}`;
}
