// Builds the Telegraf bot over an engine: features registered in order, one error boundary, 429 retries.
import { Telegraf, type Context } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Engine } from '../answer/engine-types.js';
import type { Logger } from '../log.js';
import { askFeature } from './handlers/ask.js';
import { callbacksFeature } from './handlers/callbacks.js';
import { errorBoundary } from './handlers/errors.js';
import { infoFeature } from './handlers/info.js';
import { inlineFeature } from './handlers/inline.js';
import { nonTextFeature } from './handlers/non-text.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { pickExamples } from './render-info.js';
import { retryOn429 } from './retry.js';
import type { BotRuntime } from './runtime.js';

/** Bot options; every field is optional (defaults in defaultBotOptions). */
export interface BotOptions {
  /** Bot API server. Default https://api.telegram.org; tests and self-hosted Bot API servers point elsewhere. */
  apiRoot?: string;
  /** Per-user flood control in groups. Default 5 questions per 60 s, 10 000 users remembered. */
  rateLimit?: Partial<RateLimitOptions>;
  /** Retries of a call answered 429 (after retry_after). Default 3. */
  maxRetries?: number;
  /** Longest retry_after honoured, in ms. Default 60 000. */
  maxRetryWaitMs?: number;
  /** Clock for the rate limiter. Default Date.now. */
  now?: () => number;
  /** The bot's own user, when already known (skips getMe). */
  botInfo?: UserFromGetMe;
  /** Longest time one update may take, in ms. Default 30 000. */
  handlerTimeoutMs?: number;
}

export const defaultBotOptions = {
  apiRoot: 'https://api.telegram.org',
  rateLimit: { max: 5, windowMs: 60_000, trackedUsers: 10_000 },
  maxRetries: 3,
  maxRetryWaitMs: 60_000,
  now: Date.now,
  handlerTimeoutMs: 30_000,
} as const satisfies BotOptions;

export interface BotDeps {
  engine: Engine;
  logger: Logger;
  options?: BotOptions;
}

/** Creates the bot; start it with launchBot (run-bot.ts) or feed it updates with bot.handleUpdate. */
export function createBot(token: string, deps: BotDeps): Telegraf<Context> {
  const options = deps.options ?? {};
  const rateLimit: RateLimitOptions = { ...defaultBotOptions.rateLimit, ...options.rateLimit };
  const retry = {
    maxRetries: options.maxRetries ?? defaultBotOptions.maxRetries,
    maxWaitMs: options.maxRetryWaitMs ?? defaultBotOptions.maxRetryWaitMs,
    logger: deps.logger,
  };
  const bot = new Telegraf<Context>(token, {
    telegram: { apiRoot: options.apiRoot ?? defaultBotOptions.apiRoot, webhookReply: false },
    handlerTimeout: options.handlerTimeoutMs ?? defaultBotOptions.handlerTimeoutMs,
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  retryOn429(bot.telegram, retry);

  const rt: BotRuntime = {
    engine: deps.engine,
    logger: deps.logger,
    limiter: new RateLimiter(rateLimit, options.now ?? defaultBotOptions.now),
    rateLimit,
    examples: pickExamples(deps.engine.topics(), 3),
  };

  // Each update gets its own Telegram client; give it the same 429 retries.
  bot.use((ctx, next) => {
    retryOn429(ctx.telegram, retry);
    return next();
  });
  bot.use(infoFeature(rt));
  bot.use(callbacksFeature(rt));
  bot.use(inlineFeature(rt));
  bot.use(askFeature(rt));
  bot.use(nonTextFeature(rt));
  bot.catch(errorBoundary(rt));
  return bot;
}
