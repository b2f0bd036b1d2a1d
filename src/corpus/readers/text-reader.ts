/**
 * Plain text (.txt) and Markdown (.md): the bytes decoded (charset.ts), BOM removed, otherwise unchanged,
 * so that offsets into the text are offsets into what the author wrote.
 */
import { bomEncoding, decodeText, detectUtf16 } from './charset.js';
import { describeBinary } from './magic.js';
import type { DocumentReader, ReadDocument, ReaderLimits } from './reader.js';
import { checkChars } from './util.js';

const SNIFF_BYTES = 64 * 1024;

const ENCODING_NAMES: Record<string, string> = {
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 (GBK/GB2312)',
  big5: 'Big5',
};

export const textReader: DocumentReader = {
  name: 'text',
  extensions: ['.txt', '.md'],
  sniff(bytes: Uint8Array): boolean {
    if (bomEncoding(bytes)) return true;
    if (describeBinary(bytes)) return false;
    const head = bytes.subarray(0, SNIFF_BYTES);
    if (!head.includes(0)) return true;
    // Zero bytes are normal in UTF-16 only (an odd cut would break detection, so keep an even length).
    return detectUtf16(head.subarray(0, head.length & ~1)) !== undefined;
  },
  async read(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadDocument> {
    const { text, encoding } = decodeText(bytes);
    checkChars(text.length, limits);
    const warnings = encoding === 'utf-8' ? [] : [`decoded from ${ENCODING_NAMES[encoding] ?? encoding}`];
    return { text, warnings };
  },
};
