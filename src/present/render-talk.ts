// Small-talk replies (greetings, thanks, goodbyes, "who are you", "what is this document about") and the
// 原文 / context view of a cited fact: its paragraph with the fact marked, or its table row under its header.
import type { CorpusAbout, SmallTalk, SourceContext } from '../app/index.js';
import { formatFor, type TextFormat } from './format.js';
import { textsFor, type Lang } from './i18n.js';
import { clip, colonOf, renderCitation } from './render.js';

export interface TalkOptions {
  format?: TextFormat;
  /** In a group: the bot's username, so "how to ask" says /ask, @bot or a reply. Default: a private chat. */
  groupBot?: string;
}

function describeCovers(about: CorpusAbout, lang: Lang): string {
  const titles = about.documents.map((d) => `《${d.title}》`);
  const shown = titles.slice(0, 3).join(lang === 'en' ? ', ' : '、');
  const more = titles.length > 3 ? (lang === 'en' ? ` and ${titles.length - 3} more` : `等${titles.length}份文档`) : '';
  return shown + more;
}

function describeSections(about: CorpusAbout, lang: Lang): string {
  const sections = about.sections.slice(0, 5).map((s) => `“${s}”`);
  return sections.join(lang === 'en' ? ', ' : '、');
}

/** A short, friendly reply in the language the user wrote in, with what the bot covers and how to ask. */
export function renderSmallTalk(talk: SmallTalk, about: CorpusAbout, options: TalkOptions = {}): string {
  const lang: Lang = talk.language === 'en' ? 'en' : 'zh';
  const t = textsFor(lang).talk;
  const fmt = formatFor(options.format ?? 'html');
  const covers = describeCovers(about, lang);
  const gap = lang === 'en' ? ' ' : '';
  const howTo = options.groupBot !== undefined ? t.howToAskGroup(options.groupBot) : t.howToAsk;
  const examples = about.examples.map((q) => `• ${fmt.text(q)}`);
  switch (talk.kind) {
    case 'goodbye':
      return fmt.text(t.goodbye);
    case 'thanks':
      return [fmt.text(`${t.thanks}${gap}${howTo}`), ...examples.slice(0, 2)].join('\n');
    case 'greeting':
      return [fmt.text(`${t.greeting}${gap}${t.aboutBot(covers)}`), fmt.text(howTo), ...examples].join('\n');
    case 'about-bot':
      return [fmt.text(t.aboutBot(covers)), fmt.text(howTo), ...examples].join('\n');
    case 'about-document':
      return [fmt.text(t.aboutDocument(covers, describeSections(about, lang))), fmt.text(howTo), ...examples].join('\n');
    case 'document-source':
      return about.documents
        .slice(0, 5)
        .map((d) => fmt.text(t.documentSource(d)))
        .concat(about.documents.length > 5 ? [fmt.text(describeCovers(about, lang))] : [])
        .join('\n');
  }
}

/**
 * The cited fact in its paragraph: a heading, the paragraph in an expandable blockquote with the fact
 * underlined and its key figure bold, then the full citation. A table row comes under its table's title and
 * header. HTML for Telegram, plain text (the fact in 【】) for the console.
 */
export function renderSourceContext(context: SourceContext, lang: Lang, format: TextFormat = 'html'): string {
  const t = textsFor(lang);
  const fmt = formatFor(format);
  const html = format === 'html';
  const { hit, paragraph, start, end, row } = context;
  const heading = fmt.bold(row ? t.tableHeading(row.title) : t.contextHeading);
  const citation = fmt.italic(`${t.sourceLabel}${colonOf(lang)}`) + renderCitation(hit.citation, lang, fmt);
  if (row) {
    const header = row.header.map((c) => c.trim()).join(' | ');
    const cells = row.cells.map((c) => c.trim()).join(' | ');
    const body = [clip(header, 600), clip(cells, 600)].map((l) => fmt.text(l)).join('\n');
    return [heading, html ? `<pre>${body}</pre>` : body, citation].join('\n');
  }
  const key = hit.keyFigure;
  const keyStart = key ? start + key.start : -1;
  const keyEnd = key ? start + key.end : -1;
  const piece = (from: number, to: number) => fmt.text(paragraph.slice(from, to));
  let marked: string;
  if (html) {
    const inFact =
      keyStart >= start && keyEnd <= end && keyStart < keyEnd
        ? `${piece(start, keyStart)}<b>${piece(keyStart, keyEnd)}</b>${piece(keyEnd, end)}`
        : piece(start, end);
    marked = `${piece(0, start)}<u>${inFact}</u>${piece(end, paragraph.length)}`;
    marked = `<blockquote expandable>${marked}</blockquote>`;
  } else {
    marked = `${piece(0, start)}【${piece(start, end)}】${piece(end, paragraph.length)}`;
  }
  return [heading, marked, citation].join('\n');
}
