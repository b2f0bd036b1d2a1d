/**
 * Character-set detection and decoding for text files and HTML pages.
 *
 * Order: a byte-order mark (UTF-8, UTF-16 LE/BE) → valid UTF-8 → UTF-16 without a BOM (detected from
 * where the zero bytes fall, or from which byte order gives CJK text) → NUL bytes mean binary →
 * legacy Chinese encodings: GB18030 (a superset of GBK and GB2312) or Big5. chardet's statistical
 * detector picks between them when it is confident; on short texts (a title, one line) it often is not
 * (it ties GB18030, Big5, Shift_JIS and EUC-KR), so both decodings are then scored by how many of their
 * characters are among the most frequent Chinese characters, which a wrong decoding scatters over
 * rare ones. Decoding is done by iconv-lite (pure JavaScript; its Big5 covers the extensions Taiwanese files use,
 * which the WHATWG Big5 of TextDecoder maps otherwise), loaded by the first file that is not UTF-8.
 */
import { createRequire } from 'node:module';
import chardet from 'chardet';
import type IconvLite from 'iconv-lite';
import { ReaderError } from './reader.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The encoding named by a byte-order mark, with the mark's length. */
export function bomEncoding(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Whether the bytes are valid UTF-8 (ASCII included). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: in text with some ASCII (digits, line breaks), every such character has a zero
 * byte on the same side (its high byte); in all-CJK text there are no zero bytes, but only the right byte order gives
 * mostly CJK ideographs and punctuation (the wrong one gives Hangul, private-use and surrogate codes).
 */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  // Zero bytes mostly at one parity: the high bytes of ASCII code units (a few fall on the other side:
  // U+4E00 一 has a zero low byte). Checked for plausibility, since binary data has zeros anywhere.
  if (zeroOdd > zeroEven * 2) return plausibleUtf16(bytes, 'utf-16le') > 0.9 ? 'utf-16le' : undefined;
  if (zeroEven > zeroOdd * 2) return plausibleUtf16(bytes, 'utf-16be') > 0.9 ? 'utf-16be' : undefined;
  if (zeroEven + zeroOdd > 0) return undefined;
  const le = plausibleUtf16(bytes, 'utf-16le');
  const be = plausibleUtf16(bytes, 'utf-16be');
  if (le > 0.95 && be < 0.5) return 'utf-16le';
  if (be > 0.95 && le < 0.5) return 'utf-16be';
  return undefined;
}

/** Share of UTF-16 code units that are printable ASCII, line breaks, CJK ideographs or CJK punctuation. */
function plausibleUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be'): number {
  let good = 0;
  const units = bytes.length >> 1;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = order === 'utf-16le' ? (bytes[i]! | (bytes[i + 1]! << 8)) : ((bytes[i]! << 8) | bytes[i + 1]!);
    if (
      (u >= 0x20 && u < 0x7f) ||
      (u >= 0xa0 && u <= 0xff) ||
      u === 0x09 || u === 0x0a || u === 0x0d ||
      (u >= 0x4e00 && u <= 0x9fff) ||
      (u >= 0x3000 && u <= 0x303f) ||
      (u >= 0xff00 && u <= 0xffef) ||
      (u >= 0x2000 && u <= 0x206f) ||
      u === 0xfeff
    ) good++;
  }
  return units ? good / units : 0;
}

/**
 * Decodes a text file's bytes. Throws ReaderError for binary data (NUL bytes outside UTF-16, control
 * characters) and for bytes that are none of the supported encodings. The BOM, when present, is removed;
 * nothing else is changed.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const encoding = detectEncoding(bytes);
  const text = decodeAs(bytes, encoding);
  if (encoding !== 'utf-8' && looksBinary(text)) throw new ReaderError('binary data, not text');
  return { text, encoding };
}

let iconvModule: typeof IconvLite | undefined;
/** iconv-lite, loaded on first use: most corpora are UTF-8 and never need it (it costs ~60 ms at start). */
function iconv(): typeof IconvLite {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof IconvLite;
  return iconvModule;
}

