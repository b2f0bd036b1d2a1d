/**
 * The persisted engine cache: a snapshot of an assembled engine (what a build reads from each document, its
 * DocumentAnalysis: facts with their figures, their search terms and features; FlexSearch's export; the term and
 * bigram postings), kept in a folder so the next start reads it instead of segmenting the corpus again.
 *
 *   <dir>/corpus-<key>.bin   one exact set of documents, in one file. key = hash of the documents' keys, each the
 *                            hash of the engine version and code, the inputs that shape a document's reading
 *                            (jieba's dictionary, the corpus's *.dict lines, the extraction and index parameters)
 *                            and the document itself (its text and metadata). A header (JSON: format, version,
 *                            key, the documents' ids and keys, payload length and checksum) and then the payload
 *                            in V8's serialisation, which keeps typed arrays as they are and is read in one call.
 *
 * A warm start reads one file. A changed, added or removed document changes the corpus key: the build then takes
 * every unchanged document's analysis from the newest earlier snapshot (their keys say which are unchanged),
 * reads only the others again, and writes a new snapshot; the few most recent are kept. A snapshot that cannot be
 * read, is not what its name says or fails its checks is ignored with a warning and rebuilt; every write goes to a
 * temporary name first and is renamed into place, so a crash never leaves half a file under a real name. The
 * cache is an optimisation only: when its folder cannot be written the build goes on without it.
 *
 * (One file per document, as an earlier version kept, cost a cold build of 3,768 passages 1.5–4 s in file writes
 * alone, and a warm start 0.7 s in reading and checking them.)
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import * as zlib from 'node:zlib';
import { z } from 'zod';
import type { CorpusDocument } from '../corpus/index.js';
import type { IndexPostings, SearchDump } from '../search/index.js';
import type { DocumentAnalysis } from './engine.js';

/**
 * Bump when anything that shapes a document's analysis or the index changes in code (fact extraction,
 * figures, segmentation, terms, features, the cache's format): every entry written before is then ignored.
 */
export const ENGINE_CACHE_VERSION = 3;

let fingerprint: string | undefined;

/**
 * A hash of the engine's own code, part of every key, so a new release (or a local edit) never reads facts an
 * older extractor wrote, even when ENGINE_CACHE_VERSION was not bumped: the bundle when running from dist/,
 * every source file under src/ when running from source (tsx, the tests).
 */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  try {
    const self = fileURLToPath(import.meta.url);
    if (self.endsWith('.ts')) {
      const src = dirname(dirname(self));
      const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
      for (const f of files)
        hash
          .update(f)
          .update('\0')
          .update(readFileSync(join(src, f)))
          .update('\0');
    } else hash.update(readFileSync(self));
  } catch {
    hash.update('unknown');
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The cache folder the bot and the CLI use unless told otherwise (CACHE_DIR), relative to the working folder. */
export const DEFAULT_ENGINE_CACHE_DIR = '.cache/factbot';

const SNAPSHOT_FORMAT = 'factbot-corpus-snapshot';
/** Snapshots kept at most (one per set of documents seen); the oldest go first. */
const MAX_SNAPSHOTS = 3;

const SnapshotHeaderSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(ENGINE_CACHE_VERSION),
  key: z.string(),
  documents: z.array(z.string()),
  keys: z.array(z.string()),
  facts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  checksum: z.string(),
});
type SnapshotHeader = z.infer<typeof SnapshotHeaderSchema>;

/** Everything an engine over one set of documents is assembled from (see PreparedEngine). */
export interface CorpusSnapshot {
  analyses: DocumentAnalysis[];
  dump: SearchDump;
  postings: IndexPostings;
}

/**
 * The snapshot's payload: the analyses with their term lists taken out as, per fact, ids into the term postings'
 * keys (a corpus's terms repeat: 40,000 facts hold 1.3 M terms but 48,000 distinct ones, and those are the keys).
 */
interface SnapshotPayload {
  analyses: Omit<DocumentAnalysis, 'terms'>[];
  termIds: Uint32Array;
  termCounts: Uint32Array;
  dump: SearchDump;
  postings: IndexPostings;
}

