/**
 * The persisted engine cache: what a build reads from each document (its DocumentAnalysis: facts with their
 * figures, their search terms and features), and a snapshot of the whole assembled engine, kept in a folder
 * so the next start reads them instead of segmenting the corpus again.
 *
 *   <dir>/doc-<key>.json     one per document; key = hash of the engine version, the inputs that shape a
 *                            document's reading (jieba's dictionary, the corpus's *.dict lines, the extraction
 *                            and index parameters) and the document itself (its text and metadata)
 *   <dir>/corpus-<key>.bin   one exact set of documents (key = hash of their keys), in one file: every
 *                            analysis, FlexSearch's export and the term and bigram postings. A header (JSON:
 *                            format, version, key, the documents' ids, payload length and CRC-32) and then the
 *                            payload in V8's serialisation, which keeps typed arrays as they are and is read in
 *                            one call: a warm start reads this file alone.
 *
 * A changed document changes its key alone: only it is read again, the others come from their entries, and a
 * new snapshot is written. An entry that cannot be read, is not what its name says or fails validation is
 * ignored with a warning and rebuilt; every write goes to a temporary name first and is renamed into place, so
 * a crash never leaves half a file under a real name. The cache is an optimisation only: when its folder
 * cannot be written the build goes on without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import * as zlib from 'node:zlib';
import { z } from 'zod';
import type { CorpusDocument } from '../corpus/index.js';
import { FactSchema, FigureSchema } from '../facts/index.js';
import type { IndexPostings, SearchDump } from '../search/index.js';
import type { DocumentAnalysis } from './engine.js';

/**
 * Bump when anything that shapes a document's analysis or the index changes in code (fact extraction,
 * figures, segmentation, terms, features, the cache's format): every entry written before is then ignored.
 */
export const ENGINE_CACHE_VERSION = 2;

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

const DOC_FORMAT = 'factbot-document-analysis';
const SNAPSHOT_FORMAT = 'factbot-corpus-snapshot';
/** Snapshots kept at most (one per set of documents seen); the oldest go first. */
const MAX_SNAPSHOTS = 3;
/** Document entries are pruned to the current corpus's once the folder holds more than this many. */
const MIN_DOC_ENTRIES_KEPT = 2_000;

const FeaturesSchema = z.object({
  persons: z.array(z.string()),
  places: z.array(z.string()),
  hasDate: z.boolean(),
  listTails: z.array(z.string()),
});

/**
 * A cached fact: what the reader relies on is checked (ids, offsets, the text, each figure's reading); the rest
 * passes as written. Checking every field of tens of thousands of facts with FactSchema took most of a warm start,
 * and an entry is already tied to its document by its key and by each fact's text matching the document's.
 */
const CachedFigureSchema = FigureSchema.pick({
  raw: true,
  value: true,
  unit: true,
  kind: true,
  role: true,
  start: true,
  end: true,
}).loose();
const CachedFactSchema = FactSchema.pick({
  id: true,
  docId: true,
  paragraph: true,
  sentence: true,
  clause: true,
  text: true,
  start: true,
  end: true,
})
  .extend({ section: z.string().nullable(), figures: z.array(CachedFigureSchema) })
  .loose();

const AnalysisSchema = z.object({
  facts: z.array(CachedFactSchema),
  normalized: z.array(z.string().nullable()),
  terms: z.array(z.array(z.string())),
  features: z.array(FeaturesSchema),
  titleTerms: z.array(z.string()),
  entity: z.string().nullable(),
  period: z.string().nullable(),
  normalizedTitle: z.string().nullable(),
  normalizedText: z.string().nullable(),
});

const DocEntrySchema = z.object({
  format: z.literal(DOC_FORMAT),
  version: z.literal(ENGINE_CACHE_VERSION),
  key: z.string(),
  document: z.string(),
  analysis: AnalysisSchema,
});

const SnapshotHeaderSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(ENGINE_CACHE_VERSION),
  key: z.string(),
  documents: z.array(z.string()),
  facts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  checksum: z.string(),
});

/** Everything an engine over one set of documents is assembled from (see PreparedEngine). */
export interface CorpusSnapshot {
  analyses: DocumentAnalysis[];
  dump: SearchDump;
  postings: IndexPostings;
}

