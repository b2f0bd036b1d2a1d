// Charts off the hot path: a worker thread (chart-worker.ts) renders them, started at the first chart, so the
// text answer never waits and other updates never stall behind a render. Bounded: a few charts queued at most
// (more are skipped, the text answer already said everything), each given a deadline; a worker that fails is
// replaced at the next chart; a worker left idle is ended, so the renderer and its 10 MB CJK font (about 100 MB
// of memory in all) are held only while charts are being asked for. Nothing here can fail an update: every error
// ends as a rejected render.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BarChart } from '../../present/index.js';
import type { ChartJob, ChartResult } from './chart-worker.js';

export interface ChartThreadOptions {
  /** Charts waiting or being drawn at most; one more is refused at once. Default 8. */
  maxQueued?: number;
  /** Longest one chart may take (the first one includes starting the thread). Default 15 000 ms. */
  timeoutMs?: number;
  /** The worker's entry file; default: chart-worker beside this module (dist/chart-worker.js when bundled). */
  workerUrl?: URL;
  /** A worker with nothing to draw for this long is ended (the next chart starts another). Default 60 000 ms. */
  idleMs?: number;
}

export interface ChartThread {
  /** The chart as PNG; rejects when the queue is full, the render fails or takes too long. */
  render(chart: BarChart): Promise<Buffer>;
  /** Charts queued or being drawn. */
  readonly pending: number;
  /** Whether a worker thread is running (started by a chart, ended when idle or closed). */
  readonly running: boolean;
  /** Ends the worker (charts still pending are rejected). */
  close(): Promise<void>;
}

export class ChartBusyError extends Error {
  override readonly name = 'ChartBusyError';
}

/**
 * Bundled (dist/main.js), the worker is dist/chart-worker.js beside it. Run from the sources (tests, tsx) it is
 * TypeScript: a two-line bootstrap registers tsx's loader in the thread first (tsx is a dev dependency).
 */
function defaultWorker(): () => Worker {
  if (!import.meta.url.endsWith('.ts')) return () => new Worker(new URL('./chart-worker.js', import.meta.url));
  // tsx's ESM entry, as its package.json exports it (require.resolve would give the CommonJS one).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(manifest)).href;
  const entry = new URL('./chart-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return () => new Worker(bootstrap, { eval: true });
}

export function createChartThread(options: ChartThreadOptions = {}): ChartThread {
  const maxQueued = options.maxQueued ?? 8;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const idleMs = options.idleMs ?? 60_000;
  const workerUrl = options.workerUrl;
  const spawn = workerUrl ? () => new Worker(workerUrl) : defaultWorker();
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  const stopIdleTimer = () => {
    if (idle !== null) clearTimeout(idle);
    idle = null;
  };
  /** Once nothing is waiting, the worker is ended after idleMs (never keeping the process alive meanwhile). */
  const whenIdle = (w: Worker) => {
    if (waiting.size > 0 || worker !== w) return;
    stopIdleTimer();
    idle = setTimeout(() => {
      idle = null;
      if (worker === w && waiting.size === 0) drop(w);
    }, idleMs);
    idle.unref();
  };
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (png: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout; worker: Worker }
  >();

  /** Rejects the charts given to one worker (a worker that failed or exited), or to any. */
  const failAll = (err: Error, of?: Worker) => {
    for (const [id, job] of waiting) {
      if (of !== undefined && job.worker !== of) continue;
      clearTimeout(job.timer);
      waiting.delete(id);
      job.reject(err);
    }
  };
  const drop = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };
  const start = (): Worker => {
    const w = spawn();
    w.on('message', (result: ChartResult) => {
      const job = waiting.get(result.id);
      if (job === undefined) return;
      waiting.delete(result.id);
      clearTimeout(job.timer);
      if ('png' in result) job.resolve(Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength));
      else job.reject(new Error(`chart render failed: ${result.error}`));
      whenIdle(w);
    });
    w.on('error', (err) => {
      drop(w);
      failAll(err, w);
    });
    // A worker ended while idle exits after the next chart may have started another: only its own charts fail.
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('chart thread exited'), w);
    });
    // An idle chart thread never keeps the process alive.
    w.unref();
    return w;
  };

  return {
    get pending() {
      return waiting.size;
    },
    get running() {
      return worker !== null;
    },
    render(chart) {
      if (waiting.size >= maxQueued) return Promise.reject(new ChartBusyError(`${waiting.size} charts already queued`));
      stopIdleTimer();
      const w = (worker ??= start());
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`chart took longer than ${timeoutMs} ms`));
          // A render that hangs would hold up every chart after it: start afresh.
          drop(w);
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer, worker: w });
        w.postMessage({ id, chart } satisfies ChartJob);
      });
    },
    async close() {
      stopIdleTimer();
      const w = worker;
      worker = null;
      failAll(new Error('chart thread closed'));
      if (w !== null) await w.terminate();
    },
  };
}