/** What a build did, for logs, tests and the bench: which documents were read again, what came from the cache. */
export interface BuildReport {
  documents: number;
  facts: number;
  /** Documents whose analysis came from the cache. */
  fromCache: number;
  /** Ids of the documents analysed in this build (new, changed, or their snapshot unusable). */
  analysed: string[];
  /** The search index imported from the cache, or built (indexed fact by fact). */
  searchIndex: 'imported' | 'built';
  /** The cache folder, or null when the build used none. */
  cacheDir: string | null;
  /** Whole build, ms (reading the corpus folder included). */
  ms: number;
}

export interface EngineCache {
  readonly dir: string;
  /** The document's key under the given inputs (see the module comment). */
  documentKey(doc: CorpusDocument): string;
  /** The key of an engine over exactly these documents (their keys, in order). */
  corpusKey(documentKeys: readonly string[]): string;
  /**
   * The snapshot of an engine over exactly these documents, or null (a warning names one that was there but
   * unusable). Its analyses' term lists share one string per distinct term.
   */
  readSnapshot(key: string, documents: readonly CorpusDocument[], documentKeys: readonly string[]): CorpusSnapshot | null;
  /**
   * Analyses of documents by their keys, from the newest other snapshot (the corpus as it was before one of its
   * documents changed): empty when there is none usable.
   */
  earlierAnalyses(except: string, documents: readonly CorpusDocument[], documentKeys: readonly string[]): Map<string, DocumentAnalysis>;
  writeSnapshot(key: string, documents: readonly CorpusDocument[], documentKeys: readonly string[], snapshot: CorpusSnapshot): void;
  /** Removes snapshots beyond the newest MAX_SNAPSHOTS, and the files of earlier cache versions. */
  prune(): void;
  /** Warnings met so far (unusable snapshots, a folder that cannot be written). */
  readonly warnings: string[];
}

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}

/**
 * The cache in `dir` for documents read under `inputs` (the jieba dictionary's identity, the corpus's user
 * dictionary, the extraction parameters: whatever besides a document decides its analysis).
 */
