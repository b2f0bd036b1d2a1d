// Two ways to write the same reply: Telegram HTML (every text escaped) or plain text (console chat).
// Renderers only build text through a Format, so nothing unescaped can reach an HTML message.

export const TEXT_FORMATS = ['html', 'plain'] as const satisfies readonly string[];
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** Escapes text for Telegram's HTML parse mode (the three characters it requires, plus the quote). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Builds pieces of a message. Every method takes raw text and returns a piece that is safe in its format;
 * pieces never contain a line break inside a tag, so a message can be split at any line boundary.
 */
export interface Format {
  readonly kind: TextFormat;
  text(raw: string): string;
  bold(raw: string): string;
  italic(raw: string): string;
  /** The answer's key figure: bold and underlined in HTML, 【in brackets】 in plain text. */
  key(raw: string): string;
  /** Another figure in a quoted sentence: unmarked (only the answer's own figure stands out). */
  figure(raw: string): string;
  /** A link: `<a href>` in HTML (both escaped), "label url" in plain text. */
  link(raw: string, href: string): string;
}

/** Document text may hold line breaks; a rendered piece must not. */
function oneLine(raw: string): string {
  return raw.replace(/\s*[\r\n]+\s*/g, ' ');
}

export const htmlFormat: Format = {
  kind: 'html',
  text: (raw) => escapeHtml(oneLine(raw)),
  bold: (raw) => `<b>${escapeHtml(oneLine(raw))}</b>`,
  italic: (raw) => `<i>${escapeHtml(oneLine(raw))}</i>`,
  key: (raw) => `<b><u>${escapeHtml(oneLine(raw))}</u></b>`,
  figure: (raw) => escapeHtml(oneLine(raw)),
  link: (raw, href) => `<a href="${escapeHtml(oneLine(href))}">${escapeHtml(oneLine(raw))}</a>`,
};

export const plainFormat: Format = {
  kind: 'plain',
  text: (raw) => oneLine(raw),
  bold: (raw) => oneLine(raw),
  italic: (raw) => oneLine(raw),
  key: (raw) => `【${oneLine(raw)}】`,
  figure: (raw) => oneLine(raw),
  link: (raw, href) => `${oneLine(raw)} ${oneLine(href)}`,
};

export function formatFor(kind: TextFormat): Format {
  return kind === 'html' ? htmlFormat : plainFormat;
}
