/**
 * Just enough of the zip format to guard a .docx before a library unpacks it: the central directory
 * (names, methods, declared sizes) and a bounded inflate of one entry. A zip bomb declares huge sizes
 * (refused before anything is inflated) or lies about them (inflation stops at the budget, so memory
 * stays bounded: node's zlib enforces maxOutputLength while inflating).
 */
import { inflateRawSync } from 'node:zlib';
import { ReaderError } from './reader.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;

/** Reads the central directory; throws ReaderError("corrupt zip") when it cannot be found or parsed. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string): never => {
    throw new ReaderError(`corrupt zip (${why})`);
  };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt('no end of central directory: truncated?');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) corrupt('zip64 archives are not supported');
  if (count > MAX_ENTRIES) corrupt(`${count} entries`);
  if (offset + size > eocd) corrupt('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) corrupt('bad central directory entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) corrupt('bad central directory entry');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, producing at most maxOutput bytes; throws ReaderError when the entry is encrypted,
 * uses an unknown method, is out of bounds, inflates past maxOutput, or differs from its declared size.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxOutput: number): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.flags & 1) throw new ReaderError('encrypted zip entry');
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIGNATURE) throw new ReaderError(`corrupt zip (bad local header for ${entry.name})`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ReaderError(`corrupt zip (${entry.name} is truncated)`);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput + 1) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
        throw new ReaderError(`zip bomb: ${entry.name} inflates past ${maxOutput} bytes`);
      throw new ReaderError(`corrupt zip (${entry.name} does not inflate)`);
    }
  } else throw new ReaderError(`corrupt zip (${entry.name} uses compression method ${entry.method})`);
  if (out.length > maxOutput) throw new ReaderError(`zip bomb: ${entry.name} inflates past ${maxOutput} bytes`);
  if (out.length !== entry.uncompressedSize) throw new ReaderError(`corrupt zip (${entry.name} inflates to ${out.length} bytes, declared ${entry.uncompressedSize})`);
  return out;
}
