// Live reload: the corpus folder watched with chokidar (native fs events, the same on Linux, macOS and
// Windows, and it copes with editors that save through a temporary file), every change debounced — a file
// copied in, replaced or removed by hand fires a burst of events — and then one reload through the queue.
// Hidden names (the bot's own staging folder and ledger, editors' swap files) are not watched.
import { basename, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../host/index.js';
import { describeError, type Reloader } from './reload-queue.js';

/** Timers the debounce runs on (tests may pass their own). */
export interface DebounceTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: DebounceTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface WatchCorpusOptions {
  reloader: Reloader;
  logger: Logger;
  /** Quiet time after the last change before reloading, in ms (CORPUS_RELOAD_DEBOUNCE_MS). */
  debounceMs: number;
  timers?: DebounceTimers;
  /** Poll instead of native events (network file systems, some containers). Default false. */
  usePolling?: boolean;
}

export interface CorpusWatcher {
  /** Stops watching; a reload already queued still runs. */
  close(): Promise<void>;
}

/** Starts watching the reloader's folder; resolves once the watcher is ready (changes after that are seen). */
export async function watchCorpus(options: WatchCorpusOptions): Promise<CorpusWatcher> {
  const { reloader, logger, debounceMs } = options;
  const timers = options.timers ?? realTimers;
  const root = resolve(reloader.dir);
  const changed = new Set<string>();
  let timer: unknown = null;
  let closed = false;

  const fire = () => {
    timer = null;
    if (closed) return;
    const names = [...changed].sort();
    changed.clear();
    logger.info({ files: names }, 'corpus folder changed, reloading');
    reloader.reload(`files changed: ${names.join(', ')}`).catch((err: unknown) => {
      logger.error({ err }, `corpus reload failed: ${describeError(err)}`);
    });
  };
  const onChange = (path: string) => {
    if (closed) return;
    changed.add(basename(path));
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(fire, debounceMs);
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    usePolling: options.usePolling ?? false,
    ignored: (path: string) => resolve(path) !== root && basename(path).startsWith('.'),
  });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
  watcher.on('error', (err: unknown) => logger.warn({ err }, `watching the corpus folder: ${describeError(err)}`));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  logger.debug({ corpusDir: reloader.dir, debounceMs }, 'watching the corpus folder for changes');

  return {
    async close() {
      closed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await watcher.close();
    },
  };
}
