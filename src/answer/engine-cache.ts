/**
 * The persisted engine cache: a snapshot of an assembled engine (what a build reads from each document, its
 * DocumentAnalysis: facts with their figures, their search terms and features; FlexSearch's export; the term and
 * bigram postings), kept in a folder so the next start reads it instead of segmenting the corpus again.
 *
 *   <dir>/corpus-<key>.bin   one exact set of documents, in one file. key = hash of the documents' keys, each the
 *                            hash of the engine version and code, the inputs that shape a document's reading
 *                            (jieba's dictionary, the corpus's *.dict lines, the extraction and index parameters)
 *                            and the document itself (its text and metadata). The payload in segments: the
 *                            analyses a few hundred documents at a time in V8's serialisation, the fact terms and
 *                            the postings' offsets and ids as raw little-endian uint32, the postings' keys as JSON,
 *                            FlexSearch's export one key at a time as its own text; then a header (JSON: format,
 *                            version, key, the documents' ids and keys, each segment's part and length, a checksum
 *                            of them all) and its length (uint32, little-endian) as the last four bytes.
 *
 * Writing is shaped by a cold build's peak memory. The analyses are written as soon as they are made, before the
 * engine is assembled (a serialisation is memory outside the JavaScript heap, which V8 frees only at its next
 * collection: written after assembly, the 25 MB of analyses of 1.7 M characters stood on top of the engine's own
 * peak); the rest is written without a copy (typed arrays as views of their bytes, strings handed to the file
 * system as they are).
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
import { endianness } from 'node:os';
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
export const ENGINE_CACHE_VERSION = 8;

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

/**
 * What a snapshot segment holds: analyses (V8), the fact terms (uint32: per fact its count, then the ids of all in
 * order), a FlexSearch export entry (text; its key in the descriptor), each posting table's keys (JSON) and its
 * offsets and ids (uint32).
 */
const SEGMENT_PARTS = [
  'analyses',
  'termCounts',
  'termIds',
  'dump',
  'termKeys',
  'termOffsets',
  'termData',
  'bigramKeys',
  'bigramOffsets',
  'bigramData',
] as const;
type SegmentPart = (typeof SEGMENT_PARTS)[number];

const SnapshotHeaderSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(ENGINE_CACHE_VERSION),
  key: z.string(),
  documents: z.array(z.string()),
  keys: z.array(z.string()),
  facts: z.number().int().nonnegative(),
  segments: z.array(z.object({ part: z.enum(SEGMENT_PARTS), bytes: z.number().int().nonnegative(), key: z.string().optional() })),
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

/** Documents' analyses per segment: a segment of them is a few megabytes. */
const ANALYSES_PER_SEGMENT = 256;

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
  /**
   * Starts the snapshot of an engine over these documents by writing their analyses (see the module comment); the
   * writer's finish() adds the index and puts the file in place once the engine is assembled.
   */
  beginSnapshot(
    key: string,
    documents: readonly CorpusDocument[],
    documentKeys: readonly string[],
    analyses: readonly DocumentAnalysis[],
  ): SnapshotWriter;
  /** Removes snapshots beyond the newest MAX_SNAPSHOTS, and the files of earlier cache versions. */
  prune(): void;
  /** Warnings met so far (unusable snapshots, a folder that cannot be written). */
  readonly warnings: string[];
}

/** A snapshot being written: its analyses are in the file, the rest comes with finish(). */
export interface SnapshotWriter {
  /** Writes the index and the header, and renames the file into place; a failure is a warning. */
  finish(index: Pick<CorpusSnapshot, 'dump' | 'postings'>): void;
  /** Drops the file (the build failed). */
  abort(): void;
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

