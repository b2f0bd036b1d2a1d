/**
 * Question text → the form the index speaks: Unicode-normalised (full-width digits and letters to
 * ASCII), Traditional characters converted to Simplified with OpenCC (opencc-js), whitespace folded.
 */
import * as OpenCC from 'opencc-js';

export interface NormalizedText {
  text: string;
  /** The question was written in Traditional characters (the conversion changed something). */
  traditional: boolean;
}

let convert: ((s: string) => string) | undefined;
let toTraditional: ((s: string) => string) | undefined;

function isTraditionalForm(text: string): boolean {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  const cleaned = text.normalize('NFKC');
  return toTraditional(cleaned) === cleaned;
}

function converter(): (s: string) => string {
  // Taiwan and Hong Kong variants both convert through OpenCC's 't' standard; 'tw' also maps
  // Taiwan-specific phrases (e.g. 軟體 → 软件).
  convert ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return convert;
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Traditional → Simplified for matching. OpenCC also rewrites some characters that are valid in
 * Simplified text (著称 → 着称), so documents go through the same conversion before indexing
 * (see search/tokenize.ts), and both sides always meet in the same form.
 */
export function toSimplified(text: string): string {
  return /[\u3400-\u9FFF]/.test(text) ? converter()(text) : text;
}

/** Markup pasted along with a question: HTML tags and entities, Markdown emphasis. */
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|[*_`~]{1,3}/gi;

/** The language a question is asked in: Chinese (Simplified or Traditional characters) or English. */
export type QuestionLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

export function questionLanguage(question: string): QuestionLanguage {
  const { text, traditional } = normalizeQuestion(question);
  // OpenCC also rewrites a few characters valid in Simplified text (著称 → 着称); a question is Traditional
  // only when it is already in Traditional form (converting it to Traditional changes nothing).
  if (/[\u3400-\u9FFF]/.test(text)) return traditional && isTraditionalForm(question) ? 'zh-Hant' : 'zh-Hans';
  return /[a-z]/i.test(text) ? 'en' : 'zh-Hans';
}

/** Recent results: one question is normalised by several stages (language, follow-up, analysis). */
const recent = new Map<string, NormalizedText>();
const RECENT_MAX = 256;

export function normalizeQuestion(input: string): NormalizedText {
  const hit = recent.get(input);
  if (hit) return hit;
  const cleaned = input.normalize('NFKC').replace(INVISIBLE, '').replace(MARKUP, ' ').replace(/\s+/g, ' ').trim();
  const text = toSimplified(cleaned);
  const result = { text, traditional: text !== cleaned };
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(input, result);
  return result;
}
