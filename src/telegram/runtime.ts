// What every handler needs, built once per bot.
import type { Context } from 'telegraf';
import type { Engine } from '../answer/engine-types.js';
import type { Logger } from '../log.js';
import { formatFor } from './format.js';
import { pickLang, texts, type Lang } from './i18n.js';
import type { RateLimiter, RateLimitOptions } from './rate-limit.js';
import { isGroup, sendHtml, type Destination } from './send.js';

export interface BotRuntime {
  engine: Engine;
  logger: Logger;
  limiter: RateLimiter;
  rateLimit: RateLimitOptions;
  /** The questions behind the /start buttons (callback data holds their index). */
  examples: readonly string[];
}

/** How many hits a private answer shows (the answer plus related facts). */
export const FULL_ANSWER_HITS = 3;
/** Related facts per "更多相关数据" page. */
export const RELATED_PAGE_SIZE = 3;
/** Inline results per query (Telegram shows a short list; the issue asks for five). */
export const INLINE_RESULTS = 5;

/** Used in hints only when the corpus offers no sample question of its own. */
export const FALLBACK_EXAMPLE = '浑南区常住人口多少人？';

/** The first example question, for hints ("例如：…"). */
export function firstExample(rt: BotRuntime): string {
  return rt.examples[0] ?? FALLBACK_EXAMPLE;
}

export function langOf(ctx: Context): Lang {
  return pickLang(ctx.from?.language_code);
}

/**
 * Group flood control: true when the user may be answered. Over the limit, the user gets one short notice
 * per window (sent to `to`), then silence. Private chats are not limited.
 */
export async function allowInGroup(ctx: Context, rt: BotRuntime, to: Destination | null): Promise<boolean> {
  if (!isGroup(ctx.chat) || ctx.from === undefined) return true;
  const decision = rt.limiter.check(ctx.from.id);
  if (decision === 'ok') return true;
  rt.logger.info({ userId: ctx.from.id, chatId: ctx.chat?.id, decision }, 'rate limited');
  if (decision === 'notify') {
    const notice = texts[langOf(ctx)].rateLimited(rt.rateLimit.max, Math.round(rt.rateLimit.windowMs / 1000));
    if (ctx.callbackQuery !== undefined) {
      await ctx.answerCbQuery(notice, { show_alert: true });
      ctx.state.callbackAnswered = true;
    } else if (to !== null) {
      await sendHtml(ctx.telegram, to, formatFor('html').text(notice));
    }
  }
  return false;
}
