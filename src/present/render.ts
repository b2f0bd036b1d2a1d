// Answer → message text. HTML for Telegram (every user or document text escaped), plain for the console.
// No ranking here: the engine decides what the answer is, this only words it.
import type { Answer, Citation, Hit } from '../answer/index.js';
import type { Reading } from '../app/index.js';
import type { Fact, Figure } from '../facts/index.js';
import type { QuestionLanguage } from '../text/index.js';
import type { SubjectNames } from './english/index.js';
import { formatFor, type Format, type TextFormat } from './format.js';
import { replyLocale, textsFor, type Lang, type Locale } from './i18n.js';

export { escapeHtml } from './format.js';

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;

/**
 * Where a citation can be read on the web: the document's page with the cited span marked (the bot's own page
 * server, when it has a public address), or null. `figure` is the figure the answer cites in it, if any.
 */
export type SourceUrl = (citation: Citation, figure: Figure | null) => string | null;

/** Options for the renderers (renderReply, renderAnswer, …); every field is optional. */
export interface RenderOptions {
  /** The user's UI language (Telegram language_code). Default 'zh'. */
  lang?: Lang;
  /**
   * The language the question was asked in (respond() tells it). Default 'zh-Hans'. An English question
   * gets an English answer and frame (render-reply.ts); a Traditional one a frame in Traditional characters.
   */
  language?: QuestionLanguage;
  /** 'html' for Telegram (default), 'plain' for the console. */
  format?: TextFormat;
  /** 'full' (private chats, console): answer, sentence, citation and related facts. 'short' (groups): no related facts. */
  style?: 'full' | 'short';
  /**
   * Start with the question (when a button asked it, so the chat shows what was asked; and for a follow-up,
   * as it was understood: “问：智能制造计划投资有多少？”). Default false.
   */
  showQuestion?: boolean;
  /** Questions to offer when the input was empty or unreadable. Default none. */
  examples?: readonly string[];
  /** The corpus's English names of its subjects (Engine.vocabulary.subjectsEn), for English replies. Default none. */
  subjectsEn?: SubjectNames;
  /** How the question was read (respond() tells it): the echo line says so for a follow-up. Default 'own'. */
  reading?: Reading;
  /**
   * The short citation (document short name · section · paragraph), the full one being behind the 原文
   * button. Default: in the 'short' style (groups). Inline results, which have no button, keep the full one.
   */
  shortCitation?: boolean;
  /** A link to the cited span on the document's web page, after each source line. Default none. */
  sourceUrl?: SourceUrl;
}

/** How much of a user's question is echoed back at most. */
export const ECHO_LIMIT = 100;

/** The locale, format and style a renderer works with, from its options. */
export interface Rendering {
  locale: Locale;
  fmt: Format;
  style: 'full' | 'short';
  shortCitation: boolean;
}

export function renderingOf(options: RenderOptions): Rendering {
  return {
    locale: replyLocale(options.lang ?? 'zh', options.language),
    fmt: formatFor(options.format ?? 'html'),
    style: options.style ?? 'full',
    shortCitation: options.shortCitation ?? options.style === 'short',
  };
}

/** "：" after a Chinese label, ": " after an English one. */
export function colonOf(locale: Locale): string {
  return locale === 'en' ? ': ' : '：';
}

/**
 * "问：…" — the question as asked (or as a follow-up was understood), clipped; a follow-up answered from the
 * sentence just cited, or read on its own, says so.
 */
export function renderQuestionLine(question: string, locale: Locale, fmt: Format, reading: Reading = 'own'): string {
  const t = textsFor(locale);
  const note = reading === 'same-sentence' ? t.readAs.sameSentence : reading === 'alone' ? t.readAs.alone : '';
  return fmt.bold(`${t.questionLabel}${colonOf(locale)}`) + fmt.text(clip(question, ECHO_LIMIT)) + (note ? fmt.italic(note) : '');
}

/** A document's short name for group citations: its title, cut to a few characters. */
export function shortTitle(title: string): string {
  const chars = Array.from(title);
  return chars.length <= 10 ? title : `${chars.slice(0, 8).join('')}…`;
}

