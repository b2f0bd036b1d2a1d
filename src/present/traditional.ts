// The bot's own Chinese words in Traditional characters, for users who ask in Traditional Chinese. Only the
// frame is converted (labels, hints, the computed answer's headline); the document's text never is.
// OpenCC (opencc-js, cn → tw) does the conversion, through the engine's one converter (question/normalize.ts):
// its phrase tables (about 40 MB) are loaded once per process, at the first Traditional reply.
import { toTraditional } from '../text/index.js';

export { toTraditional };

/** Placeholders for a text function's arguments: private-use characters OpenCC leaves alone. */
const slot = (index: number) => String.fromCharCode(0xe000 + index);
const SLOTS = /[\uE000-\uE0FF]/g;

/**
 * A table of UI texts with every string converted. Functions convert their result on each call; a
 * non-empty string argument (a question, a document title) goes in as a placeholder and is put back
 * afterwards, so it is never converted. Numbers and empty strings go in as they are, so an entry may
 * branch on them (第N分句 only with a clause; “内容包括…” only with sections).
 */
export function traditionalTexts<T>(table: T): T {
  return convertValue(table) as T;
}

function convertValue(value: unknown): unknown {
  if (typeof value === 'string') return toTraditional(value);
  if (Array.isArray(value)) return value.map(convertValue);
  if (typeof value === 'function') return convertFunction(value as (...args: unknown[]) => unknown);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, convertValue(entry)]));
  }
  return value;
}

function fill(value: unknown, strings: readonly string[]): unknown {
  if (typeof value === 'string') return value.replace(SLOTS, (s) => strings[s.charCodeAt(0) - 0xe000] ?? s);
  if (Array.isArray(value)) return value.map((v) => fill(v, strings));
  return value;
}

function convertFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args) => {
    const strings: string[] = [];
    const masked = args.map((arg) => (typeof arg === 'string' && arg !== '' ? slot(strings.push(arg) - 1) : arg));
    return fill(convertValue(fn(...masked)), strings);
  };
}
