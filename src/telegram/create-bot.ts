// Builds the Telegraf bot over an engine: features registered in order, one error boundary, and Bot API
// calls over a lean keep-alive transport (bot-api-client.ts) with timeouts and bounded retries (retry.ts).
import { Telegraf, type Context } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Engine } from '../answer/index.js';
import type { ContextStoreOptions } from '../app/index.js';
import { createEngineHolder, createServedContextStore, type Documents, type EngineHolder } from '../library/index.js';
import { configDefaults, type Logger } from '../host/index.js';
import { createBotApiTransport, useTransport } from './transport/bot-api-client.js';
import { BoundedSet } from './transport/bounded-set.js';
import { systemClock, type Clock } from './transport/clock.js';
import { accessFeature } from './features/handlers/access.js';
import { askFeature } from './features/handlers/ask.js';
import { callbacksFeature } from './features/handlers/callbacks.js';
import { documentsFeature } from './features/handlers/documents.js';
import { errorBoundary } from './features/handlers/errors.js';
import { infoFeature } from './features/handlers/info.js';
import { inlineFeature } from './features/handlers/inline.js';
import { nonTextFeature } from './features/handlers/non-text.js';
import { RateLimits, type RateLimitOptions } from './features/rate-limit.js';
import { documentPageLinks } from '../present/index.js';
import { withRetries, worstCaseCallMs, type RetryOptions } from './transport/retry.js';
import type { BotRuntime } from './features/runtime.js';
import { attachChartSender, createChartSender, type ChartSenderOptions } from './features/send-chart.js';

/** Bot options; every field is optional (defaults in defaultBotOptions). */
export interface BotOptions {
  /** Bot API server. Default https://api.telegram.org; tests and self-hosted Bot API servers point elsewhere. */
  apiRoot?: string;
  /**
   * Flood control. Default: 5 questions per user in groups, 30 requests per user in private chats and
   * 20 questions per group chat, per 60 s window; 10 000 keys remembered per limit.
   */
  rateLimit?: Partial<RateLimitOptions>;
  /** Retries of a call answered 429 (after retry_after). Default 10. */
  maxRetries?: number;
  /** Longest retry_after honoured, in ms. Default 60 000. */
  maxRetryWaitMs?: number;
  /**
   * Timeouts and backoff of Bot API calls (see retry.ts): timeoutMs (15 000), retryWindowMs (120 000),
   * baseDelayMs (500), maxDelayMs (30 000), pollTimeoutSeconds (50); tests shrink them.
   */
  retry?: Omit<RetryOptions, 'logger' | 'maxRetries' | 'maxWaitMs'>;
  /** ALLOWED_CHAT_IDS: answer only in these chats (and leave other groups). Default: every chat. */
  allowedChatIds?: readonly number[] | null;
  /** ADMIN_USER_IDS: users who may add, list, remove and export documents in a private chat. Default: none. */
  adminUserIds?: readonly number[];
  /** Clock for the rate limiter and the follow-up context. Default Date.now. */
  now?: () => number;
  /**
   * Time for Bot API calls: each call's timeout, the retry waits (backoff, retry_after) and the retry window
   * (unless retry.sleep or retry.now are given). Default systemClock: Node's timers, with the retry window
   * on Date.now (retry.ts). Tests pass a fake clock and move time on themselves.
   */
  clock?: Clock;
  /**
   * Follow-up context (each user's last question per chat): ttlMs (default 5 minutes) and maxEntries
   * (default 10 000, least recently used dropped first). See context/context-store.ts.
   */
  context?: Omit<ContextStoreOptions, 'now'>;
  /** The bot's own user, when already known (skips getMe). */
  botInfo?: UserFromGetMe;
  /**
   * Longest time one update may take, in ms, before telegraf stops waiting for it (the handler runs on).
   * Default: three times the longest a Bot API call can take with its retries, so retries are never cut off.
   */
  handlerTimeoutMs?: number;
  /**
   * Bar charts after computed answers (send-chart.ts): enabled (default true), maxQueued (8), timeoutMs (15 000).
   */
  charts?: ChartSenderOptions;
  /**
   * The public address the document pages are reached at (PUBLIC_BASE_URL, or the webhook's https://domain):
   * each citation then links to its document's page. Default none (no links).
   */
  publicBaseUrl?: string | null;
}

