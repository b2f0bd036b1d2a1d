// Starting and stopping the bot: long polling, or a webhook server. Either way stop() lets the answers in
// flight go out before it resolves, and handler latency is logged each minute while updates come in
// ("polling stats" / "webhook stats") and in total at the end ("polling stopped" / "webhook stopped").
import type { Context, Telegraf } from 'telegraf';
import type { Transport } from '../host/index.js';
import type { Logger } from '../host/index.js';
import { registerCommands } from './features/commands.js';
import { chartSenderOf } from './features/send-chart.js';
import { systemClock } from './transport/clock.js';
import { DEFAULT_STATS_INTERVAL_MS, recordLatency } from './transport/latency-stats.js';
import { startPageServer, type PageHandler, type PageServer } from './transport/document-pages.js';
import { startWebhookServer, type WebhookServerOptions } from './transport/webhook-server.js';

/**
 * The updates the bot handles (inline queries must be asked for explicitly; my_chat_member tells it when it
 * is added to a group, so with ALLOWED_CHAT_IDS it can leave one that is not listed at once).
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const satisfies readonly string[];

/**
 * Tuning of the webhook server (see webhook-server.ts for the defaults); statsIntervalMs and clock (the stats
 * interval, handler latency; default systemClock) apply to polling too.
 */
export type WebhookTuning = Pick<
  WebhookServerOptions,
  'ackAfterMs' | 'maxInFlight' | 'rememberedUpdates' | 'maxBodyBytes' | 'statsIntervalMs' | 'clock'
>;

/**
 * The document pages citations link to (PUBLIC_BASE_URL): served by the webhook server in webhook mode, and
 * by a server of their own on host:port when polling.
 */
export interface PagesOptions {
  handler: PageHandler;
  host: string;
  port: number;
}

export interface RunningBot {
  /** The webhook server's port, or null when polling. */
  readonly port: number | null;
  /** The port the document pages are served on, or null when they are not. */
  readonly pagesPort: number | null;
  /** Settles when the bot stops: resolves after stop(), rejects if polling fails for good (bad token, conflict). */
  readonly done: Promise<void>;
  /** Stops taking updates and resolves once the ones in flight are answered. Safe to call twice. */
  stop(reason?: string): Promise<void>;
}

export async function launchBot(
  bot: Telegraf<Context>,
  transport: Transport,
  logger: Logger,
  webhook: WebhookTuning = {},
  pages?: PagesOptions,
  /** ADMIN_USER_IDS: each gets the document commands in the menu of their private chat. */
  adminUserIds: readonly number[] = [],
): Promise<RunningBot> {
  bot.botInfo ??= await bot.telegram.getMe();
  const username = bot.botInfo.username;
  await registerCommands(bot.telegram, logger, adminUserIds);

  if (transport.mode === 'polling') {
    // telegraf's polling loop calls bot.handleUpdate for each update: measure it there.
    let inFlight = 0;
    const clock = webhook.clock ?? systemClock;
    const latency = recordLatency(logger, 'polling', webhook.statsIntervalMs ?? DEFAULT_STATS_INTERVAL_MS, () => inFlight, clock);
    const handleUpdate = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (update, webhookResponse) => {
      const started = clock.now();
      inFlight += 1;
      try {
        return await handleUpdate(update, webhookResponse);
      } finally {
        inFlight -= 1;
        latency.record(clock.now() - started);
      }
    };
    let launched!: () => void;
    const ready = new Promise<void>((resolve) => (launched = resolve));
    const done = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => launched());
    done.catch(() => undefined).finally(() => latency.stop());
    await Promise.race([ready, done]);
    let pageServer: PageServer | null = null;
    if (pages !== undefined) {
      try {
        pageServer = await startPageServer({ host: pages.host, port: pages.port, pages: pages.handler, logger });
      } catch (err) {
        // The links would lead nowhere, but the bot itself can answer: serve on without them.
        logger.error({ err, host: pages.host, port: pages.port }, 'cannot serve the document pages, answering without them');
      }
    }
    logger.info({ username, mode: 'polling' }, 'bot started');
    let stopping: Promise<void> | null = null;
    return {
      port: null,
      pagesPort: pageServer?.port ?? null,
      done,
      stop(reason = 'stop') {
        stopping ??= (async () => {
          let settled = false;
          void done.then(
            () => (settled = true),
            () => (settled = true),
          );
          // bot.stop() throws until polling has begun (launch first deletes any webhook): retry until it takes.
          while (!settled) {
            try {
              bot.stop(reason);
              break;
            } catch {
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
          }
          await done.catch(() => undefined);
          await chartSenderOf(bot)?.stop();
          await pageServer?.close();
          logger.info(latency.total(), 'polling stopped');
        })();
        return stopping;
      },
    };
  }

  const server = await startWebhookServer({
    ...webhook,
    path: transport.path,
    secret: transport.secret,
    host: transport.host,
    port: transport.port,
    logger,
    handleUpdate: (update) => bot.handleUpdate(update),
    ...(pages !== undefined ? { pages: pages.handler } : {}),
  });
  const url = `https://${transport.domain}${transport.path}`;
  try {
    await bot.telegram.setWebhook(url, {
      secret_token: transport.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } catch (err) {
    // Another replica may have set it already; updates still arrive if it points here.
    logger.error({ err, url }, 'setWebhook failed, serving anyway');
  }
  logger.info({ username, mode: 'webhook', url, port: server.port }, 'bot started');
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  let stopping: Promise<void> | null = null;
  return {
    port: server.port,
    pagesPort: pages !== undefined ? server.port : null,
    done,
    stop() {
      // The webhook stays registered: other replicas behind the same URL keep serving.
      stopping ??= server
        .close()
        .then(() => chartSenderOf(bot)?.stop())
        .then(() => stopped());
      return stopping;
    },
  };
}
