// Character bigrams: the ranking's backstop where a question and a fact split a name differently.

const BIGRAM_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Character bigrams of a text, over runs of Han characters, letters and digits. */
export function bigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text.toLowerCase()];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (BIGRAM_CHAR.test(chars[i]!) && BIGRAM_CHAR.test(chars[i + 1]!)) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}
