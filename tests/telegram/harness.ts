// Shared set-up for the end-to-end tests: the real engine over corpus/, the real bot, a fake Bot API.
// With a fake clock (tests/helpers/fake-clock.ts) the bot's timeouts and retry waits, the webhook server's
// timers and the fake Bot API's delays, outages and long polls all run on it: nothing waits in real time,
// and h.drive(work) moves time on whenever the bot is only waiting for the clock.
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { createLogger } from '../../src/host/log.js';
import { createBot, type BotOptions } from '../../src/telegram/create-bot.js';
import { launchBot, type PagesOptions, type RunningBot, type WebhookTuning } from '../../src/telegram/run-bot.js';
import type { Transport } from '../../src/host/config.js';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';
import type { FakeClock } from '../helpers/fake-clock.js';

let enginePromise: Promise<Engine> | null = null;

/** The real engine over the real corpus, built once per test file. */
export function realEngine(): Promise<Engine> {
  enginePromise ??= buildEngineFromDir('corpus').then(({ engine }) => engine);
  return enginePromise;
}

/** Log lines as parsed JSON objects, for assertions. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string) {
    this.lines.push(line);
  }
  get records(): Array<Record<string, any>> {
    return this.lines.map((line) => JSON.parse(line));
  }
  messages(level?: number): string[] {
    return this.records.filter((r) => level === undefined || r.level === level).map((r) => r.msg);
  }
}

export interface Harness {
  api: FakeBotApi;
  running: RunningBot;
  engine: Engine;
  logs: LogCapture;
  /**
   * Settles like `work`; on a fake clock, moves time on meanwhile whenever every Bot API request the bot has
   * open is held by the fake Bot API (a long poll, a hanging fault, a delayed answer) and every webhook POST
   * sent with track() is being handled (without a fake clock: `work` itself).
   */
  drive<T>(work: Promise<T>): Promise<T>;
  /** A webhook request to the bot, counted while it is open (so drive() knows it is on its way). */
  track<T>(request: Promise<T>): Promise<T>;
  /** Stops the bot (driving the clock while answers in flight finish) and the fake Bot API. */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  bot?: BotOptions;
  transport?: Transport;
  /** A fake Bot API already started (give it the same clock). Default: a new one, on `clock`. */
  api?: FakeBotApi;
  webhook?: WebhookTuning;
  /** The document pages (tests/telegram/document-page.test.ts). Default none. */
  pages?: PagesOptions;
  /** Time for the bot, the webhook server and the fake Bot API. Default: real time. */
  clock?: FakeClock;
}

/** Tags of the fake clock's views: the bot's Bot API calls, the webhook server. */
const BOT_API = 'bot-api';
const WEBHOOK = 'webhook';

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { clock } = options;
  const api = options.api ?? (await new FakeBotApi(TEST_TOKEN, {}, clock ? { clock } : {}).start());
  const engine = await realEngine();
  const logs = new LogCapture();
  const logger = createLogger({ level: 'info', sink: logs, secrets: [TEST_TOKEN] });
  // Charts (a worker thread, a photo after computed answers) only where a test asks for them (tests/telegram/chart.test.ts).
  const botOptions: BotOptions = {
    apiRoot: api.apiRoot,
    charts: { enabled: false },
    ...(clock ? { clock: clock.view(BOT_API) } : {}),
    ...options.bot,
  };
  const bot = createBot(TEST_TOKEN, { engine, logger, options: botOptions });
  const webhook: WebhookTuning = { ...(clock ? { clock: clock.view(WEBHOOK) } : {}), ...options.webhook };
  let posts = 0;
  // Each open Bot API call has one deadline timer; each webhook request being handled one early-200 timer.
  const quiet = () =>
    clock!.pending({ tag: BOT_API, kind: 'timeout' }).length === api.held &&
    clock!.pending({ tag: WEBHOOK, kind: 'timeout' }).length === posts;
  const drive = <T>(work: Promise<T>): Promise<T> => (clock ? clock.drive(work, { quiet }) : work);
  const running = await drive(launchBot(bot, options.transport ?? { mode: 'polling' }, logger, webhook, options.pages));
  return {
    api,
    running,
    engine,
    logs,
    drive,
    track(request) {
      posts += 1;
      return request.finally(() => (posts -= 1));
    },
    async stop() {
      await drive(running.stop('test over'));
      await api.stop();
    },
  };
}

/** Timeouts and backoff shrunk for tests: a 300 ms timeout, backoff 20 ms → 200 ms, 1 s long polls. */
export const FAST_RETRY = { timeoutMs: 300, retryWindowMs: 5000, baseDelayMs: 20, maxDelayMs: 200, pollTimeoutSeconds: 1 } as const;

/** Rate limits that never get in the way of a test about something else. */
export const NO_RATE_LIMIT = { max: 0, privateMax: 0, chatMax: 0 } as const;
