// Computed answers (一共, 哪个最多, 占…的比例, 多多少): the result and the arithmetic first, any note (a missing
// operand, different units or dates), then each operand: its figure, its sentence quoted with the figure
// marked, and its citation. In groups ('short'): result, arithmetic, notes, one line per operand with its
// figure and a short citation (section, paragraph, sentence, clause).
import type { ComputedAnswer, Operand } from '../app/index.js';
import { computedSummaryLines } from './computed-summary.js';
import { describeSubjectEnglish, NO_SUBJECT_NAMES, renderFigureEnglish, type SubjectNames } from './english/index.js';
import type { Format } from './format.js';
import type { Locale } from './i18n.js';
import {
  colonOf,
  markFigures,
  quoted,
  renderCitation,
  renderingOf,
  renderQuestionLine,
  renderSourceLine,
  type SourceUrl,
  type RenderOptions,
} from './render.js';
import { toTraditional } from './traditional.js';

/** The headline, the working and the notes, as the core words them. Plain text. */
export function computedSummary(answer: ComputedAnswer, english: boolean, names: SubjectNames = NO_SUBJECT_NAMES): string[] {
  return computedSummaryLines(answer, english ? 'en' : 'zh', names);
}

/** "intelligent manufacturing (智能制造)" for an English reader; the label itself otherwise. */
function operandLabel(o: Operand, english: boolean, names: SubjectNames): string {
  const en = english ? describeSubjectEnglish(o.label, names) : null;
  return en ? `${en} (${o.label})` : o.label;
}

function operandValue(o: Operand, english: boolean): string {
  return english ? renderFigureEnglish(o.figure) : o.figure.raw;
}

/** The operand's sentence, verbatim, with its own figure marked as the key figure. */
function operandLines(o: Operand, english: boolean, names: SubjectNames, locale: Locale, fmt: Format, sourceUrl?: SourceUrl): string[] {
  return [
    `• ${fmt.text(`${operandLabel(o, english, names)}${colonOf(locale)}`)}${fmt.key(operandValue(o, english))}`,
    quoted(markFigures(o.hit.fact, o.figure, fmt)),
    renderSourceLine(o.hit.citation, locale, fmt, false, sourceUrl?.(o.hit.citation, o.figure) ?? null),
  ];
}

/** One line: "• 智能制造：91个 — 投资兴业的热土 · 第5段第2句第1分句". */
function operandShortLine(o: Operand, english: boolean, names: SubjectNames, locale: Locale, fmt: Format): string {
  const label = fmt.text(`${operandLabel(o, english, names)}${colonOf(locale)}`);
  return `• ${label}${fmt.bold(operandValue(o, english))} — ${renderCitation(o.hit.citation, locale, fmt, false)}`;
}

/** A computed answer as one message text. English when the question was (options.language 'en'). */
export function renderComputed(answer: ComputedAnswer, options: RenderOptions = {}): string {
  const { locale, fmt, style } = renderingOf(options);
  const english = options.language === 'en';
  const names = options.subjectsEn ?? NO_SUBJECT_NAMES;
  // The engine's own words around the figures follow a Traditional asker's script; quotes never do.
  const frame = (text: string) => (locale === 'zh-Hant' ? toTraditional(text) : text);
  const lines: string[] = [];
  if (options.showQuestion && answer.question.trim() !== '') lines.push(renderQuestionLine(answer.question, locale, fmt, options.reading));
  const [headline, ...rest] = computedSummary(answer, english, names).map(frame);
  if (headline !== undefined) lines.push(fmt.bold(headline));
  lines.push(...rest.map((line) => fmt.text(line)));
  for (const o of answer.operands) {
    if (style === 'short') lines.push(operandShortLine(o, english, names, locale, fmt));
    else lines.push('', ...operandLines(o, english, names, locale, fmt, options.sourceUrl));
  }
  return lines.join('\n');
}