/** "《沈阳市浑南区重塑…》 · 投资兴业的热土 · 第5段": the short citation of group answers (the full one is behind 原文). */
export function renderShortCitation(citation: Citation, locale: Locale, fmt: Format): string {
  const parts = [fmt.text(`《${shortTitle(citation.title)}》`)];
  if (citation.page !== undefined) parts.push(fmt.text(textsFor(locale).page(citation.page)));
  if (citation.section) parts.push(fmt.text(clip(citation.section, 12)));
  parts.push(fmt.text(locale === 'en' ? `para. ${citation.paragraph}` : `第${citation.paragraph}段`));
  return parts.join(' · ');
}

/** At most `limit` characters (code points) of a text on one line, with "…" when cut. */
export function clip(text: string, limit: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : chars.join('');
}

function validFigures(fact: Fact, keyFigure: Figure | null): Figure[] {
  const inText = fact.figures.filter((f) => f.start >= 0 && f.end <= fact.text.length && f.start < f.end);
  // The key figure first: a part of a ratio (50.7 of 0.7:50.7:48.6) is marked, not the ratio around it.
  const key = keyFigure ? inText.find((f) => sameFigure(f, keyFigure)) : undefined;
  const sorted = (key ? inText.filter((f) => f === key || f.end <= key.start || f.start >= key.end) : inText).sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const kept: Figure[] = [];
  let last = 0;
  for (const figure of sorted) {
    if (figure.start < last) continue; // overlapping: keep the first
    kept.push(figure);
    last = figure.end;
  }
  return kept;
}

function sameFigure(a: Figure, b: Figure | null): boolean {
  return b !== null && a.start === b.start && a.end === b.end;
}

/** The fact's sentence with its figures marked (the key figure most strongly). */
export function markFigures(fact: Fact, keyFigure: Figure | null, fmt: Format): string {
  let out = '';
  let at = 0;
  // A table row reads as "茶叶 · 产量（吨） 13910 · 比上年增长（%） 27.4": each cell after its column's header.
  const leading = fact.row ? fact.row.cells.join('\t').length - fact.row.cells.join('\t').trimStart().length : 0;
  const cellText = (piece: string, cellsBefore: number) =>
    fact.row
      ? piece.replace(/\t/g, () => {
          const header = (fact.row!.header[leading + ++cellsBefore] ?? '').trim();
          return header ? ` · ${header} ` : ' · ';
        })
      : piece;
  const cellsBefore = (offset: number) => fact.text.slice(0, offset).split('\t').length - 1;
  for (const figure of validFigures(fact, keyFigure)) {
    out += fmt.text(cellText(fact.text.slice(at, figure.start), cellsBefore(at)));
    const raw = fact.text.slice(figure.start, figure.end);
    out += sameFigure(figure, keyFigure) ? fmt.key(raw) : fmt.figure(raw);
    at = figure.end;
  }
  out += fmt.text(cellText(fact.text.slice(at), cellsBefore(at)));
  return out.trim();
}

/** "《title》（publisher） · section · 第5段第2句第1分句"; without the document: "section · 第5段第2句…". */
export function renderCitation(citation: Citation, locale: Locale, fmt: Format, withDocument = true): string {
  const t = textsFor(locale);
  const parts: string[] = [];
  if (withDocument) {
    const publisher = citation.publisher ? (locale === 'en' ? ` (${citation.publisher})` : `（${citation.publisher}）`) : '';
    parts.push(fmt.text(`《${citation.title}》${publisher}`));
  }
  if (citation.page !== undefined) parts.push(fmt.text(t.page(citation.page)));
  if (citation.section) parts.push(fmt.text(citation.section));
  parts.push(fmt.text(t.paragraph(citation.paragraph, citation.sentence, citation.clause)));
  return parts.join(' · ');
}

/**
 * "出处：《title》… · 第5段第2句", the label in italics; `short` (groups): the short citation. With a URL,
 * " · 网页原文" after it, linking to the document's page with the cited span marked.
 */
export function renderSourceLine(citation: Citation, locale: Locale, fmt: Format, short = false, url: string | null = null): string {
  const t = textsFor(locale);
  const label = fmt.italic(`${t.sourceLabel}${colonOf(locale)}`);
  const line = label + (short ? renderShortCitation(citation, locale, fmt) : renderCitation(citation, locale, fmt));
  return url === null ? line : `${line} · ${fmt.link(t.sourcePage, url)}`;
}

