// Documents added and removed without a shell on the server (the bot's admins do it from Telegram). An
// upload is checked by building the engine it would make: the corpus folder's files linked into a hidden
// staging folder beside the upload, built like the folder itself, and shown to the admin (title, sections,
// facts, figures, tables, warnings, sample questions that engine answers from it) before anything changes.
// Adding it moves the staged file into the folder with one rename (a half-written file never enters the
// corpus) and puts that same engine in service when nothing else changed meanwhile (else the folder is
// rebuilt); removing one moves it out, rebuilds, and moves it back if the build fails. Every change runs in
// the reload queue, so it never races the watcher, and is logged and written to the ledger.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Engine } from '../answer/index.js';
import { extensionFor, scanCorpus, type CorpusScan } from '../corpus/index.js';
import type { Logger } from '../host/index.js';
import { readLedger, writeLedger, type Ledger, type LedgerChange, type LedgerEntry, type Person } from './ledger.js';
import { describeError, refuseBuild, type BuildFromDir, type Reloader } from './reload-queue.js';
import type { ServedCorpus } from './engine-holder.js';

export type { Person } from './ledger.js';

/** The hidden folder (inside the corpus folder, so renames stay on one file system) where uploads are staged. */
export const STAGING_FOLDER = '.factbot-staging';

export interface DocumentsOptions {
  reloader: Reloader;
  build: BuildFromDir;
  logger: Logger;
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Uploads waiting for Add or Discard at most (each holds a built engine). Default 2. */
  maxPending?: number;
  /** How long an upload waits for Add or Discard, in ms. Default 30 minutes. */
  pendingTtlMs?: number;
  now?: () => number;
}

export interface SampleQuestion {
  question: string;
  /** The figure the engine answers it with, as the document writes it. */
  figure: string;
}

/** What an upload would add, shown before the admin decides. */
export interface UploadPreview {
  id: string;
  /** The name it would have in the corpus folder. */
  file: string;
  /** Title of the document of the same name it would replace, or null. */
  replaces: string | null;
  title: string;
  format: string;
  bytes: number;
  sections: string[];
  facts: number;
  figures: number;
  tables: number;
  warnings: string[];
  samples: SampleQuestion[];
}

export type UploadRefusal =
  | { kind: 'too-big'; bytes: number; maxBytes: number }
  | { kind: 'type'; detail: string }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'no-facts' }
  | { kind: 'corpus'; detail: string };

export type StageResult = { ok: true; preview: UploadPreview } | { ok: false; refusal: UploadRefusal };

export type CommitResult =
  | { ok: true; file: string; title: string; facts: number; replaced: boolean; served: ServedCorpus }
  | { ok: false; kind: 'expired' }
  | { ok: false; kind: 'build'; detail: string };

export type RemoveResult =
  | { ok: true; file: string; title: string; facts: number; served: ServedCorpus }
  | { ok: false; kind: 'unknown' | 'last' }
  | { ok: false; kind: 'build'; detail: string };

export interface DocumentListing {
  file: string;
  title: string;
  facts: number;
  /** From the ledger when added from Telegram; null when the file was put in the folder by hand. */
  added: { at: string; by: Person } | null;
}

interface Pending {
  id: string;
  by: Person;
  file: string;
  stagingDir: string;
  scan: CorpusScan;
  engine: Engine;
  warnings: string[];
  ms: number;
  sha256: string;
  preview: UploadPreview;
  created: number;
}

