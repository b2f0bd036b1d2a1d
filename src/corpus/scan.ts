/**
 * What a corpus folder holds, without reading any file: the name, size and modification time of every entry
 * loadCorpus would look at (hidden names, starting with ".", are never part of a corpus). Two scans with the
 * same fingerprint mean the same files in the same versions, so a reload can tell "nothing changed" from
 * a real change at the cost of a directory listing. Also: which names are documents (by extension), and the
 * extension a file's bytes call for (type by content).
 */
import { lstat, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { defaultReaders, readerFor, type DocumentReader } from './readers/index.js';
import { isPdf, isZip } from './readers/magic.js';

export interface ScannedFile {
  name: string;
  size: number;
  mtimeMs: number;
}

export interface CorpusScan {
  /** Every non-hidden regular file (or link) of the folder, sorted by name. */
  files: ScannedFile[];
  /** A hash of every name, size and modification time: equal scans, equal corpus. */
  fingerprint: string;
}

/** Lists a corpus folder (not recursive; folders inside it are not part of the corpus). Throws when it cannot be listed. */
export async function scanCorpus(dir: string): Promise<CorpusScan> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  const files: ScannedFile[] = [];
  for (const name of names) {
    const info = await lstat(join(dir, name)).catch(() => null);
    if (info === null || info.isDirectory()) continue;
    files.push({ name, size: info.size, mtimeMs: info.mtimeMs });
  }
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.name}\0${f.size}\0${f.mtimeMs}\n`);
  return { files, fingerprint: hash.digest('hex') };
}

/** The extensions a document may have (".txt", ".md", ".docx", ".pdf", ".html"…), lower case. */
export function documentExtensions(readers: readonly DocumentReader[] = defaultReaders): string[] {
  return [...new Set(readers.flatMap((r) => r.extensions))];
}

/** True for a file name a reader takes (a document, as opposed to a companion or dictionary file). */
export function isDocumentName(name: string, readers: readonly DocumentReader[] = defaultReaders): boolean {
  return !name.startsWith('.') && documentExtensions(readers).includes(extname(name).toLowerCase());
}

/**
 * The extension a file should have for its content, or a reason it has none we read: the given name's own
 * extension when a reader takes it and its bytes match ("report.md" of text → ".md"), the extension its
 * bytes call for when the name has none or an unknown one ("scan" of a PDF → ".pdf"), and a reason string
 * when the bytes are not what the name says ("named .pdf but not a PDF (it is a PNG image)").
 */
export function extensionFor(fileName: string, bytes: Uint8Array, readers: readonly DocumentReader[] = defaultReaders): { ext: string } | { reason: string } {
  const ext = extname(fileName).toLowerCase();
  if (documentExtensions(readers).includes(ext)) {
    const reader = readerFor(fileName, bytes, readers);
    return typeof reader === 'string' ? { reason: reader } : { ext };
  }
  const guessed = isPdf(bytes) ? '.pdf' : isZip(bytes) ? '.docx' : null;
  for (const candidate of guessed ? [guessed] : ['.html', '.txt']) {
    const reader = readerFor(`file${candidate}`, bytes, readers);
    if (typeof reader !== 'string' && (candidate !== '.html' || looksLikeHtml(bytes))) return { ext: candidate };
  }
  return { reason: ext ? `no reader for ${ext} files` : 'not a document this bot reads' };
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').toLowerCase();
  return /<(?:!doctype html|html|body|head)\b/.test(head);
}
