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
let convertBack: ((s: string) => string) | undefined;
let convertCharacters: ((s: string) => string) | undefined;

/**
 * Simplified → Traditional (Taiwan standard, OpenCC cn → tw), loaded on first use: for writing the bot's own
 * words to a user who asks in Traditional characters (src/telegram/traditional.ts). Its 49,000 phrases take
 * about 40 MB of heap and 150 ms to load, so it is one converter per process, and only a Traditional reply
 * loads it.
 */
export function toTraditional(text: string): string {
  if (!/[\u3400-\u9FFF]/.test(text)) return text;
  convertBack ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return convertBack(text);
}

/** A dictionary of single characters (OpenCC's STCharacters), as opposed to one of phrases. */
function isCharacterTable(dict: OpenCC.DictLike): boolean {
  const entries =
    typeof dict === 'string' ? dict.split('|', 50).map((e) => e.split(' ')[0] ?? '') : dict.slice(0, 50).map(([from]) => from);
  return entries.length > 0 && entries.every((from) => [...from].length === 1);
}

let charactersToSimplified: ((s: string) => string) | undefined;

/**
 * Traditional → Simplified character by character (OpenCC's character tables only, no phrases), so the result
 * has the input's length: for reading units and scales in a Traditional document (1138公頃, 27萬人) at the
 * offsets of its own text.
 */
export function toSimplifiedCharacters(text: string): string {
  if (!/[\u3400-\u9FFF]/.test(text)) return text;
  if (!charactersToSimplified) {
    const from = OpenCC.Locale.from.tw.flat().filter(isCharacterTable);
    const to = OpenCC.Locale.to.cn.flat().filter(isCharacterTable);
    charactersToSimplified = OpenCC.ConverterFactory(from, to);
  }
  const out = charactersToSimplified(text);
  return out.length === text.length ? out : text;
}

const simplifiedMemo = new Map<string, string>();
/** Bound on the memo below; past it the memo starts afresh. */
const MAX_SIMPLIFIED_MEMO = 20_000;

/**
 * toSimplifiedCharacters for texts that recur question after question (a figure's labels, the words around it):
 * each converted once. Character by character on purpose — OpenCC's phrase converter, fed pieces cut out of
 * documents, runs several times slower for every question after.
 */
export function toSimplifiedCharactersCached(text: string): string {
  let out = simplifiedMemo.get(text);
  if (out === undefined) {
    out = toSimplifiedCharacters(text);
    if (simplifiedMemo.size >= MAX_SIMPLIFIED_MEMO) simplifiedMemo.clear();
    simplifiedMemo.set(text, out);
  }
  return out;
}

/**
 * Whether a text is already in Traditional form: converting it to Traditional changes nothing. Character by
 * character (OpenCC's Simplified → Traditional characters, then the Taiwan variants), without the phrase
 * table: telling the script needs no phrases, and this takes a hundredth of toTraditional's memory.
 */
function isTraditionalForm(text: string): boolean {
  if (!convertCharacters) {
    const characters = OpenCC.Locale.from.cn.flat().filter(isCharacterTable);
    // Should the package's presets ever change shape, the full converter still gives the right answer.
    convertCharacters = characters.length > 0 ? OpenCC.ConverterFactory(characters, ...OpenCC.Locale.to.tw) : toTraditional;
  }
  const cleaned = text.normalize('NFKC');
  return convertCharacters(cleaned) === cleaned;
}

function converter(): (s: string) => string {
  // Taiwan and Hong Kong variants both convert through OpenCC's 't' standard; 'twp' also maps Taiwan's own
  // words to the mainland's (軟體 → 软件, 網際網路 → 互联网, 行動電話 → 移动电话), as a reader in Taipei asks
  // about a document written in Beijing.
  convert ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  return convert;
}

// Control characters are what this removes.
// eslint-disable-next-line no-control-regex
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

/** The language of a question; pass its normalised form when it is already at hand. */
export function questionLanguage(question: string, normalized: NormalizedText = normalizeQuestion(question)): QuestionLanguage {
  const { text, traditional } = normalized;
  // OpenCC also rewrites a few characters valid in Simplified text (著称 → 着称); a question is Traditional
  // only when it is already in Traditional form (converting it to Traditional changes nothing).
  if (/[\u3400-\u9FFF]/.test(text)) return traditional && isTraditionalForm(question) ? 'zh-Hant' : 'zh-Hans';
  return /[a-z]/i.test(text) ? 'en' : 'zh-Hans';
}

/** A question's text as the index reads it. The question frame (question/frame.ts) calls this once per question. */
export function normalizeQuestion(input: string): NormalizedText {
  const cleaned = input.normalize('NFKC').replace(INVISIBLE, '').replace(MARKUP, ' ').replace(/\s+/g, ' ').trim();
  const text = toSimplified(cleaned);
  return { text, traditional: text !== cleaned };
}