/** Characters never kept in a file name: separators, control characters and what Windows forbids. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const MAX_BASE_CHARS = 80;

/** A safe name in the corpus folder for an upload: its own base name, cleaned, with the extension its content calls for. */
export function safeFileName(original: string, ext: string, now: Date): string {
  const base = (original.split(/[/\\]/).pop() ?? '').normalize('NFC');
  const own = extname(base).toLowerCase() === ext ? base.slice(0, -ext.length) : base;
  let clean = own
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (clean.endsWith('.meta')) clean = clean.slice(0, -5);
  clean = [...clean].slice(0, MAX_BASE_CHARS).join('');
  if (clean === '') clean = `document-${now.toISOString().slice(0, 10)}`;
  return `${clean}${ext}`;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Questions made from a document's own facts that the engine answers from that document, with a figure. */
export function sampleQuestions(engine: Engine, docId: string, count = 3, attempts = 80): SampleQuestion[] {
  const candidates = new Set<string>();
  for (const topic of engine.topics()) if (topic.document === docId) candidates.add(topic.sampleQuestion);
  for (const fact of engine.facts) {
    if (fact.docId !== docId) continue;
    for (const figure of fact.figures) {
      if (figure.measure) candidates.add(`${figure.entity ?? ''}${figure.measure}是多少？`);
      else if (figure.subject) candidates.add(`${figure.subject}有多少？`);
    }
  }
  const out: SampleQuestion[] = [];
  let tried = 0;
  for (const question of candidates) {
    if (out.length >= count || tried++ >= attempts) break;
    const answer = engine.ask(question, { limit: 1 });
    const hit = answer.kind === 'found' ? answer.hits[0] : undefined;
    if (hit?.keyFigure && hit.fact.docId === docId && !out.some((s) => s.figure === hit.keyFigure!.raw)) {
      out.push({ question, figure: hit.keyFigure.raw });
    }
  }
  return out;
}

export class Documents {
  private readonly pending = new Map<string, Pending>();
  private ledger: Ledger | null = null;
  private readonly now: () => number;
  private readonly stagingRoot: string;

  constructor(private readonly options: DocumentsOptions) {
    this.now = options.now ?? Date.now;
    this.stagingRoot = join(options.reloader.dir, STAGING_FOLDER);
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /** Clears what a previous process left staged (a crash between staging and Add). */
  async start(): Promise<void> {
    await rm(this.stagingRoot, { recursive: true, force: true });
  }

  /** Drops every upload waiting and the staging folder (shutting down). */
  async stop(): Promise<void> {
    this.pending.clear();
    await rm(this.stagingRoot, { recursive: true, force: true }).catch(() => undefined);
  }

  private async loadLedger(): Promise<Ledger> {
    this.ledger ??= await readLedger(this.options.reloader.dir, (why) =>
      this.options.logger.warn({ corpusDir: this.options.reloader.dir }, `documents ledger ${why}`),
    );
    return this.ledger;
  }

  private async record(change: LedgerChange, entry: LedgerEntry | null): Promise<void> {
    const ledger = await this.loadLedger();
    if (entry === null) delete ledger.documents[change.file];
    else ledger.documents[change.file] = entry;
    ledger.history.push(change);
    try {
      await writeLedger(this.options.reloader.dir, ledger);
    } catch (err) {
      this.options.logger.error({ err }, `could not write the documents ledger: ${describeError(err)}`);
    }
  }

  private async drop(pending: Pending): Promise<void> {
    this.pending.delete(pending.id);
    await rm(pending.stagingDir, { recursive: true, force: true }).catch(() => undefined);
  }

  private async expire(): Promise<void> {
    const ttl = this.options.pendingTtlMs ?? 30 * 60_000;
    for (const p of [...this.pending.values()]) if (this.now() - p.created > ttl) await this.drop(p);
  }

  /** Checks an upload and stages it; nothing in the corpus folder changes. */
  stage(fileName: string, bytes: Uint8Array, by: Person): Promise<StageResult> {
    return this.options.reloader.exclusive(() => this.stageNow(fileName, bytes, by));
  }

  private async stageNow(fileName: string, bytes: Uint8Array, by: Person): Promise<StageResult> {
    const { reloader, logger, maxBytes } = this.options;
    if (bytes.length > maxBytes) return { ok: false, refusal: { kind: 'too-big', bytes: bytes.length, maxBytes } };
    const type = extensionFor(fileName, bytes);
    if ('reason' in type) return { ok: false, refusal: { kind: 'type', detail: type.reason } };
    await this.expire();
    // One upload waiting per admin, and a few in all: each holds a whole engine.
    for (const p of [...this.pending.values()]) if (p.by.id === by.id) await this.drop(p);
    const maxPending = this.options.maxPending ?? 2;
    while (this.pending.size >= maxPending) await this.drop(this.pending.values().next().value!);

    const file = safeFileName(fileName, type.ext, new Date(this.now()));
    const id = randomBytes(5).toString('hex');
    const stagingDir = join(this.stagingRoot, id);
    try {
      const corpus = await scanCorpus(reloader.dir);
      await mkdir(stagingDir, { recursive: true });
      for (const f of corpus.files) {
        if (f.name === file) continue;
        const from = join(reloader.dir, f.name);
        const to = join(stagingDir, f.name);
        // A hard link keeps the file's size and time, so the staged folder scans like the corpus will.
        await link(from, to).catch(() => copyFile(from, to));
      }
      await writeFile(join(stagingDir, file), bytes);
      const scan = await scanCorpus(stagingDir);
      const started = this.now();
      let built: { engine: Engine; warnings: string[] };
      try {
        built = await this.options.build(stagingDir);
      } catch (err) {
        await rm(stagingDir, { recursive: true, force: true });
        return { ok: false, refusal: { kind: 'unreadable', detail: describeError(err) } };
      }
      const { engine, warnings } = built;
      const doc = engine.documents.find((d) => d.file === file);
      if (doc === undefined) {
        await rm(stagingDir, { recursive: true, force: true });
        const warning = warnings.find((w) => w.startsWith(`${file}: `));
        const detail = (warning ?? 'could not be read').replace(`${file}: `, '').replace(/, skipped$/, '');
        return { ok: false, refusal: { kind: 'unreadable', detail } };
      }
      const facts = engine.facts.filter((f) => f.docId === doc.id);
      if (facts.length === 0) {
        await rm(stagingDir, { recursive: true, force: true });
        return { ok: false, refusal: { kind: 'no-facts' } };
      }
      const why = refuseBuild(engine, warnings, scan, reloader.holder.current());
      if (why !== null) {
        await rm(stagingDir, { recursive: true, force: true });
        return { ok: false, refusal: { kind: 'corpus', detail: why } };
      }
      const served = reloader.holder.current().engine;
      const replaced = served.documents.find((d) => d.file === file);
      // A table's title heads its rows like a section; it is counted among the tables instead.
      const tableTitles = new Set(facts.map((f) => f.row?.title).filter((t): t is string => t != null));
      const sections = [...new Set(facts.map((f) => f.section).filter((s): s is string => s !== null && !tableTitles.has(s)))];
      const tables = new Set(facts.filter((f) => f.row !== undefined).map((f) => `${f.row!.title ?? ''}\u0000${f.row!.header.join('\t')}`));
      const preview: UploadPreview = {
        id,
        file,
        replaces: replaced?.title ?? null,
        title: doc.title,
        format: doc.format ?? type.ext.slice(1),
        bytes: bytes.length,
        sections,
        facts: facts.length,
        figures: facts.reduce((n, f) => n + f.figures.length, 0),
        tables: tables.size,
        warnings: warnings.filter((w) => w.startsWith(`${file}: `)).map((w) => w.slice(file.length + 2)),
        samples: sampleQuestions(engine, doc.id),
      };
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      this.pending.set(id, {
        id,
        by,
        file,
        stagingDir,
        scan,
        engine,
        warnings,
        ms: this.now() - started,
        sha256,
        preview,
        created: this.now(),
      });
      logger.info(
        { by, file, title: doc.title, facts: facts.length, bytes: bytes.length, upload: id },
        'document upload staged, waiting for Add or Discard',
      );
      return { ok: true, preview };
    } catch (err) {
      await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
      throw err;
    }
  }

  /** The upload waiting under `id`, or undefined (added, discarded or expired). */
  waiting(id: string): UploadPreview | undefined {
    return this.pending.get(id)?.preview;
  }

  /** Drops a staged upload; false when there was none. */
  discard(id: string, by: Person): Promise<boolean> {
    return this.options.reloader.exclusive(async () => {
      const pending = this.pending.get(id);
      if (pending === undefined) return false;
      await this.drop(pending);
      this.options.logger.info({ by, file: pending.file, upload: id }, 'document upload discarded');
      return true;
    });
  }

  /** Adds a staged upload to the corpus folder and puts the engine with it in service. */
  commit(id: string, by: Person): Promise<CommitResult> {
    return this.options.reloader.exclusive(async () => {
      await this.expire();
      const pending = this.pending.get(id);
      if (pending === undefined) return { ok: false, kind: 'expired' };
      const { reloader, logger } = this.options;
      const target = join(reloader.dir, pending.file);
      const keep = join(pending.stagingDir, '.replaced');
      const replaced = await exists(target);
      try {
        if (replaced) await link(target, keep).catch(() => copyFile(target, keep));
        await rename(join(pending.stagingDir, pending.file), target);
        const scan = await scanCorpus(reloader.dir);
        const reason = `document ${replaced ? 'replaced' : 'added'} by ${by.name} (${by.id}): ${pending.file}`;
        if (scan.fingerprint === pending.scan.fingerprint) {
          // Nothing else changed since the upload was checked: the engine already built is the one.
          reloader.swapIn(pending.engine, scan, pending.warnings, pending.ms, reason);
        } else {
          const checked = await reloader.buildChecked(reloader.dir, scan);
          if (!checked.ok) {
            if (replaced) await rename(keep, target);
            else await rm(target, { force: true });
            logger.error({ by, file: pending.file, why: checked.why }, 'document not added: the corpus with it failed to build');
            return { ok: false, kind: 'build', detail: checked.why };
          }
          reloader.swapIn(checked.engine, scan, checked.warnings, checked.ms, reason);
        }
      } finally {
        await this.drop(pending);
      }
      const at = new Date(this.now()).toISOString();
      const { preview } = pending;
      await this.record(
        { at, action: replaced ? 'replace' : 'add', file: pending.file, title: preview.title, by },
        { title: preview.title, facts: preview.facts, bytes: preview.bytes, sha256: pending.sha256, addedAt: at, addedBy: by },
      );
      logger.info(
        { by, file: pending.file, title: preview.title, facts: preview.facts, action: replaced ? 'replace' : 'add', at },
        replaced ? 'document replaced from Telegram' : 'document added from Telegram',
      );
      return { ok: true, file: pending.file, title: preview.title, facts: preview.facts, replaced, served: reloader.holder.current() };
    });
  }

  /** Takes a document out of the corpus folder and puts the engine without it in service. */
  remove(file: string, by: Person): Promise<RemoveResult> {
    return this.options.reloader.exclusive(async () => {
      const { reloader, logger } = this.options;
      const served = reloader.holder.current();
      const doc = served.engine.documents.find((d) => d.file === file);
      if (doc === undefined) return { ok: false, kind: 'unknown' };
      if (served.engine.documents.length === 1) return { ok: false, kind: 'last' };
      const facts = served.engine.facts.filter((f) => f.docId === doc.id).length;
      const trash = join(this.stagingRoot, `removed-${randomBytes(5).toString('hex')}`);
      await mkdir(trash, { recursive: true });
      // The document and its metadata file go together.
      const moved: string[] = [];
      try {
        for (const name of [file, `${basename(file, extname(file))}.meta.json`]) {
          if (!(await exists(join(reloader.dir, name)))) continue;
          await rename(join(reloader.dir, name), join(trash, name));
          moved.push(name);
        }
        const scan = await scanCorpus(reloader.dir);
        const checked = await reloader.buildChecked(reloader.dir, scan);
        if (!checked.ok) {
          for (const name of moved) await rename(join(trash, name), join(reloader.dir, name));
          moved.length = 0;
          logger.error({ by, file, why: checked.why }, 'document not removed: the corpus without it failed to build');
          return { ok: false, kind: 'build', detail: checked.why };
        }
        reloader.swapIn(checked.engine, scan, checked.warnings, checked.ms, `document removed by ${by.name} (${by.id}): ${file}`);
      } finally {
        await rm(trash, { recursive: true, force: true }).catch(() => undefined);
      }
      const at = new Date(this.now()).toISOString();
      await this.record({ at, action: 'remove', file, title: doc.title, by }, null);
      logger.info({ by, file, title: doc.title, facts, action: 'remove', at }, 'document removed from Telegram');
      return { ok: true, file, title: doc.title, facts, served: reloader.holder.current() };
    });
  }

  /** The documents in service, with who added them from Telegram and when. */
  async list(): Promise<DocumentListing[]> {
    const ledger = await this.loadLedger();
    const { engine } = this.options.reloader.holder.current();
    const counts = new Map<string, number>();
    for (const fact of engine.facts) counts.set(fact.docId, (counts.get(fact.docId) ?? 0) + 1);
    return engine.documents.map((doc) => {
      const entry = ledger.documents[doc.file];
      return {
        file: doc.file,
        title: doc.title,
        facts: counts.get(doc.id) ?? 0,
        added: entry === undefined ? null : { at: entry.addedAt, by: entry.addedBy },
      };
    });
  }
}