  const cannotWrite = (err: unknown) => {
    writable = false;
    warn(`${dir} cannot be written (${errorText(err)}); building without the cache`);
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
        JSON.stringify([
          ...[doc.id, doc.title, doc.publisher, doc.period, doc.date ?? null, doc.source ?? null, doc.column ?? null],
          ...[doc.contributor ?? null, doc.file, doc.format ?? null, doc.pages ?? null],
        ]),
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
    beginSnapshot(key, documents, documentKeys, analyses) {
      if (!writable) return NO_WRITER;
      let file: SegmentFile | null = null;
      const fail = (err: unknown) => {
        file?.discard();
        file = null;
        cannotWrite(err);
      };
      try {
        mkdirSync(dir, { recursive: true });
        file = new SegmentFile(snapshotFile(key));
        for (let at = 0; at < analyses.length || at === 0; at += ANALYSES_PER_SEGMENT)
          file.add('analyses', serialize(analyses.slice(at, at + ANALYSES_PER_SEGMENT).map(({ terms: _terms, ...rest }) => rest)));
      } catch (err) {
        fail(err);
        return NO_WRITER;
      }
      return {
        finish({ dump, postings }) {
          if (!file) return;
          const terms = termIdsOf(analyses, postings);
          if (!terms) {
            file.discard();
            file = null;
            warn('corpus snapshot not written: a fact term is not in the index');
            return;
          }
          try {
            file.add('termCounts', terms.termCounts);
            file.add('termIds', terms.termIds);
            for (const [entry, data] of dump) file.add('dump', data, entry);
            for (const [table, prefix] of [
              [postings.terms, 'term'],
              [postings.bigrams, 'bigram'],
            ] as const) {
              file.add(`${prefix}Keys`, JSON.stringify(table.keys));
              file.add(`${prefix}Offsets`, table.offsets);
              file.add(`${prefix}Data`, table.data);
            }
            file.close({
              format: SNAPSHOT_FORMAT,
              version: ENGINE_CACHE_VERSION,
              key,
              documents: documents.map((d) => d.id),
              keys: [...documentKeys],
              facts: terms.termCounts.length,
            });
            file = null;
          } catch (err) {
            fail(err);
          }
        },
        abort() {
          file?.discard();
          file = null;
        },
      };
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

/** A running checksum of the segments: CRC-32 (zlib's, from Node 20.15), or SHA-256 where this Node lacks it. */
function checksummer(): { update(bytes: Uint8Array | string): void; digest(): string } {
  const crc32 = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;
  if (crc32) {
    let value = 0;
    return {
      // Nothing to add for nothing (Node 20's crc32 of an empty typed array over an empty buffer gives 0, whatever the value).
      update: (bytes) => void (bytes.length > 0 && (value = crc32(bytes, value))),
      digest: () => `crc32:${value.toString(16)}`,
    };
  }
  const hash = createHash('sha256');
  return { update: (bytes) => hash.update(bytes), digest: () => `sha256:${hash.digest('hex')}` };
}

const NO_WRITER: SnapshotWriter = { finish: () => undefined, abort: () => undefined };

/** This machine's byte order: uint32 segments are written in it and read only where it is little-endian. */
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * A snapshot file being written under a temporary name: segments one after the other, each checksummed and
 * described as it goes, then the header; renamed into place on close, removed on discard.
 */
class SegmentFile {
  private readonly tmp: string;
  private fd: number | null;
  private readonly sum = checksummer();
  private readonly segments: SnapshotHeader['segments'] = [];

  constructor(private readonly file: string) {
    this.tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    this.fd = openSync(this.tmp, 'w');
  }

  /** Writes a segment: bytes (a typed array as a view of its own bytes, not a copy) or text, as UTF-8. */
  add(part: SegmentPart, data: Uint8Array | Uint32Array | string, key?: string): void {
    const bytes = typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const length = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    this.write(bytes, length);
    this.sum.update(bytes);
    this.segments.push(key === undefined ? { part, bytes: length } : { part, bytes: length, key });
  }

  close(header: Omit<SnapshotHeader, 'segments' | 'checksum'>): void {
    const json = Buffer.from(JSON.stringify({ ...header, segments: this.segments, checksum: this.sum.digest() } satisfies SnapshotHeader));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    this.write(json, json.length);
    this.write(length, 4);
    closeSync(this.fd!);
    this.fd = null;
    renameSync(this.tmp, this.file);
  }

  discard(): void {
    try {
      if (this.fd !== null) closeSync(this.fd);
    } catch {
      // closing is best effort: the file goes anyway
    }
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }

  /** Text goes to the file system as it is (Node encodes it into a buffer it frees at once). */
  private write(bytes: Uint8Array | string, length: number): void {
    if (typeof bytes === 'string') {
      if (writeSync(this.fd!, bytes) !== length) throw new Error('short write');
    } else for (let at = 0; at < length;) at += writeSync(this.fd!, bytes, at);
  }
}

/**
 * The term lists of the analyses as, per fact, a count and ids into the term postings' keys; null when a term is not
 * among them (never, unless what is given does not hang together: the postings are built from these lists).
 */
function termIdsOf(
  analyses: readonly DocumentAnalysis[],
  postings: IndexPostings,
): { termIds: Uint32Array; termCounts: Uint32Array } | null {
  const ids = new Map(postings.terms.keys.map((t, id) => [t, id]));
  let facts = 0;
  let total = 0;
  for (const a of analyses)
    for (const terms of a.terms) {
      facts++;
      total += terms.length;
    }
  const termCounts = new Uint32Array(facts);
  const termIds = new Uint32Array(total);
  let i = 0;
  let k = 0;
  for (const a of analyses)
    for (const terms of a.terms) {
      termCounts[i++] = terms.length;
      for (const t of terms) {
        const id = ids.get(t);
        if (id === undefined) return null;
        termIds[k++] = id;
      }
    }
  return { termIds, termCounts };
}

/** The header and payload in a snapshot file's bytes, or what is wrong with them. */
function readSnapshotBytes(bytes: Buffer): { header: SnapshotHeader; payload: SnapshotPayload } | string {
  if (bytes.length < 4) return 'is corrupt (truncated)';
  const headerLength = bytes.readUInt32LE(bytes.length - 4);
  if (headerLength > bytes.length - 4) return 'is corrupt (truncated)';
  const bodyLength = bytes.length - 4 - headerLength;
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(bodyLength, bodyLength + headerLength).toString('utf8'));
  } catch {
    return 'is corrupt (no header)';
  }
  const parsed = SnapshotHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    return version !== ENGINE_CACHE_VERSION ? `is from another engine version (${String(version)})` : 'is corrupt (bad header)';
  }
  const header = parsed.data;
  if (header.segments.reduce((n, s) => n + s.bytes, 0) !== bodyLength) return 'is corrupt (truncated)';
  const sum = checksummer();
  sum.update(bytes.subarray(0, bodyLength));
  if (sum.digest() !== header.checksum) return 'is corrupt (checksum)';
  if (!LITTLE_ENDIAN) return 'cannot be read on a big-endian machine';
  const analyses: SnapshotPayload['analyses'] = [];
  const dump: [string, string][] = [];
  const u32: Partial<Record<SegmentPart, Uint32Array>> = {};
  const keys: Partial<Record<SegmentPart, unknown>> = {};
  let at = 0;
  try {
    for (const { part, bytes: length, key } of header.segments) {
      const view = bytes.subarray(at, at + length);
      at += length;
      if (part === 'analyses') analyses.push(...(deserialize(view) as SnapshotPayload['analyses']));
      else if (part === 'dump') {
        if (key === undefined) return 'is corrupt (incomplete payload)';
        dump.push([key, view.toString('utf8')]);
      } else if (part === 'termKeys' || part === 'bigramKeys') keys[part] = JSON.parse(view.toString('utf8'));
      else {
        // A copy, aligned and of its own: the postings stay with the engine, and must not hold the whole file.
        if (length % 4 !== 0) return 'is corrupt (bad segment)';
        const array = new Uint32Array(length / 4);
        new Uint8Array(array.buffer).set(view);
        u32[part] = array;
      }
    }
  } catch {
    return 'is corrupt (unreadable payload)';
  }
  const table = (prefix: 'term' | 'bigram') => {
    const tableKeys = keys[`${prefix}Keys`];
    const offsets = u32[`${prefix}Offsets`];
    const data = u32[`${prefix}Data`];
    return Array.isArray(tableKeys) &&
      tableKeys.every((k) => typeof k === 'string') &&
      offsets?.length === tableKeys.length + 1 &&
      data !== undefined
      ? { keys: tableKeys as string[], offsets, data }
      : null;
  };
  const terms = table('term');
  const bigrams = table('bigram');
  const { termIds, termCounts } = u32;
  const whole =
    analyses.length === header.documents.length &&
    header.keys.length === header.documents.length &&
    terms !== null &&
    bigrams !== null &&
    termIds !== undefined &&
    termCounts?.length === header.facts;
  if (!whole) return 'is corrupt (incomplete payload)';
  const payload: SnapshotPayload = { analyses, termIds, termCounts, dump, postings: { terms, bigrams } };
  return { header, payload };
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