/** Decodes with a known encoding, removing a BOM. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return iconv().decode(buf, encoding, { stripBOM: true });
}

/** Picks the encoding of a text file's bytes (see the module comment), or throws ReaderError. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  const bom = bomEncoding(bytes);
  // UTF-16 is two bytes a unit: an odd length after a UTF-16 mark is a truncated or binary file.
  if (bom && bom.encoding !== 'utf-8' && (bytes.length - bom.length) % 2 !== 0) throw new ReaderError('binary data (odd-length UTF-16), not text');
  if (bom) return bom.encoding;
  if (isUtf8(bytes)) {
    if (bytes.includes(0)) {
      const utf16 = detectUtf16(bytes);
      if (utf16) return utf16;
      throw new ReaderError('binary data (NUL bytes), not text');
    }
    return 'utf-8';
  }
  const utf16 = detectUtf16(bytes);
  if (utf16) return utf16;
  if (bytes.includes(0)) throw new ReaderError('binary data (NUL bytes), not text');
  const legacy = detectLegacyChinese(bytes);
  if (!legacy) throw new ReaderError('not text in a known encoding (UTF-8, UTF-16, GB18030/GBK, Big5)');
  return legacy;
}

/** GB18030 or Big5 for non-UTF-8 bytes, or undefined when neither decodes them plausibly. */
export function detectLegacyChinese(bytes: Uint8Array): 'gb18030' | 'big5' | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const scores = (['gb18030', 'big5'] as const).map((encoding) => ({ encoding, ...scoreDecoding(iconv().decode(buf, encoding)) }));
  const valid = scores.filter((s) => s.invalid === 0 || s.invalid / Math.max(1, s.chars) < 0.002);
  if (valid.length === 0) return undefined;
  if (valid.length === 1) return valid[0]!.cjk > 0 ? valid[0]!.encoding : undefined;
  const matches = chardet.analyse(bytes);
  const best = matches[0];
  const bestName = best?.name.toLowerCase();
  // chardet is trusted when it clearly prefers one of the two.
  if (best && best.confidence >= 50 && (bestName === 'gb18030' || bestName === 'big5')) {
    const second = matches.find((m) => m !== best && ['gb18030', 'big5'].includes(m.name.toLowerCase()));
    if (!second || second.confidence < best.confidence) return bestName;
  }
  const [a, b] = valid as [(typeof scores)[number], (typeof scores)[number]];
  if (a.cjk === 0 && b.cjk === 0) return undefined;
  return a.common / Math.max(1, a.cjk) >= b.common / Math.max(1, b.cjk) ? a.encoding : b.encoding;
}

/** Frequent Chinese characters, Simplified and Traditional forms (a wrong decoding rarely yields them). */
const COMMON = new Set(
  ('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严亿' +
    '這為個國們時來會對發動種過說產後學經實當從業應還開間與關體機點現頭長門見資現區報計導黨領議務設歷際決電氣車進運達邊類較樣號總統歲億萬縣劃'),
);

function scoreDecoding(text: string): { chars: number; cjk: number; common: number; invalid: number } {
  let cjk = 0;
  let common = 0;
  let invalid = 0;
  let chars = 0;
  for (const ch of text) {
    chars++;
    if (ch === '\ufffd') invalid++;
    else if (/[\u3400-\u9fff\u{20000}-\u{3134f}]/u.test(ch)) {
      cjk++;
      if (COMMON.has(ch)) common++;
    // eslint-disable-next-line no-control-regex -- control characters are what this counts
    } else if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(ch) || /[\ue000-\uf8ff]/.test(ch)) invalid++;
  }
  return { chars, cjk, common, invalid };
}

/** Control characters (other than tab, line breaks, form feed) in more than a trace: binary, not text. */
export function looksBinary(text: string): boolean {
  let control = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    // eslint-disable-next-line no-control-regex -- control characters are what this counts
    if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(ch)) control++;
  }
  return control > 0 && control >= Math.max(1, total * 0.001);
}
