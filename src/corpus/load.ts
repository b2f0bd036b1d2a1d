/**
 * Reads a corpus folder: every file a reader takes (.txt, .md, .docx, .pdf, .html by default: see
 * readers/) is a document, `NAME.meta.json` beside it holds its metadata, and `*.dict` files are user
 * dictionaries for the word segmenter. The only module that reads corpus files. A file no reader can read
 * (a scan, an encrypted PDF, a corrupt zip, bytes that are not what the name says) is skipped with a
 * warning naming it and why; nothing else is lost.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { unifyRadicals } from '../text/index.js';
import { SubjectNamesFileSchema, SynonymFileSchema, type SynonymEntry } from './vocabulary-file.js';
import { DEFAULT_MAX_FILE_BYTES, MAX_TITLE_CHARS } from './defaults.js';
import { creditedUnit } from './credits.js';
import type { CorpusDocument } from './document.js';
import { DEFAULT_LIMITS, defaultReaders, ReaderError, readerFor, type DocumentReader, type ReaderLimits } from './readers/index.js';

export class CorpusError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'CorpusError';
  }
}

export interface LoadCorpusOptions {
  /** Largest document file read, in bytes; a larger one is skipped with a warning. Default 5 MiB. */
  maxFileBytes?: number;
  /** The document readers, tried by extension (then checked against the bytes). Default: readers/defaultReaders. */
  readers?: readonly DocumentReader[];
  /** Bounds on one file's reading (characters produced, time). Default: readers' DEFAULT_LIMITS. */
  readerLimits?: Partial<Omit<ReaderLimits, 'maxBytes'>>;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** Concatenated `*.dict` files (jieba user-dictionary lines: `word [freq] [tag]`). */
  userDictionary: Uint8Array;
  /** The corpus's synonym table (`synonyms.json`), validated; empty when there is none. */
  synonyms: SynonymEntry[];
  /** The corpus's English glossary (`glossary-en.json`, same format), validated; empty when there is none. */
  glossaryEn: SynonymEntry[];
  /** The corpus's subjects in English (`subjects-en.json`: {"智能制造": "intelligent manufacturing"}); empty when none. */
  subjectsEn: Map<string, string>;
  /** One line per skipped or doubtful file, naming the file and what is wrong. */
  warnings: string[];
}

const SYNONYMS_FILE = 'synonyms.json';
const GLOSSARY_EN_FILE = 'glossary-en.json';
const SUBJECTS_EN_FILE = 'subjects-en.json';