export const defaultBotOptions = {
  apiRoot: 'https://api.telegram.org',
  // The configuration's defaults (host/config.ts), stated once there.
  rateLimit: {
    max: configDefaults.RATE_LIMIT_MAX,
    privateMax: configDefaults.RATE_LIMIT_PRIVATE_MAX,
    chatMax: configDefaults.RATE_LIMIT_CHAT_MAX,
    windowMs: configDefaults.RATE_LIMIT_WINDOW_SECONDS * 1000,
    trackedUsers: configDefaults.RATE_LIMIT_TRACKED_USERS,
  },
  maxRetries: configDefaults.TELEGRAM_MAX_RETRIES,
  maxRetryWaitMs: 60_000,
  now: Date.now,
} as const satisfies BotOptions;

export interface BotDeps {
  /** A fixed engine; or give `holder`, whose engine in service each update reads. */
  engine?: Engine;
  holder?: EngineHolder;
  /** Uploads, /documents, /remove (needs `holder`, the one its reload queue swaps). Default: none. */
  documents?: Documents;
  logger: Logger;
  options?: BotOptions;
}

/** The text of one of the engine's documents, or null. */
function documentText(engine: Engine, id: string): string | null {
  return engine.documents.find((d) => d.id === id)?.text ?? null;
}

/** Creates the bot; start it with launchBot (run-bot.ts) or feed it updates with bot.handleUpdate. */
export function createBot(token: string, deps: BotDeps): Telegraf<Context> {
  const options = deps.options ?? {};
  const rateLimit: RateLimitOptions = { ...defaultBotOptions.rateLimit, ...options.rateLimit };
  const clock = options.clock;
  const retry: RetryOptions = {
    ...options.retry,
    ...(clock !== undefined ? { sleep: options.retry?.sleep ?? clock.sleep, now: options.retry?.now ?? clock.now } : {}),
    maxRetries: options.maxRetries ?? defaultBotOptions.maxRetries,
    maxWaitMs: options.maxRetryWaitMs ?? defaultBotOptions.maxRetryWaitMs,
    logger: deps.logger,
  };
  const bot = new Telegraf<Context>(token, {
    telegram: { apiRoot: options.apiRoot ?? defaultBotOptions.apiRoot, webhookReply: false },
    handlerTimeout: options.handlerTimeoutMs ?? 3 * worstCaseCallMs(retry),
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  const transportOptions = { clock: clock ?? systemClock };
  const transport = createBotApiTransport(token, options.apiRoot ?? defaultBotOptions.apiRoot, transportOptions);
  withRetries(useTransport(bot.telegram, transport, transportOptions), retry);

  const allowed = options.allowedChatIds ?? null;
  const now = options.now ?? defaultBotOptions.now;
  const holder = deps.holder ?? (deps.engine ? createEngineHolder(deps.engine) : null);
  if (holder === null) throw new TypeError('createBot: give an engine or an engine holder');
  const rt: BotRuntime = {
    get engine() {
      return holder.current().engine;
    },
    get responder() {
      return holder.current().responder;
    },
    get examples() {
      return holder.current().examples;
    },
    get examplesEn() {
      return holder.current().examplesEn;
    },
    holder,
    documents: deps.documents ?? null,
    admins: new Set(options.adminUserIds ?? []),
    apiRoot: options.apiRoot ?? defaultBotOptions.apiRoot,
    conversations: createServedContextStore(holder, { ...options.context, now }),
    logger: deps.logger,
    limits: new RateLimits(rateLimit, now),
    rateLimit,
    allowedChats: allowed === null ? null : new Set(allowed),
    farewells: new BoundedSet(rateLimit.trackedUsers),
    charts: createChartSender(deps.logger, options.charts),
    sourceUrl: options.publicBaseUrl
      ? documentPageLinks(options.publicBaseUrl, (id) => documentText(holder.current().engine, id))
      : undefined,
  };
  attachChartSender(bot, rt.charts);

  // Each update gets its own Telegram client (telegraf makes one per update); give it the bot's own callApi,
  // with the same transport, timeouts and retries (the wrapper ignores `this`, so it is shared, not rebuilt).
  const callApi = bot.telegram.callApi;
  bot.use((ctx, next) => {
    ctx.telegram.callApi = callApi;
    return next();
  });
  bot.use(accessFeature(rt));
  bot.use(documentsFeature(rt));
  bot.use(infoFeature(rt));
  bot.use(callbacksFeature(rt));
  bot.use(inlineFeature(rt));
  bot.use(askFeature(rt));
  bot.use(nonTextFeature(rt));
  bot.catch(errorBoundary(rt));
  return bot;
}