/**
 * The snapshot's payload: the analyses with their term lists taken out into one table of distinct terms and,
 * per fact, ids into it (a corpus's terms repeat: 40,000 facts hold 1.3 M terms but 90,000 distinct ones).
 */
interface SnapshotPayload {
  analyses: Omit<DocumentAnalysis, 'terms'>[];
  termTable: string[];
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
  /** Ids of the documents analysed in this build (new, changed, or their entry unusable). */
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
  /** Its cached analysis, or null (a warning names an entry that was there but unusable). */
  readDocument(doc: CorpusDocument, key: string): DocumentAnalysis | null;
  writeDocument(doc: CorpusDocument, key: string, analysis: DocumentAnalysis): void;
  /** The key of an engine over exactly these documents (their keys, in order). */
  corpusKey(documentKeys: readonly string[]): string;
  /**
   * The snapshot of an engine over exactly these documents, or null (a warning names one that was there but
   * unusable). Its analyses' term lists share one string per distinct term.
   */
  readSnapshot(key: string, documents: readonly CorpusDocument[]): CorpusSnapshot | null;
  writeSnapshot(key: string, documents: readonly CorpusDocument[], snapshot: CorpusSnapshot): void;
  /** Removes entries no longer needed (see MAX_SNAPSHOTS, MIN_DOC_ENTRIES_KEPT). */
  prune(documentKeys: readonly string[]): void;
  /** Warnings met so far (unusable entries, a folder that cannot be written). */
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

  const write = (file: string, data: string | Uint8Array) => {
    if (!writable) return;
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, data);
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

