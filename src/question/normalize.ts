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

let toSimplified: ((s: string) => string) | undefined;

function converter(): (s: string) => string {
  // Taiwan and Hong Kong variants both convert through OpenCC's 't' standard; 'tw' also maps
  // Taiwan-specific phrases (e.g. 軟體 → 软件).
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified;
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function normalizeQuestion(input: string): NormalizedText {
  const cleaned = input.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const text = /[\u3400-\u9FFF]/.test(cleaned) ? converter()(cleaned) : cleaned;
  return { text, traditional: text !== cleaned };
}