export function openEngineCache(dir: string, inputs: readonly (string | Uint8Array)[]): EngineCache {
  const inputsKey = sha256(`v${ENGINE_CACHE_VERSION}`, codeFingerprint(), ...inputs);
  const warnings: string[] = [];
  let writable = true;
  const warn = (message: string) => warnings.push(`engine cache: ${message}`);

  /** Writes the parts one after the other (not joined first: a snapshot is tens of megabytes). */
  const write = (file: string, parts: readonly Uint8Array[]) => {
    if (!writable) return;
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        const fd = openSync(tmp, 'w');
        try {
          for (const part of parts) for (let at = 0; at < part.length;) at += writeSync(fd, part, at);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
    } catch (err) {
      writable = false;
      warn(`${dir} cannot be written (${errorText(err)}); building without the cache`);
    }
  };

  /** A file's bytes, or null: absent silently, unreadable with a warning. */
  const readBytes = (file: string, what: string): Buffer | null => {
    try {
      return readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`${what} unreadable (${errorText(err)}), rebuilt`);
      return null;
    }
  };

  const snapshotFile = (key: string) => join(dir, `corpus-${key}.bin`);
  /** Snapshot files, newest first. */
  const snapshots = (): string[] => {
    try {
      return readdirSync(dir)
        .filter((f) => f.startsWith('corpus-') && f.endsWith('.bin'))
        .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t)
        .map(({ f }) => f);
    } catch {
      return [];
    }
  };

  return {
    dir,
    warnings,
    documentKey: (doc) =>
      sha256(
        inputsKey,
        JSON.stringify([doc.id, doc.title, doc.publisher, doc.period, doc.date ?? null, doc.file, doc.format ?? null, doc.pages ?? null]),
        doc.text,
      ).slice(0, 32),
    corpusKey: (documentKeys) => sha256(inputsKey, ...documentKeys).slice(0, 32),
    readSnapshot(key, documents, documentKeys) {
      const bytes = readBytes(snapshotFile(key), 'corpus snapshot');
      if (!bytes) return null;
      const read = readSnapshotBytes(bytes);
      if (typeof read === 'string') {
        warn(`corpus snapshot ${read}, ignored and rebuilt`);
        return null;
      }
      const { header, payload } = read;
      const same =
        header.key === key &&
        header.documents.length === documents.length &&
        header.documents.every((id, i) => id === documents[i]!.id && header.keys[i] === documentKeys[i]);
      const analyses = same ? restoreAnalyses(header, payload, documents) : null;
      if (!analyses) {
        warn('corpus snapshot does not match the documents, ignored and rebuilt');
        return null;
      }
      // Every document was given, so every analysis is there.
      return { analyses: analyses as DocumentAnalysis[], dump: payload.dump, postings: payload.postings };
    },
    earlierAnalyses(except, documents, documentKeys) {
      const found = new Map<string, DocumentAnalysis>();
      const file = snapshots().find((f) => f !== `corpus-${except}.bin`);
      if (!file) return found;
      const bytes = readBytes(join(dir, file), 'earlier corpus snapshot');
      const read = bytes ? readSnapshotBytes(bytes) : null;
      if (read === null) return found;
      if (typeof read === 'string') {
        warn(`earlier corpus snapshot ${read}, ignored`);
        return found;
      }
      // The documents of the earlier corpus that are unchanged now: same key (so same text, metadata and inputs).
      const wanted = new Map(documentKeys.map((k, i) => [k, documents[i]!]));
      const earlier = read.header.documents.map((id, i) => {
        const doc = wanted.get(read.header.keys[i] ?? '');
        return doc && doc.id === id ? doc : null;
      });
      const analyses = restoreAnalyses(read.header, read.payload, earlier);
      if (analyses) analyses.forEach((a, i) => a && found.set(read.header.keys[i]!, a));
      return found;
    },
    writeSnapshot(key, documents, documentKeys, snapshot) {
      const parts = compactSnapshot(key, documents, documentKeys, snapshot);
      if (parts) write(snapshotFile(key), parts);
      else warn('corpus snapshot not written: a fact term is not in the index');
    },
    prune() {
      if (!writable) return;
      try {
        for (const f of snapshots().slice(MAX_SNAPSHOTS)) rmSync(join(dir, f), { force: true });
        for (const f of readdirSync(dir)) {
          // Files of earlier cache versions (one per document, search-index dumps), and temporary files a killed
          // process left behind.
          if ((f.startsWith('doc-') || f.startsWith('index-')) && f.endsWith('.json')) rmSync(join(dir, f), { force: true });
          else if (f.endsWith('.tmp') && Date.now() - statSync(join(dir, f)).mtimeMs > 60_000) rmSync(join(dir, f), { force: true });
        }
      } catch {
        // pruning is housekeeping only
      }
    },
  };
}

function errorText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Whether an analysis read back is whole and cites the document's own text (the key says whose it is). */
function analysisFits(a: DocumentAnalysis, doc: CorpusDocument): boolean {
  const n = a.facts.length;
  return (
    Array.isArray(a.facts) &&
    Array.isArray(a.normalized) &&
    a.normalized.length === n &&
    Array.isArray(a.terms) &&
    a.terms.length === n &&
    Array.isArray(a.features) &&
    a.features.length === n &&
    Array.isArray(a.titleTerms) &&
    a.facts.every((f) => f.docId === doc.id && Array.isArray(f.figures) && doc.text.slice(f.start, f.end) === f.text)
  );
}

