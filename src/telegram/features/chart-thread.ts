// Charts off the hot path: a worker thread (chart-worker.ts) renders them, started at the first chart, so the
// text answer never waits and other updates never stall behind a render. Bounded: a few charts queued at most
// (more are skipped, the text answer already said everything), each given a deadline; a worker that fails is
// replaced at the next chart. Nothing here can fail an update: every error ends as a rejected render.
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
}

export interface ChartThread {
  /** The chart as PNG; rejects when the queue is full, the render fails or takes too long. */
  render(chart: BarChart): Promise<Buffer>;
  /** Charts queued or being drawn. */
  readonly pending: number;
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
  const workerUrl = options.workerUrl;
  const spawn = workerUrl ? () => new Worker(workerUrl) : defaultWorker();
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();

  const failAll = (err: Error) => {
    for (const [id, job] of waiting) {
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
    });
    w.on('error', (err) => {
      drop(w);
      failAll(err);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('chart thread exited'));
    });
    // An idle chart thread never keeps the process alive.
    w.unref();
    return w;
  };

  return {
    get pending() {
      return waiting.size;
    },
    render(chart) {
      if (waiting.size >= maxQueued) return Promise.reject(new ChartBusyError(`${waiting.size} charts already queued`));
      const w = (worker ??= start());
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`chart took longer than ${timeoutMs} ms`));
          // A render that hangs would hold up every chart after it: start afresh.
          drop(w);
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        w.postMessage({ id, chart } satisfies ChartJob);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new Error('chart thread closed'));
      if (w !== null) await w.terminate();
    },
  };
}