export function quoted(sentence: string): string {
  return `“${sentence}”`;
}

/** What a figure measures, for titles: the figure's subject, else the fact's, else its section. */
export function describeHit(hit: Hit): string {
  const figure = hit.keyFigure;
  const measure = figure?.subject ?? hit.fact.subject ?? hit.fact.section ?? '';
  if (figure === null) return clip(measure || hit.fact.text, 60);
  return measure ? `${figure.raw} · ${measure}` : figure.raw;
}

/** A figure as a reader takes it: a table cell's bare number with its unit from the header (1.82 → 1.82万吨). */
export function figureAsRead(figure: Pick<Figure, 'raw' | 'unit'>): string {
  return figure.unit && /^[-−]?[\d.,]+$/.test(figure.raw) ? `${figure.raw}${figure.unit}` : figure.raw;
}

/**
 * The answer block for one hit: key figure, the cited sentence, the citation (short in groups). A hit with
 * no key figure (a list, a definition, who or where) is answered by its sentence alone, with no headline.
 */
export function renderHit(hit: Hit, locale: Locale, fmt: Format, shortCitation = false, sourceUrl?: SourceUrl): string[] {
  const t = textsFor(locale);
  const lines: string[] = [];
  if (hit.keyFigure !== null) lines.push(`${fmt.text(`${t.answerLabel}${colonOf(locale)}`)}${fmt.key(figureAsRead(hit.keyFigure))}`);
  lines.push(quoted(markFigures(hit.fact, hit.keyFigure, fmt)));
  lines.push(renderSourceLine(hit.citation, locale, fmt, shortCitation, sourceUrl?.(hit.citation, hit.keyFigure) ?? null));
  return lines;
}

/** A related fact as a bullet: the sentence, then where it is. */
export function renderRelated(hit: Hit, mainDocument: string | null, locale: Locale, fmt: Format): string[] {
  return [
    `• ${markFigures(hit.fact, hit.keyFigure, fmt)}`,
    `  — ${renderCitation(hit.citation, locale, fmt, hit.citation.document !== mainDocument)}`,
  ];
}

/** "可以试试这些问题：" and the engine's sample questions (two in groups). */
export function renderSuggestions(suggestions: readonly string[], rendering: Pick<Rendering, 'locale' | 'fmt' | 'style'>): string[] {
  const { locale, fmt, style } = rendering;
  const shown = style === 'full' ? suggestions : suggestions.slice(0, 2);
  if (shown.length === 0) return [];
  return [fmt.text(textsFor(locale).tryInstead), ...shown.map((q) => `• ${fmt.text(q)}`)];
}

/**
 * "Not stated" with what the document does give instead: the line saying what differs, then the closest
 * figure's sentence (its figure marked) and citation. Null when there is nothing near to show.
 */
export function renderNearAnswer(
  answer: Extract<Answer, { kind: 'not-found' }>,
  locale: Locale,
  fmt: Format,
  describe: (hit: Hit) => { measure: string; figure: string } = (hit) => ({
    measure: hit.keyFigure?.measure ?? hit.keyFigure?.subject ?? '',
    figure: hit.keyFigure?.raw ?? '',
  }),
  sourceUrl?: SourceUrl,
): string[] | null {
  const hit = answer.closest;
  const key = hit?.keyFigure;
  if (!hit || !key || !answer.missing) return null;
  const t = textsFor(locale);
  const { measure, figure } = describe(hit);
  const line =
    answer.reason === 'period'
      ? t.nearPeriod(answer.missing, measure, key.period ?? '', figure)
      : answer.reason === 'entity'
        ? t.nearEntity(answer.missing, measure, key.entity ?? '', figure)
        : answer.reason === 'scope'
          ? t.nearScope(answer.missing, measure, figure)
          : null;
  if (line === null) return null;
  return [
    fmt.text(line),
    `${fmt.italic(`${t.nearSource}${colonOf(locale)}`)}${quoted(markFigures(hit.fact, key, fmt))}`,
    renderSourceLine(hit.citation, locale, fmt, false, sourceUrl?.(hit.citation, key) ?? null),
  ];
}