  /** The parsed entry, or null: absent silently, unusable with a warning. */
  const read = <T>(file: string, schema: z.ZodType<T>, what: string): T | null => {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`${what} unreadable (${errorText(err)}), rebuilt`);
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      warn(`${what} is corrupt (not JSON), ignored and rebuilt`);
      return null;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const version = (json as { version?: unknown } | null)?.version;
      warn(
        version !== ENGINE_CACHE_VERSION
          ? `${what} is from another engine version (${String(version)}), ignored and rebuilt`
          : `${what} is invalid (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}), ignored and rebuilt`,
      );
      return null;
    }
    // The entry as written (zod would rebuild each object with its checked keys first): the same objects, in the same key order, as a cold build makes.
    return json as T;
  };

  const docFile = (key: string) => join(dir, `doc-${key}.json`);
  const snapshotFile = (key: string) => join(dir, `corpus-${key}.bin`);

  return {
    dir,
    warnings,
    documentKey: (doc) =>
      sha256(
        inputsKey,
        JSON.stringify([doc.id, doc.title, doc.publisher, doc.period, doc.date ?? null, doc.file, doc.format ?? null, doc.pages ?? null]),
        doc.text,
      ).slice(0, 32),
    readDocument(doc, key) {
      const entry = read(docFile(key), DocEntrySchema, `entry of ${doc.file}`);
      if (!entry) return null;
      const a = entry.analysis as unknown as DocumentAnalysis;
      // The key says whose entry it is; these say the entry is whole and fits the text it cites.
      if (!(entry.key === key && entry.document === doc.id && analysisFits(a, doc))) {
        warn(`entry of ${doc.file} does not match the document, ignored and rebuilt`);
        return null;
      }
      return a;
    },
    writeDocument(doc, key, analysis) {
      write(docFile(key), JSON.stringify({ format: DOC_FORMAT, version: ENGINE_CACHE_VERSION, key, document: doc.id, analysis }));
    },
    corpusKey: (documentKeys) => sha256(inputsKey, ...documentKeys).slice(0, 32),
    readSnapshot(key, documents) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(snapshotFile(key));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`corpus snapshot unreadable (${errorText(err)}), rebuilt`);
        return null;
      }
      const snapshot = restoreSnapshot(bytes, key, documents);
      if (typeof snapshot === 'string') {
        warn(`corpus snapshot ${snapshot}, ignored and rebuilt`);
        return null;
      }
      return snapshot;
    },
    writeSnapshot(key, documents, snapshot) {
      write(snapshotFile(key), compactSnapshot(key, documents, snapshot));
    },
    prune(documentKeys) {
      if (!writable) return;
      try {
        const files = readdirSync(dir);
        const snapshots = files
          .filter((f) => f.startsWith('corpus-') && f.endsWith('.bin'))
          .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
          .sort((a, b) => b.t - a.t);
        for (const { f } of snapshots.slice(MAX_SNAPSHOTS)) rmSync(join(dir, f), { force: true });
        // The search-index dumps an earlier version of the cache kept beside its entries.
        for (const f of files) if (f.startsWith('index-') && f.endsWith('.json')) rmSync(join(dir, f), { force: true });
        const docs = files.filter((f) => f.startsWith('doc-') && f.endsWith('.json'));
        if (docs.length > Math.max(MIN_DOC_ENTRIES_KEPT, 2 * documentKeys.length)) {
          const keep = new Set(documentKeys.map((k) => `doc-${k}.json`));
          for (const f of docs) if (!keep.has(f)) rmSync(join(dir, f), { force: true });
        }
        // Temporary files a killed process left behind.
        for (const f of files)
          if (f.endsWith('.tmp') && Date.now() - statSync(join(dir, f)).mtimeMs > 60_000) rmSync(join(dir, f), { force: true });
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

/** The snapshot file's bytes: header length (uint32, little-endian), header JSON, payload. */
function compactSnapshot(key: string, documents: readonly CorpusDocument[], snapshot: CorpusSnapshot): Buffer {
  const ids = new Map<string, number>();
  const termTable: string[] = [];
  const lists = snapshot.analyses.flatMap((a) => a.terms);
  const termCounts = new Uint32Array(lists.length);
  const termIds = new Uint32Array(lists.reduce((n, terms) => n + terms.length, 0));
  let k = 0;
  lists.forEach((terms, i) => {
    termCounts[i] = terms.length;
    for (const t of terms) {
      let id = ids.get(t);
      if (id === undefined) {
        id = termTable.length;
        ids.set(t, id);
        termTable.push(t);
      }
      termIds[k++] = id;
    }
  });
  const payload: SnapshotPayload = {
    analyses: snapshot.analyses.map(({ terms: _terms, ...rest }) => rest),
    termTable,
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
      facts: lists.length,
      bytes: body.length,
      checksum: checksum(body),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([length, header, body]);
}

/** The snapshot in these bytes, or what is wrong with it. */
function restoreSnapshot(bytes: Buffer, key: string, documents: readonly CorpusDocument[]): CorpusSnapshot | string {
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
  if (header.key !== key || header.documents.length !== documents.length || header.documents.some((id, i) => id !== documents[i]!.id))
    return 'does not match the documents';
  if (body.length !== header.bytes) return 'is corrupt (truncated)';
  if (checksum(body) !== header.checksum) return 'is corrupt (checksum)';
  let payload: SnapshotPayload;
  try {
    payload = deserialize(body) as SnapshotPayload;
  } catch {
    return 'is corrupt (unreadable payload)';
  }
  const { analyses, termTable, termIds, termCounts } = payload;
  if (
    !Array.isArray(analyses) ||
    analyses.length !== documents.length ||
    !Array.isArray(termTable) ||
    !(termIds instanceof Uint32Array) ||
    !(termCounts instanceof Uint32Array) ||
    termCounts.length !== header.facts ||
    !Array.isArray(payload.dump) ||
    !payload.postings
  )
    return 'is corrupt (incomplete payload)';
  let k = 0;
  let fact = 0;
  const restored: DocumentAnalysis[] = [];
  for (const [d, a] of analyses.entries()) {
    const n = Array.isArray(a.facts) ? a.facts.length : 0;
    if (fact + n > termCounts.length) return 'does not match the documents';
    const terms: string[][] = new Array<string[]>(n);
    for (let i = 0; i < n; i++, fact++) {
      const count = termCounts[fact]!;
      if (k + count > termIds.length) return 'is corrupt (incomplete payload)';
      const list = new Array<string>(count);
      for (let j = 0; j < count; j++) list[j] = termTable[termIds[k++]!]!;
      terms[i] = list;
    }
    const analysis = { ...a, terms } as DocumentAnalysis;
    if (!analysisFits(analysis, documents[d]!)) return 'does not match the documents';
    restored.push(analysis);
  }
  if (fact !== termCounts.length || k !== termIds.length) return 'does not match the documents';
  return { analyses: restored, dump: payload.dump, postings: payload.postings };
}
