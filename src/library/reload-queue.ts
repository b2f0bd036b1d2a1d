// The one reload queue. Every change of the engine in service goes through it, one at a time: a reload after
// the folder changed (the watcher), an upload added or a document removed from Telegram. A reload asked for
// while one waits joins the one waiting, so a burst of file events builds once; a reload that finds the
// folder as the engine in service was built from (same names, sizes and times) builds nothing, so the
// watcher's echo of a change the bot made itself costs a directory listing. A build that fails, or that
// leaves out a document file that is new or changed since the engine in service (a broken file dropped
// in), keeps the old engine serving and says why.
import { EventEmitter } from 'node:events';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Engine } from '../answer/index.js';
import { isDocumentName, scanCorpus, type CorpusScan } from '../corpus/index.js';
import type { Logger } from '../host/index.js';
import type { EngineHolder, ServedCorpus } from './engine-holder.js';

/** Builds an engine from a corpus folder (main.ts passes buildEngineFromDir with the configured limits). */
export type BuildFromDir = (dir: string) => Promise<{ engine: Engine; warnings: string[] }>;

export type ReloadOutcome =
  | { kind: 'swapped'; served: ServedCorpus; ms: number; warnings: string[]; reason: string }
  | { kind: 'unchanged'; reason: string }
  | { kind: 'failed'; why: string; reason: string };

/** A built engine that may go in service, or why it may not. */
export type CheckedBuild = { ok: true; engine: Engine; warnings: string[]; ms: number } | { ok: false; why: string };

export interface ReloaderOptions {
  dir: string;
  holder: EngineHolder;
  build: BuildFromDir;
  logger: Logger;
}

/** The first line of an error, for a log line or a message. */
export function describeError(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? err.name) : String(err);
}

/**
 * Why a build must not go in service, or null: no fact at all, or a document file of the folder that the
 * build left out (unreadable) although it is new or changed since `served` was built.
 */
export function refuseBuild(engine: Engine, warnings: readonly string[], scan: CorpusScan, served: ServedCorpus): string | null {
  if (engine.facts.length === 0) return 'no sentence to answer from in the corpus folder';
  const read = new Set(engine.documents.map((d) => d.file));
  const before = new Map((served.scan?.files ?? []).map((f) => [f.name, f]));
  const servedFiles = new Set(served.engine.documents.map((d) => d.file));
  for (const file of scan.files) {
    if (!isDocumentName(file.name) || read.has(file.name)) continue;
    const old = before.get(file.name);
    // Left out before too, in the same version: a file already known to be unreadable does not block.
    if (old !== undefined && old.size === file.size && old.mtimeMs === file.mtimeMs && !servedFiles.has(file.name)) continue;
    const warning = warnings.find((w) => w.startsWith(`${file.name}: `));
    return warning ?? `${file.name}: could not be read`;
  }
  return null;
}

export class Reloader extends EventEmitter {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: { promise: Promise<ReloadOutcome>; reasons: string[] } | null = null;
  private closed = false;

  constructor(private readonly options: ReloaderOptions) {
    super();
  }

  get holder(): EngineHolder {
    return this.options.holder;
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Reloads the folder (after the queue's current job); joins a reload already waiting. */
  reload(reason: string): Promise<ReloadOutcome> {
    if (this.waiting !== null) {
      this.waiting.reasons.push(reason);
      return this.waiting.promise;
    }
    const waiting = { reasons: [reason], promise: null as unknown as Promise<ReloadOutcome> };
    waiting.promise = this.exclusive(async () => {
      this.waiting = null;
      return this.reloadNow(waiting.reasons.join('; '));
    });
    this.waiting = waiting;
    return waiting.promise;
  }

  /** Runs `job` in the queue: no reload and no other job runs meanwhile. */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job, job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every job queued so far has finished. */
  async idle(): Promise<void> {
    for (let tail = this.tail; ; tail = this.tail) {
      await tail;
      if (tail === this.tail) return;
    }
  }

  /** From now on every reload is ignored (shutting down). */
  close(): void {
    this.closed = true;
  }

  /** Builds from a folder and checks the result against the engine in service (inside a job). */
  async buildChecked(dir: string, scan: CorpusScan): Promise<CheckedBuild> {
    const started = Date.now();
    // Let the updates already waiting be read first: the build's synchronous part holds the event loop.
    await yieldToEvents();
    let built: { engine: Engine; warnings: string[] };
    try {
      built = await this.options.build(dir);
    } catch (err) {
      return { ok: false, why: describeError(err) };
    }
    const why = refuseBuild(built.engine, built.warnings, scan, this.options.holder.current());
    if (why !== null) return { ok: false, why };
    return { ok: true, engine: built.engine, warnings: built.warnings, ms: Date.now() - started };
  }

  /** Reloads now (call only inside a job). */
  async reloadNow(reason: string): Promise<ReloadOutcome> {
    const { logger, holder, dir } = this.options;
    if (this.closed) return { kind: 'unchanged', reason };
    let scan: CorpusScan;
    try {
      scan = await scanCorpus(dir);
    } catch (err) {
      return this.failed(reason, `corpus folder cannot be listed (${describeError(err)})`);
    }
    if (scan.fingerprint === holder.current().scan?.fingerprint) {
      logger.debug({ reason }, 'corpus unchanged, nothing to reload');
      const outcome: ReloadOutcome = { kind: 'unchanged', reason };
      this.emit('unchanged', outcome);
      return outcome;
    }
    const checked = await this.buildChecked(dir, scan);
    if (!checked.ok) return this.failed(reason, checked.why);
    return this.swapIn(checked.engine, scan, checked.warnings, checked.ms, reason);
  }

  /** Puts an engine checked by buildChecked in service, logs it and tells listeners (inside a job). */
  swapIn(engine: Engine, scan: CorpusScan, warnings: string[], ms: number, reason: string): ReloadOutcome {
    const { logger, holder } = this.options;
    const before = holder.current();
    const served = holder.swap(engine, scan);
    for (const warning of warnings) logger.warn({ corpusDir: this.options.dir }, `corpus file skipped or doubtful: ${warning}`);
    logger.info(
      {
        reason,
        version: served.version,
        documents: engine.documents.length,
        facts: engine.facts.length,
        factsBefore: before.engine.facts.length,
        ms,
      },
      'corpus reloaded: new engine in service',
    );
    const outcome: ReloadOutcome = { kind: 'swapped', served, ms, warnings, reason };
    this.emit('swapped', outcome);
    return outcome;
  }

  private failed(reason: string, why: string): ReloadOutcome {
    this.options.logger.error({ reason, why, corpusDir: this.options.dir }, `corpus reload failed, the engine in service stays: ${why}`);
    const outcome: ReloadOutcome = { kind: 'failed', why, reason };
    this.emit('failed', outcome);
    return outcome;
  }
}
