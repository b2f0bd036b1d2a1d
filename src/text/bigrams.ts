// Character bigrams: the ranking's backstop where a question and a fact split a name differently.

const BIGRAM_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

/** BIGRAM_CHAR's answer for each UTF-16 code unit seen so far: 0 not asked yet, 1 yes, 2 no (a whole corpus asks it millions of times). */
const CLASS = new Uint8Array(0x10000);

function isBigramChar(ch: string): boolean {
  if (ch.length !== 1) return BIGRAM_CHAR.test(ch);
  const code = ch.charCodeAt(0);
  let known = CLASS[code]!;
  if (known === 0) CLASS[code] = known = BIGRAM_CHAR.test(ch) ? 1 : 2;
  return known === 1;
}

/** Character bigrams of a text, over runs of Han characters, letters and digits. */
export function bigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text.toLowerCase()];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (isBigramChar(chars[i]!) && isBigramChar(chars[i + 1]!)) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}
