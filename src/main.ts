// Composition root: .env → config → engine (in a holder, reloaded when the corpus folder changes) → Telegram
// bot (token set) or console chat (no token). The only place that reads process.env, installs signal
// handlers or exits.
import { config as loadDotenv } from 'dotenv';
import { buildEngineFromDir } from './answer/index.js';
import { ConfigError, parseConfig, type Config, type TelegramConfig } from './host/index.js';
import { runConsoleChat } from './console/index.js';
import { CorpusError, scanCorpus, type CorpusScan } from './corpus/index.js';
import {
  createEngineHolder,
  Documents,
  Reloader,
  watchCorpus,
  type BuildFromDir,
  type CorpusWatcher,
  type EngineHolder,
} from './library/index.js';
import { createLogger, redactSecrets, withBuildHeap, type Logger } from './host/index.js';
import { createBot } from './telegram/index.js';
import { documentPages, launchBot, type RunningBot } from './telegram/index.js';
import { warmUp } from './telegram/index.js';
import type { Engine } from './answer/index.js';

/** Longest wait for answers in flight after SIGINT/SIGTERM before giving up. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const CONSOLE_NOTICE =
  'Telegram is not connected: set TELEGRAM_BOT_TOKEN in .env (see .env.example and docs/BOT.md) to run the bot. ' +
  'Console chat: one question per line, Ctrl-D to quit.';

type Stopper = (signal: NodeJS.Signals) => void;

/** Routes SIGINT/SIGTERM to whatever is running; a second signal exits at once. */
function installSignals(): (stopper: Stopper) => void {
  let stopper: Stopper | null = null;
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(1);
    received = true;
    if (stopper === null) process.exit(0); // nothing running yet, nothing in flight
    stopper(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return (next) => {
    stopper = next;
  };
}

/** The corpus in service and what changes it: the reload queue, the watcher (CORPUS_WATCH), uploads. */
interface Library {
  holder: EngineHolder;
  reloader: Reloader;
  watcher: CorpusWatcher | null;
  documents: Documents;
}

/** Stops watching and lets a reload or an upload in progress finish (bounded by the shutdown timer). */
async function closeLibrary(library: Library): Promise<void> {
  await library.watcher?.close();
  library.reloader.close();
  await library.reloader.idle();
  await library.documents.stop();
}

async function runBot(telegram: TelegramConfig, library: Library, logger: Logger, onSignal: (s: Stopper) => void) {
  const engine = library.holder.current().engine;
  const bot = createBot(telegram.token, {
    holder: library.holder,
    documents: library.documents,
    logger,
    options: {
      apiRoot: telegram.apiRoot,
      rateLimit: telegram.rateLimit,
      maxRetries: telegram.maxRetries,
      retry: { timeoutMs: telegram.timeoutMs, retryWindowMs: telegram.retryWindowMs },
      allowedChatIds: telegram.allowedChatIds,
      adminUserIds: telegram.adminUserIds,
      publicBaseUrl: telegram.pages?.baseUrl ?? null,
    },
  });
  if (telegram.warmUpMs > 0) {
    try {
      const warmed = warmUp(engine, { budgetMs: telegram.warmUpMs });
      logger.info({ answered: warmed.answered, ms: warmed.ms }, 'answer path warmed up');
    } catch (err) {
      // Only a speed-up: the bot starts without it.
      logger.warn({ err }, 'warm-up failed, starting anyway');
    }
  }
  let running: RunningBot;
  try {
    const pages =
      telegram.pages === null
        ? undefined
        : { handler: documentPages(() => library.holder.current().engine.documents), host: telegram.pages.host, port: telegram.pages.port };
    running = await launchBot(bot, telegram.transport, logger, {}, pages, telegram.adminUserIds);
  } catch (err) {
    logger.fatal({ err }, 'could not start the bot (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT)');
    return 1;
  }
  let stopRequested = false;
  onSignal((signal) => {
    stopRequested = true;
    logger.info({ signal }, 'stopping: finishing the answers in flight');
    setTimeout(() => {
      logger.error('answers in flight did not finish in time, exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    void running.stop(signal);
  });
  try {
    await running.done;
  } catch (err) {
    logger.fatal({ err }, 'the bot stopped on an error');
    return 1;
  } finally {
    await closeLibrary(library).catch((err: unknown) => logger.warn({ err }, 'closing the corpus watcher failed'));
  }
  if (!stopRequested) return 1;
  logger.info('stopped');
  return 0;
}

async function main(): Promise<number> {
  const onSignal = installSignals();
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      return 1;
    }
    throw err;
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.telegram?.token, config.telegram?.transport.mode === 'webhook' ? config.telegram.transport.secret : null],
  });

  const started = Date.now();
  const build: BuildFromDir = (dir) =>
    withBuildHeap(() => buildEngineFromDir(dir, { maxFileBytes: config.corpusMaxFileBytes, engineCache: config.cacheDir }));
  let engine: Engine;
  // The folder as the engine is built from it (listed first: a change during the build is then seen as one).
  const scan: CorpusScan | null = await scanCorpus(config.corpusDir).catch(() => null);
  try {
    const built = await build(config.corpusDir);
    engine = built.engine;
    // Each warning names the file and what is wrong with it ("big.txt: 9000000 bytes, over the limit…").
    for (const warning of built.warnings) logger.warn({ corpusDir: config.corpusDir }, `corpus file skipped or doubtful: ${warning}`);
  } catch (err) {
    const reason = err instanceof CorpusError ? err.message : 'unexpected error (see err)';
    logger.fatal({ err, corpusDir: config.corpusDir }, `cannot start: no usable corpus in CORPUS_DIR: ${reason}`);
    return 1;
  }
  if (engine.facts.length === 0) {
    logger.fatal({ corpusDir: config.corpusDir }, 'cannot start: CORPUS_DIR holds no sentence to answer from');
    return 1;
  }

  const library = await openLibrary(config, engine, scan, build, logger);
  if (config.telegram === null) {
    process.stderr.write(`${CONSOLE_NOTICE}\n`);
    try {
      await runConsoleChat({
        holder: library.holder,
        input: process.stdin,
        output: process.stdout,
        prompt: process.stdin.isTTY === true,
        onReady: (close) => onSignal(() => close()),
      });
    } finally {
      await closeLibrary(library).catch(() => undefined);
    }
    return 0;
  }
  logger.info({ documents: engine.documents.length, facts: engine.facts.length, ms: Date.now() - started }, 'engine ready');
  return runBot(config.telegram, library, logger, onSignal);
}

/** The engine holder, the reload queue and, with CORPUS_WATCH, the watcher over CORPUS_DIR. */
async function openLibrary(config: Config, engine: Engine, scan: CorpusScan | null, build: BuildFromDir, logger: Logger): Promise<Library> {
  const holder = createEngineHolder(engine, scan);
  const reloader = new Reloader({ dir: config.corpusDir, holder, build, logger });
  const documents = new Documents({ reloader, build, logger, maxBytes: config.corpusMaxFileBytes });
  await documents.start().catch((err: unknown) => logger.warn({ err }, 'could not clear the upload staging folder'));
  let watcher: CorpusWatcher | null = null;
  if (config.corpusWatch.enabled) {
    try {
      watcher = await watchCorpus({ reloader, logger, debounceMs: config.corpusWatch.debounceMs });
    } catch (err) {
      // Only live reload is lost: the engine built at start serves on.
      logger.warn({ err, corpusDir: config.corpusDir }, 'cannot watch the corpus folder; changes need a restart');
    }
  }
  return { holder, reloader, watcher, documents };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`factbot: ${redactSecrets(message, [process.env.TELEGRAM_BOT_TOKEN, process.env.WEBHOOK_SECRET])}\n`);
    process.exit(1);
  },
);
