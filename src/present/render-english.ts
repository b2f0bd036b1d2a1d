// Answers to English questions: the figure for an English reader and what it measures, as of when (the
// core's render-en words these), then the document's Chinese sentence verbatim, its figures marked, and the
// citation in English. Not found: "The document does not say." Always an English frame.
import type { Answer, AskedKind, Hit } from '../answer/index.js';
import type { Fact } from '../facts/index.js';
import { describeHitEnglish, describeSubjectEnglish, NO_SUBJECT_NAMES, renderFigureEnglish, type SubjectNames } from './english/index.js';
import { textsFor } from './i18n.js';
import {
  clip,
  colonOf,
  markFigures,
  quoted,
  renderCitation,
  renderingOf,
  renderInvalid,
  renderNearAnswer,
  renderQuestionLine,
  renderSourceLine,
  type SourceUrl,
  renderSuggestions,
  type RenderOptions,
} from './render.js';
import type { Format } from './format.js';

const LOCALE = 'en';

/** Kinds of question a sentence answers better than a figure in it. */
const SENTENCE_ANSWERS: ReadonlySet<AskedKind> = new Set<AskedKind>(['list', 'person', 'place', 'yesno']);

/**
 * "Answer: <690,000 people> — resident population, as of …": the key figure marked, the rest as words;
 * null without a key figure.
 */
function headline(hit: Hit, fmt: Format, names: SubjectNames): string | null {
  const described = describeHitEnglish(hit, names);
  if (hit.keyFigure === null || described === null) return null;
  const figure = renderFigureEnglish(hit.keyFigure);
  const label = fmt.text(`${textsFor(LOCALE).answerLabel}${colonOf(LOCALE)}`);
  return described.startsWith(figure) ? label + fmt.key(figure) + fmt.text(described.slice(figure.length)) : label + fmt.text(described);
}

/** The English answer block for one hit: figure and measure, the sentence quoted, the citation. */
export function renderHitEnglish(
  hit: Hit,
  asked: AskedKind,
  fmt: Format,
  names: SubjectNames = NO_SUBJECT_NAMES,
  shortCitation = false,
  sourceUrl?: SourceUrl,
): string[] {
  const top = SENTENCE_ANSWERS.has(asked) ? null : headline(hit, fmt, names);
  return [
    top ?? fmt.text('The document says:'),
    quoted(markFigures(hit.fact, hit.keyFigure, fmt)),
    renderSourceLine(hit.citation, LOCALE, fmt, shortCitation, sourceUrl?.(hit.citation, hit.keyFigure) ?? null),
  ];
}

/** A related fact: "• CNY 7.77 billion — planned total investment …: “sentence”", then where it is. */
function renderRelatedEnglish(hit: Hit, mainDocument: string | null, fmt: Format, names: SubjectNames): string[] {
  const described = describeHitEnglish(hit, names);
  return [
    `• ${described ? fmt.text(`${described}: `) : ''}${quoted(markFigures(hit.fact, hit.keyFigure, fmt))}`,
    `  — ${renderCitation(hit.citation, LOCALE, fmt, hit.citation.document !== mainDocument)}`,
  ];
}

/** An engine answer to an English question, as one message text. */
export function renderAnswerEnglish(answer: Answer, options: RenderOptions = {}): string {
  const { fmt, style, shortCitation } = renderingOf(options);
  const names = options.subjectsEn ?? NO_SUBJECT_NAMES;
  const lines: string[] = [];
  if (options.showQuestion && answer.question.trim() !== '') lines.push(renderQuestionLine(answer.question, LOCALE, fmt, options.reading));
  switch (answer.kind) {
    case 'found': {
      const [first, ...related] = answer.hits;
      if (first === undefined) {
        lines.push(fmt.text(textsFor(LOCALE).notFound(answer.question)));
        break;
      }
      lines.push(...renderHitEnglish(first, answer.asked, fmt, names, shortCitation, options.sourceUrl));
      if (style === 'full' && related.length > 0) {
        lines.push('', fmt.bold(textsFor(LOCALE).relatedHeading));
        for (const hit of related) lines.push(...renderRelatedEnglish(hit, first.citation.document, fmt, names));
      }
      break;
    }
    case 'not-found': {
      // The document's own words for what it gives, in English where the corpus names them.
      const near = answer.closest
        ? renderNearAnswer(
            answer,
            LOCALE,
            fmt,
            (hit) => ({
              measure: describeSubjectEnglish(hit.keyFigure?.measure, names) ?? '',
              figure: hit.keyFigure ? renderFigureEnglish(hit.keyFigure) : '',
            }),
            options.sourceUrl,
          )
        : null;
      if (near) {
        lines.push(...near);
        if (style === 'full' && answer.suggestions.length > 0)
          lines.push('', ...renderSuggestions(answer.suggestions, { locale: LOCALE, fmt, style }));
      } else
        lines.push(
          fmt.text(textsFor(LOCALE).notFound(answer.question)),
          ...renderSuggestions(answer.suggestions, { locale: LOCALE, fmt, style }),
        );
      break;
    }
    case 'invalid':
      lines.push(renderInvalid(answer.reason, LOCALE, fmt, options.examples));
      break;
  }
  return lines.join('\n');
}

/** A page of related facts for an English answer ("More related data"). */
export function renderRelatedPageEnglish(origin: Fact | null, hits: readonly Hit[], options: RenderOptions = {}): string {
  const { fmt } = renderingOf(options);
  const names = options.subjectsEn ?? NO_SUBJECT_NAMES;
  const t = textsFor(LOCALE);
  const subject = origin?.subject ?? null;
  const about = origin === null ? null : (describeSubjectEnglish(subject, names) ?? subject ?? origin.section ?? origin.text);
  const lines = [fmt.bold(about === null ? t.relatedHeading : t.relatedTo(clip(about, 40)))];
  for (const hit of hits) lines.push(...renderRelatedEnglish(hit, origin?.docId ?? null, fmt, names));
  return lines.join('\n');
}
