/**
 * Radicals read as the ideographs they stand for. A PDF's text layer often maps a glyph back to the Kangxi or
 * CJK-supplement radical that shares it (⾸⻚ for 首页, ⽣ for 生: a font's cmap lists both code points, and the
 * maker took the first); a reader sees the same characters, a search does not. The table is the Unicode Character
 * Database's EquivalentUnifiedIdeograph (src/text/radical-equivalents.ts, generated); each pair is one UTF-16 unit
 * for one, so a text keeps its length and every offset into it.
 */
import { RADICAL_EQUIVALENTS } from './radical-equivalents.js';

let table: Map<string, string> | null = null;

function equivalents(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (let i = 0; i + 1 < RADICAL_EQUIVALENTS.length; i += 2) table.set(RADICAL_EQUIVALENTS[i]!, RADICAL_EQUIVALENTS[i + 1]!);
  return table;
}

/** The radical blocks: CJK Radicals Supplement and Kangxi Radicals. */
const RADICAL = /[\u2e80-\u2fdf]/g;
const HAS_RADICAL = new RegExp(RADICAL.source);

/** The text with every radical that stands for an ideograph replaced by it; the same length. */
export function unifyRadicals(text: string): string {
  if (!HAS_RADICAL.test(text)) return text;
  const map = equivalents();
  return text.replace(RADICAL, (r) => map.get(r) ?? r);
}
