// Shared set-up for the end-to-end tests: the real engine over corpus/, the real bot, a fake Bot API.
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { createLogger } from '../../src/host/log.js';
import { createBot, type BotOptions } from '../../src/telegram/create-bot.js';
import { launchBot, type RunningBot, type WebhookTuning } from '../../src/telegram/run-bot.js';
import type { Transport } from '../../src/host/config.js';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';

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
  stop(): Promise<void>;
}

export async function startHarness(
  options: { bot?: BotOptions; transport?: Transport; api?: FakeBotApi; webhook?: WebhookTuning } = {},
): Promise<Harness> {
  const api = options.api ?? (await new FakeBotApi().start());
  const engine = await realEngine();
  const logs = new LogCapture();
  const logger = createLogger({ level: 'info', sink: logs, secrets: [TEST_TOKEN] });
  const bot = createBot(TEST_TOKEN, { engine, logger, options: { apiRoot: api.apiRoot, ...options.bot } });
  const running = await launchBot(bot, options.transport ?? { mode: 'polling' }, logger, options.webhook);
  return {
    api,
    running,
    engine,
    logs,
    async stop() {
      await running.stop('test over');
      await api.stop();
    },
  };
}

/** Timeouts and backoff shrunk for tests: a 300 ms timeout, backoff 20 ms → 200 ms, 1 s long polls. */
export const FAST_RETRY = { timeoutMs: 300, retryWindowMs: 5000, baseDelayMs: 20, maxDelayMs: 200, pollTimeoutSeconds: 1 } as const;

/** Rate limits that never get in the way of a test about something else. */
export const NO_RATE_LIMIT = { max: 0, privateMax: 0, chatMax: 0 } as const;
