// A strict reader of Telegram's HTML parse mode, so the fake Bot API rejects what Telegram would
// ("Bad Request: can't parse entities") and tests can look at the text a user would see.

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export class HtmlParseError extends Error {}

export interface ParsedHtml {
  /** What the user sees. */
  text: string;
  /** Text inside <b>/<strong>, in order. */
  bold: string[];
}

export function parseTelegramHtml(html: string): ParsedHtml {
  let text = '';
  const stack: Array<{ tag: string; start: number }> = [];
  const bold: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const close = html.indexOf('>', i);
      if (close === -1) throw new HtmlParseError(`can't parse entities: unclosed start tag at byte offset ${i}`);
      const inner = html.slice(i + 1, close);
      const m = /^(\/?)([a-z][a-z0-9-]*)(\s[^<>]*)?$/i.exec(inner);
      if (!m) throw new HtmlParseError(`can't parse entities: unsupported start tag "${inner}" at byte offset ${i}`);
      const [, slash, rawName] = m;
      const name = rawName!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) throw new HtmlParseError(`can't parse entities: unsupported start tag "${name}"`);
      if (slash) {
        const open = stack.pop();
        if (!open || open.tag !== name) throw new HtmlParseError(`can't parse entities: unmatched end tag "${name}"`);
        if (name === 'b' || name === 'strong') bold.push(text.slice(open.start));
      } else {
        stack.push({ tag: name, start: text.length });
      }
      i = close + 1;
    } else if (ch === '&') {
      const semi = html.indexOf(';', i);
      const name = semi === -1 ? '' : html.slice(i + 1, semi);
      if (name in NAMED_ENTITIES) text += NAMED_ENTITIES[name];
      else if (/^#\d{1,7}$/.test(name)) text += String.fromCodePoint(Number(name.slice(1)));
      else if (/^#x[0-9a-f]{1,6}$/i.test(name)) text += String.fromCodePoint(parseInt(name.slice(2), 16));
      else throw new HtmlParseError(`can't parse entities: unsupported entity at byte offset ${i}`);
      i = semi + 1;
    } else if (ch === '>') {
      throw new HtmlParseError(`can't parse entities: stray ">" at byte offset ${i}`);
    } else {
      text += ch;
      i += 1;
    }
  }
  if (stack.length > 0)
    throw new HtmlParseError(`can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)!.tag}"`);
  return { text, bold };
}
