// Arbitraries for text a user (or a document) might throw at the bot: every kind of character that breaks
// naive code, mixed with real Chinese question fragments so the engine gets past its first checks.
import fc from 'fast-check';

/** Pieces that have broken bots before: markup, entities, invisible and direction characters, emoji. */
export const NASTY_PIECES = [
  '<b>', '</b>', '<i>', '<a href="x">', '</a>', '<', '>', '&', '&amp;', '&lt;', '&#x1F600;', '&#0;', '&foo;',
  '*', '_', '[', ']', '(', ')', '`', '```', '~', '|', '||', '#', '+', '-', '=', '{', '}', '.', '!', '\\',
  '*_[', '[x](http://a)', '@', '@FactTestBot', '/ask', '/start@',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
  '\u202e', '\u202d', '\u200f', '\u200e', '\u2066', '\u2069', 'مرحبا', 'שלום', 'كم عدد',
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\r\n', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029',
  ' ', '\u3000', '\u00a0', '\u2003',
  '😀', '👨‍👩‍👧‍👦', '🇨🇳', '🏳️‍🌈', '\ufe0f', '\u20e3', '1️⃣', '𠀀', '𪚥',
  '\ud800', '\udfff', '\udc00\ud800',
  '0', '412', '27.4%', '3.14159', '1e9', '-1', '１２３', '一二三', '万', '亿',
  '浑南区', '常住人口', '多少', '有多少家', '国家高新技术企业', '？', '?', '。', '；', '“', '”', '《', '》', '（', '）',
  '2019年', '上半年', '面积', '多大', 'GDP', 'how many', 'population',
] as const;

/** A lone UTF-16 surrogate (invalid on its own, yet a legal JavaScript string). */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Strings made of the nasty pieces, any code points and lone surrogates, up to `maxPieces` pieces. */
export function hostileText(maxPieces = 40): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_PIECES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 8 }) },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** Every input shape the issue lists, weighted so the unusual ones come up often. */
export function anyQuestion(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u3000\u3000', '\u200b\u200b\u200b') },
    { weight: 1, arbitrary: fc.stringMatching(/^[\s\u3000\u200b]{0,50}$/) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('😀', '🇨🇳', '👨‍👩‍👧‍👦', '\ufe0f', '🔥'), { maxLength: 60 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9.,%\s-]{1,40}$/) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('مرحبا', ' ', 'كم', 'שלום', '\u202e', '\u200f', '?'), { maxLength: 30 }).map((a) => a.join('')) },
    // Around the engine's length limit (500), and far past it.
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_PIECES), fc.integer({ min: 450, max: 560 })).map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n)) },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_PIECES).map((p) => p.repeat(Math.ceil(10_000 / p.length)).slice(0, 10_000)) },
  );
}