/** CRC-32 of the payload (zlib's, from Node 20.15), or a hash where this Node lacks it. */
function checksum(bytes: Uint8Array): string {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return crc32 ? `crc32:${crc32(bytes).toString(16)}` : `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * The snapshot file's bytes, in parts: header length (uint32, little-endian), header JSON, payload; null when a term
 * is not among the postings' keys (never, unless the snapshot given does not hang together).
 */
function compactSnapshot(
  key: string,
  documents: readonly CorpusDocument[],
  documentKeys: readonly string[],
  snapshot: CorpusSnapshot,
): Buffer[] | null {
  // The term postings are built from these very lists, so every term is one of their keys.
  const ids = new Map(snapshot.postings.terms.keys.map((t, id) => [t, id]));
  const lists = snapshot.analyses.flatMap((a) => a.terms);
  const termCounts = new Uint32Array(lists.length);
  const termIds = new Uint32Array(lists.reduce((n, terms) => n + terms.length, 0));
  let k = 0;
  for (const [i, terms] of lists.entries()) {
    termCounts[i] = terms.length;
    for (const t of terms) {
      const id = ids.get(t);
      if (id === undefined) return null;
      termIds[k++] = id;
    }
  }
  const payload: SnapshotPayload = {
    analyses: snapshot.analyses.map(({ terms: _terms, ...rest }) => rest),
    termIds,
    termCounts,
    dump: snapshot.dump,
    postings: snapshot.postings,
  };
  const body = serialize(payload);
  const header = Buffer.from(
    JSON.stringify({
      format: SNAPSHOT_FORMAT,
      version: ENGINE_CACHE_VERSION,
      key,
      documents: documents.map((d) => d.id),
      keys: documentKeys,
      facts: lists.length,
      bytes: body.length,
      checksum: checksum(body),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return [length, header, body];
}

/** The header and payload in a snapshot file's bytes, or what is wrong with them. */
function readSnapshotBytes(bytes: Buffer): { header: SnapshotHeader; payload: SnapshotPayload } | string {
  if (bytes.length < 4) return 'is corrupt (truncated)';
  const headerLength = bytes.readUInt32LE(0);
  if (headerLength > bytes.length - 4) return 'is corrupt (truncated)';
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8'));
  } catch {
    return 'is corrupt (no header)';
  }
  const parsed = SnapshotHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    return version !== ENGINE_CACHE_VERSION ? `is from another engine version (${String(version)})` : 'is corrupt (bad header)';
  }
  const header = parsed.data;
  const body = bytes.subarray(4 + headerLength);
  if (body.length !== header.bytes) return 'is corrupt (truncated)';
  if (checksum(body) !== header.checksum) return 'is corrupt (checksum)';
  let payload: SnapshotPayload;
  try {
    payload = deserialize(body) as SnapshotPayload;
  } catch {
    return 'is corrupt (unreadable payload)';
  }
  const { analyses, termIds, termCounts } = payload;
  const whole =
    Array.isArray(analyses) &&
    analyses.length === header.documents.length &&
    header.keys.length === header.documents.length &&
    Array.isArray(payload.postings?.terms?.keys) &&
    termIds instanceof Uint32Array &&
    termCounts instanceof Uint32Array &&
    termCounts.length === header.facts &&
    Array.isArray(payload.dump) &&
    typeof payload.postings === 'object' &&
    payload.postings !== null;
  return whole ? { header, payload } : 'is corrupt (incomplete payload)';
}

/**
 * The analyses of a snapshot with their term lists put back, for the documents given (documents[i] is the
 * snapshot's i-th document, or null where it is not wanted); null when one does not fit its document.
 */
function restoreAnalyses(
  header: SnapshotHeader,
  payload: SnapshotPayload,
  documents: readonly (CorpusDocument | null)[],
): (DocumentAnalysis | null)[] | null {
  const { analyses, termIds, termCounts } = payload;
  const termTable = payload.postings.terms.keys;
  let k = 0;
  let fact = 0;
  const restored: (DocumentAnalysis | null)[] = [];
  for (const [d, a] of analyses.entries()) {
    const n = Array.isArray(a?.facts) ? a.facts.length : 0;
    if (fact + n > termCounts.length) return null;
    const doc = documents[d] ?? null;
    if (!doc) {
      for (let i = 0; i < n; i++, fact++) k += termCounts[fact]!;
      restored.push(null);
      continue;
    }
    const terms: string[][] = new Array<string[]>(n);
    for (let i = 0; i < n; i++, fact++) {
      const count = termCounts[fact]!;
      if (k + count > termIds.length) return null;
      const list = new Array<string>(count);
      for (let j = 0; j < count; j++) {
        const term = termTable[termIds[k++]!];
        if (term === undefined) return null;
        list[j] = term;
      }
      terms[i] = list;
    }
    const analysis = { ...a, terms } as DocumentAnalysis;
    if (!analysisFits(analysis, doc)) return null;
    restored.push(analysis);
  }
  if (fact !== header.facts || k !== termIds.length) return null;
  return restored;
}
