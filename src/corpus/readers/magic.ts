/** Magic numbers of the formats a reader may meet, for sniffing and for saying what a misnamed file is. */

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** "%PDF-" within the first 1024 bytes (some generators put junk before it, as readers allow). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf('%PDF-') >= 0;
}

export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound file: legacy .doc/.xls, and also what an encrypted .docx is wrapped in. */
export const isOle2 = (bytes: Uint8Array): boolean => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const isPng = (bytes: Uint8Array): boolean => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const isJpeg = (bytes: Uint8Array): boolean => startsWith(bytes, [0xff, 0xd8, 0xff]);
export const isGif = (bytes: Uint8Array): boolean => startsWith(bytes, ascii('GIF8'));
export const isRtf = (bytes: Uint8Array): boolean => startsWith(bytes, ascii('{\\rtf'));
const isGzip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x1f, 0x8b]);
const is7z = (bytes: Uint8Array): boolean => startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
const isRar = (bytes: Uint8Array): boolean => startsWith(bytes, ascii('Rar!'));
const isWebp = (bytes: Uint8Array): boolean => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8);
const isElf = (bytes: Uint8Array): boolean => startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]);

/** What a binary file is, by its magic number ("a PNG image"), or undefined when none is known. */
export function describeBinary(bytes: Uint8Array): string | undefined {
  if (isPdf(bytes)) return 'a PDF';
  if (isPng(bytes)) return 'a PNG image';
  if (isJpeg(bytes)) return 'a JPEG image';
  if (isGif(bytes)) return 'a GIF image';
  if (isWebp(bytes)) return 'a WebP image';
  if (isOle2(bytes)) return 'a legacy Office file (.doc/.xls) or an encrypted Office document';
  if (isZip(bytes)) return 'a zip archive';
  if (isGzip(bytes)) return 'a gzip archive';
  if (is7z(bytes)) return 'a 7z archive';
  if (isRar(bytes)) return 'a RAR archive';
  if (isRtf(bytes)) return 'an RTF document';
  if (isElf(bytes)) return 'a program';
  return undefined;
}
