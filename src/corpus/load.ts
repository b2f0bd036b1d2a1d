/**
 * Reads a corpus folder: every .txt/.md file is a document, `NAME.meta.json` beside it holds its
 * metadata, and `*.dict` files are user dictionaries for the word segmenter. The only module that
 * reads corpus files.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { SynonymFileSchema, type SynonymEntry } from '../question/synonyms.js';
import type { CorpusDocument } from './document.js';

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
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** Concatenated `*.dict` files (jieba user-dictionary lines: `word [freq] [tag]`). */
  userDictionary: Uint8Array;
  /** The corpus's synonym table (`synonyms.json`), validated; empty when there is none. */
  synonyms: SynonymEntry[];
  /** One line per skipped or doubtful file, naming the file and what is wrong. */
  warnings: string[];
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md']);
const MAX_TITLE_CHARS = 60;
const SYNONYMS_FILE = 'synonyms.json';

const MetaSchema = z.object({
  title: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
  language: z.string().optional(),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const root = await realpath(dir).catch(() => {
    throw new CorpusError(`corpus folder not found: ${dir}`);
  });
  if (!(await stat(root)).isDirectory()) throw new CorpusError(`corpus path is not a folder: ${dir}`);
  const names = (await readdir(root)).filter((n) => !n.startsWith('.')).sort();
  const warnings: string[] = [];
  const documents: CorpusDocument[] = [];
  const dictionaries: Buffer[] = [];

  for (const name of names) {
    const ext = extname(name).toLowerCase();
    if (!DOCUMENT_EXTENSIONS.has(ext) && ext !== '.dict') continue;
    const problem = await checkFile(root, name, maxFileBytes);
    if (problem) {
      warnings.push(`${name}: ${problem}, skipped`);
      continue;
    }
    const bytes = await readFile(join(root, name));
    if (ext === '.dict') {
      dictionaries.push(bytes, Buffer.from('\n'));
      continue;
    }
    const text = decode(bytes);
    if (text === undefined) {
      warnings.push(`${name}: not UTF-8 text (binary or another encoding), skipped`);
      continue;
    }
    if (!text.trim()) {
      warnings.push(`${name}: empty, skipped`);
      continue;
    }
    const id = basename(name, extname(name));
    const meta = await readMeta(root, id, warnings);
    documents.push({
      id,
      title: meta.title ?? defaultTitle(text, id),
      publisher: meta.publisher ?? null,
      period: meta.period ?? null,
      file: name,
      text,
    });
  }
  if (documents.length === 0) {
    const why = warnings.length ? ` (${warnings.join('; ')})` : '';
    throw new CorpusError(`no usable .txt or .md document in corpus folder ${dir}${why}`);
  }
  const synonyms = await readSynonyms(root, warnings);
  return { documents, userDictionary: Buffer.concat(dictionaries), synonyms, warnings };
}

/** Why a file cannot be read as part of the corpus, or null when it can. */
async function checkFile(root: string, name: string, maxFileBytes: number): Promise<string | null> {
  const path = join(root, name);
  const link = await lstat(path);
  if (link.isSymbolicLink()) {
    const target = await realpath(path).catch(() => null);
    if (!target) return 'broken symbolic link';
    const rel = relative(root, target);
    if (rel.startsWith('..') || rel.startsWith(sep)) return 'symbolic link out of the corpus folder';
  }
  const info = await stat(path);
  if (!info.isFile()) return 'not a regular file';
  if (info.size > maxFileBytes) return `${info.size} bytes, over the limit of ${maxFileBytes}`;
  return null;
}

function decode(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

async function readMeta(root: string, id: string, warnings: string[]): Promise<z.infer<typeof MetaSchema>> {
  const file = `${id}.meta.json`;
  let raw: string;
  try {
    raw = await readFile(join(root, file), 'utf8');
  } catch {
    return {};
  }
  try {
    return MetaSchema.parse(JSON.parse(raw));
  } catch (err) {
    warnings.push(`${file}: invalid metadata (${err instanceof Error ? err.message.split('\n')[0] : String(err)}), ignored`);
    return {};
  }
}

async function readSynonyms(root: string, warnings: string[]): Promise<SynonymEntry[]> {
  let raw: string;
  try {
    raw = await readFile(join(root, SYNONYMS_FILE), 'utf8');
  } catch {
    return [];
  }
  try {
    const entries = SynonymFileSchema.parse(JSON.parse(raw));
    for (const e of entries) new RegExp(e.cue);
    return entries;
  } catch (err) {
    warnings.push(`${SYNONYMS_FILE}: invalid (${err instanceof Error ? err.message.split('\n')[0] : String(err)}), ignored`);
    return [];
  }
}

/** A plain file's title: its first non-empty line when short enough, else its file name. */
function defaultTitle(text: string, id: string): string {
  const first = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return first && first.length <= MAX_TITLE_CHARS ? first : id;
}