/** The line asking for text when the input was empty or unreadable, with an example. */
export function renderInvalid(
  reason: Extract<Answer, { kind: 'invalid' }>['reason'],
  locale: Locale,
  fmt: Format,
  examples?: readonly string[],
): string {
  const t = textsFor(locale);
  const example = examples?.[0];
  const gap = locale === 'en' ? ' ' : '';
  return fmt.text(t.invalid[reason] + (example ? gap + t.forExample(example) : ''));
}

/**
 * Renders an engine answer with its Chinese body (the document's sentence, its figures marked) as one
 * message text (split it with splitMessage before sending). English answers: render-english.ts; any reply
 * (computed ones too): renderReply in render-reply.ts.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): string {
  const { locale, fmt, style, shortCitation } = renderingOf(options);
  const t = textsFor(locale);
  const lines: string[] = [];
  if (options.showQuestion && answer.question.trim() !== '') lines.push(renderQuestionLine(answer.question, locale, fmt, options.reading));
  switch (answer.kind) {
    case 'found': {
      const [first, ...related] = answer.hits;
      if (first === undefined) break;
      lines.push(...renderHit(first, locale, fmt, shortCitation, options.sourceUrl));
      if (style === 'full' && related.length > 0) {
        lines.push('', fmt.bold(t.relatedHeading));
        for (const hit of related) lines.push(...renderRelated(hit, first.citation.document, locale, fmt));
      }
      break;
    }
    case 'not-found': {
      const near = answer.closest ? renderNearAnswer(answer, locale, fmt, undefined, options.sourceUrl) : null;
      if (near) {
        lines.push(...near);
        if (style === 'full' && answer.suggestions.length > 0)
          lines.push('', ...renderSuggestions(answer.suggestions, { locale, fmt, style }));
        break;
      }
      lines.push(fmt.text(t.notFound(clip(answer.question, ECHO_LIMIT))));
      lines.push(...renderSuggestions(answer.suggestions, { locale, fmt, style }));
      break;
    }
    case 'invalid':
      lines.push(renderInvalid(answer.reason, locale, fmt, options.examples));
      break;
  }
  return lines.join('\n');
}

/** A page of related facts (the "更多相关数据" button), headed by what they relate to. */
export function renderRelatedPage(origin: Fact | null, hits: readonly Hit[], options: RenderOptions = {}): string {
  const { locale, fmt } = renderingOf(options);
  const t = textsFor(locale);
  const about = origin === null ? null : (origin.subject ?? origin.section ?? origin.text);
  const heading = about === null ? t.relatedHeading : t.relatedTo(clip(about, 30));
  const lines = [fmt.bold(heading)];
  const mainDocument = origin?.docId ?? null;
  for (const hit of hits) lines.push(...renderRelated(hit, mainDocument, locale, fmt));
  return lines.join('\n');
}

/** Cuts one over-long line into pieces of at most `limit` characters, never inside a surrogate pair or an entity. */
function cutLine(line: string, limit: number, html: boolean): string[] {
  // A line longer than a whole message: drop its tags (they could not be kept balanced across pieces).
  const text = html ? line.replace(/<\/?[a-z][^>]*>/gi, '') : line;
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = limit;
    if (html) {
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp !== -1 && amp > cut - 10) {
        const semi = rest.indexOf(';', amp);
        if (semi === -1 || semi >= cut) cut = amp;
      }
    }
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    if (cut <= 0) cut = limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Splits a message into parts of at most `limit` characters at line boundaries (counting the HTML source,
 * which is never shorter than what Telegram counts). Tags never span lines, so every part stays valid HTML.
 * Blank parts are dropped.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT, format: TextFormat = 'html'): string[] {
  if (text.length <= limit) return text.trim() === '' ? [] : [text];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') parts.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const pieces = line.length > limit ? cutLine(line, limit, format === 'html') : [line];
    for (const piece of pieces) {
      if (current === '') {
        current = piece;
      } else if (current.length + 1 + piece.length <= limit) {
        current += `\n${piece}`;
      } else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts;
}
