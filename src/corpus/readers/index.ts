/**
 * The document readers, and the choice of one for a file: by extension, then checked against the
 * bytes (a file whose content is not what its name says is refused with the reason).
 */
import { docxReader } from './docx-reader.js';
import { htmlReader } from './html-reader.js';
import { describeBinary } from './magic.js';
import { pdfReader } from './pdf-reader.js';
import type { DocumentReader } from './reader.js';
import { textReader } from './text-reader.js';

export type { DocumentReader, ReadDocument, ReaderLimits } from './reader.js';
export { ReaderError } from './reader.js';
export { DEFAULT_LIMITS } from './util.js';

export const defaultReaders: readonly DocumentReader[] = [textReader, docxReader, pdfReader, htmlReader];

const FORMAT_NAMES: Record<string, string> = {
  text: 'a text file',
  docx: 'a Word .docx document',
  pdf: 'a PDF',
  html: 'an HTML page',
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * The reader for a file, or a reason string when there is none: an extension no reader takes
 * ("no reader for .xls files"), or bytes that do not match the extension ("named .pdf but not a PDF
 * (it is a PNG image)").
 */
export function readerFor(fileName: string, bytes: Uint8Array, readers: readonly DocumentReader[] = defaultReaders): DocumentReader | string {
  const ext = extensionOf(fileName);
  if (!ext) return 'no file extension, so no reader';
  const reader = readers.find((r) => r.extensions.includes(ext));
  if (!reader) return `no reader for ${ext} files`;
  if (bytes.length === 0) return 'empty file';
  if (reader.sniff(bytes)) return reader;
  const actual = describeBinary(bytes);
  const expected = FORMAT_NAMES[reader.name] ?? `a ${reader.name} file`;
  return `named ${ext} but not ${expected}${actual ? ` (it is ${actual})` : ''}`;
}