const MetaSchema = z.object({
  title: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
  language: z.string().optional(),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const root = await realpath(dir).catch((err: unknown) => {
    throw new CorpusError(`corpus folder ${describeFsError(err, 'not found')}: ${dir}`);
  });
  if (!(await stat(root)).isDirectory()) throw new CorpusError(`corpus path is not a folder: ${dir}`);
  const entries = await readdir(root).catch((err: unknown) => {
    throw new CorpusError(`corpus folder cannot be listed (${describeFsError(err, 'unreadable')}): ${dir}`);
  });
  const names = entries.filter((n) => !n.startsWith('.')).sort();
  const warnings: string[] = [];
  const documents: CorpusDocument[] = [];
  const dictionaries: Buffer[] = [];

  const readers = options.readers ?? defaultReaders;
  const extensions = new Set(readers.flatMap((r) => r.extensions));
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.readerLimits, maxBytes: maxFileBytes };
  const listed = new Set(names);
  const ids = new Set<string>();
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    if (!extensions.has(ext) && ext !== '.dict') {
      if (!isCompanion(name)) warnings.push(`${name}: ${await describeIgnored(root, name, extensions)}, ignored`);
      continue;
    }
    const read = readCorpusFile(root, name, maxFileBytes);
    if (typeof read === 'string') {
      warnings.push(`${name}: ${read}, skipped`);
      continue;
    }
    if (ext === '.dict') {
      const text = decode(read);
      if (text === undefined) warnings.push(`${name}: not UTF-8 text (binary or another encoding), skipped`);
      else dictionaries.push(Buffer.from(text, 'utf8'), Buffer.from('\n'));
      continue;
    }
    const reader = readerFor(name, read, readers);
    if (typeof reader === 'string') {
      warnings.push(`${name}: ${reader}, skipped`);
      continue;
    }
    let doc;
    try {
      doc = await reader.read(read, limits);
    } catch (err) {
      const why = err instanceof ReaderError ? err.message : `could not be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
      warnings.push(`${name}: ${why}, skipped`);
      continue;
    }
    for (const w of doc.warnings) warnings.push(`${name}: ${w}`);
    // ⾸⻚ is 首页: radicals a PDF's text layer (or a text copied from one) gives for ideographs, same length.
    const text = unifyRadicals(doc.text);
    if (!text.trim()) {
      warnings.push(`${name}: empty, skipped`);
      continue;
    }
    const base = basename(name, extname(name));
    // Two files of one name in different formats (report.txt, report.pdf) stay two documents.
    const id = ids.has(base) ? name : base;
    ids.add(id);
    const meta = listed.has(`${base}.meta.json`) ? await readMeta(root, base, maxFileBytes, warnings) : {};
    documents.push({
      id,
      title: meta.title ?? (doc.title != null ? unifyRadicals(doc.title) : defaultTitle(text, base)),
      publisher: meta.publisher ?? doc.publisher ?? null,
      period: meta.period ?? null,
      date: doc.date ?? null,
      source: doc.source ?? null,
      column: doc.column ?? null,
      contributor: creditedUnit(text),
      file: name,
      format: reader.name,
      pages: doc.pages ?? null,
      text,
    });
  }
  if (documents.length === 0) {
    const why = warnings.length ? ` (${warnings.join('; ')})` : names.length === 0 ? ' (the folder is empty)' : '';
    throw new CorpusError(`no usable document (${[...extensions].join(' ')}) in corpus folder ${dir}${why}`);
  }
  const synonyms = await readSynonyms(root, SYNONYMS_FILE, maxFileBytes, warnings);
  const glossaryEn = await readSynonyms(root, GLOSSARY_EN_FILE, maxFileBytes, warnings);
  const subjectsEn = await readSubjectNames(root, SUBJECTS_EN_FILE, maxFileBytes, warnings);
  return { documents, userDictionary: Buffer.concat(dictionaries), synonyms, glossaryEn, subjectsEn, warnings };
}

/** Files read alongside the documents (metadata, synonyms), so not worth a warning. */
function isCompanion(name: string): boolean {
  return name === SYNONYMS_FILE || name === GLOSSARY_EN_FILE || name === SUBJECTS_EN_FILE || name.toLowerCase().endsWith('.meta.json');
}

async function describeIgnored(root: string, name: string, extensions: ReadonlySet<string>): Promise<string> {
  const info = await stat(join(root, name)).catch(() => null);
  if (info?.isDirectory()) return 'a folder (documents must sit directly in the corpus folder)';
  return `not a document this bot reads (${[...extensions].join(' ')})`;
}

/** "permission denied", "not found"…: what an fs error means, for a warning. */
function describeFsError(err: unknown, fallback: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return typeof code === 'string' ? `${fallback} (${code})` : fallback;
  }
}

/**
 * Reads one file of the corpus folder, or says why it cannot be part of the corpus: a symbolic link out
 * of the folder (or broken), not a regular file, over the size limit, unreadable. Reads at most
 * maxFileBytes + 1 bytes, so a file that grows after the size check cannot exhaust memory either.
 * Synchronous: a corpus is thousands of small files, and each asynchronous call (lstat, open, read, close)
 * waits its turn on libuv's thread pool; four blocking calls per file read 3,768 files in a fifth of the time.
 */
function readCorpusFile(root: string, name: string, maxFileBytes: number): Buffer | string {
  const path = join(root, name);
  try {
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        return 'broken symbolic link';
      }
      const rel = relative(root, target);
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return `symbolic link out of the corpus folder (to ${target})`;
    }
    // Checked before opening: opening a named pipe would wait for a writer. (A link's status is its target's.)
    const info = link.isSymbolicLink() ? statSync(path) : link;
    if (!info.isFile()) return 'not a regular file';
    if (info.size > maxFileBytes) return `${info.size} bytes, over the limit of ${maxFileBytes} (CORPUS_MAX_FILE_BYTES)`;
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(info.size, maxFileBytes) + 1);
      let size = 0;
      for (;;) {
        const bytesRead = readSync(fd, buffer, size, buffer.length - size, size);
        if (bytesRead === 0) break;
        size += bytesRead;
        if (size === buffer.length) break;
      }
      if (size > maxFileBytes) return `grew over the limit of ${maxFileBytes} bytes (CORPUS_MAX_FILE_BYTES) while being read`;
      return buffer.subarray(0, size);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return `cannot be read (${describeFsError(err, 'read error')})`;
  }
}

function decode(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** A companion file's text, undefined when there is none, or null (with a warning) when it is unusable. */
async function readCompanion(root: string, file: string, maxFileBytes: number, warnings: string[]): Promise<string | null | undefined> {
  const exists = await lstat(join(root, file)).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  const read = readCorpusFile(root, file, maxFileBytes);
  const text = typeof read === 'string' ? undefined : decode(read);
  if (text === undefined) {
    warnings.push(`${file}: ${typeof read === 'string' ? read : 'not UTF-8 text'}, ignored`);
    return null;
  }
  return text;
}

async function readMeta(root: string, id: string, maxFileBytes: number, warnings: string[]): Promise<z.infer<typeof MetaSchema>> {
  const file = `${id}.meta.json`;
  const raw = await readCompanion(root, file, maxFileBytes, warnings);
  if (raw === undefined || raw === null) return {};
  try {
    return MetaSchema.parse(JSON.parse(raw));
  } catch (err) {
    warnings.push(`${file}: invalid metadata (${err instanceof Error ? err.message.split('\n')[0] : String(err)}), ignored`);
    return {};
  }
}

async function readSynonyms(root: string, file: string, maxFileBytes: number, warnings: string[]): Promise<SynonymEntry[]> {
  const raw = await readCompanion(root, file, maxFileBytes, warnings);
  if (raw === undefined || raw === null) return [];
  try {
    const entries = SynonymFileSchema.parse(JSON.parse(raw));
    for (const e of entries) new RegExp(e.cue);
    return entries;
  } catch (err) {
    warnings.push(`${file}: invalid (${err instanceof Error ? err.message.split('\n')[0] : String(err)}), ignored`);
    return [];
  }
}

async function readSubjectNames(root: string, file: string, maxFileBytes: number, warnings: string[]): Promise<Map<string, string>> {
  const raw = await readCompanion(root, file, maxFileBytes, warnings);
  if (raw === undefined || raw === null) return new Map();
  try {
    return new Map(Object.entries(SubjectNamesFileSchema.parse(JSON.parse(raw))));
  } catch (err) {
    warnings.push(`${file}: invalid (${err instanceof Error ? err.message.split('\n')[0] : String(err)}), ignored`);
    return new Map();
  }
}

/**
 * A plain file's title: its first non-empty line when short enough, else that line without a note in brackets at
 * its end ("…2019年年度报告（节选：第二节 …；第四节 …）", "…（征求意见稿）") when that is, else its file name.
 */
function defaultTitle(text: string, id: string): string {
  const first = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^#{1,6}\s+/, '').trim())
    .find((l) => l.length > 0);
  if (!first) return id;
  if (first.length <= MAX_TITLE_CHARS) return first;
  const withoutNote = first.replace(/\s*[（(][^（）()]*[）)]$/, '');
  return withoutNote !== first && withoutNote.length >= 2 && withoutNote.length <= MAX_TITLE_CHARS ? withoutNote : id;
}
