// What every handler needs, built once per bot. The engine, its responder and the example questions are read
// from the engine holder each time (getters), so a new engine put in service is used by the next update.
import type { Context } from 'telegraf';
import type { Engine } from '../../answer/index.js';
import type { Responder } from '../../app/index.js';
import type { ContextStore } from '../../app/index.js';
import type { Logger } from '../../host/index.js';
import type { Documents, EngineHolder } from '../../library/index.js';
export { FULL_ANSWER_HITS, INLINE_RESULTS, RELATED_PAGE_SIZE } from '../../present/index.js';
import { formatFor, type SourceUrl } from '../../present/index.js';
import { pickLang, texts, type Lang } from '../../present/index.js';
import type { BoundedSet } from '../transport/bounded-set.js';
import type { RateLimits, RateLimitOptions, RateVerdict } from './rate-limit.js';
import type { ChartSender } from './send-chart.js';
import { isGroup, sendHtml, type Destination } from '../transport/send.js';

export interface BotRuntime {
  /** The engine in service (holder.current().engine). */
  readonly engine: Engine;
  /** The engine's question → reply pipeline (follow-ups, computed answers, the reply's language). */
  readonly responder: Responder;
  /** The engine in service, swapped when the corpus changes. */
  holder: EngineHolder;
  /** Documents added and removed from Telegram; null when the bot has no corpus folder to change. */
  documents: Documents | null;
  /** ADMIN_USER_IDS: who may add, list, remove and export documents. */
  admins: ReadonlySet<number>;
  /** Bot API root, for file downloads. */
  apiRoot: string;
  /** Each user's last question in each chat, for follow-ups: one store per bot process, bounded, in memory. */
  conversations: ContextStore;
  logger: Logger;
  limits: RateLimits;
  rateLimit: RateLimitOptions;
  /** The questions behind the /start buttons (callback data holds their index), each one the engine answers. */
  readonly examples: readonly string[];
  /** The same in English, for users whose language_code is English. */
  readonly examplesEn: readonly string[];
  /** ALLOWED_CHAT_IDS: the only chats answered, or null for every chat. */
  allowedChats: ReadonlySet<number> | null;
  /** Chats not allowed that were already told so (bounded), so each hears it once. */
  farewells: BoundedSet<number>;
  /** Bar charts after computed answers, drawn off the hot path. */
  charts: ChartSender;
  /** Links from citations to the document pages (PUBLIC_BASE_URL), or undefined when there are none. */
  sourceUrl: SourceUrl | undefined;
}

/** The first example question, for hints ("例如：…"); a placeholder when the corpus offers none of its own. */
export function firstExample(rt: BotRuntime, lang: Lang): string {
  return rt.examples[0] ?? texts[lang].anyQuestion;
}

export function langOf(ctx: Context): Lang {
  return pickLang(ctx.from?.language_code);
}

/** The rate-limit verdict for the user (and chat) behind an update; inline queries count as private. */
export function checkLimits(ctx: Context, rt: BotRuntime): RateVerdict {
  if (ctx.from === undefined) return { decision: 'ok' };
  if (isGroup(ctx.chat)) return rt.limits.checkGroup(ctx.from.id, ctx.chat!.id);
  return rt.limits.checkPrivate(ctx.from.id);
}

function limitNotice(ctx: Context, rt: BotRuntime, verdict: Exclude<RateVerdict, { decision: 'ok' }>): string {
  const t = texts[langOf(ctx)];
  const seconds = Math.round(rt.rateLimit.windowMs / 1000);
  if (verdict.by === 'chat') return t.chatRateLimited(rt.rateLimit.chatMax, seconds);
  return t.rateLimited(isGroup(ctx.chat) ? rt.rateLimit.max : rt.rateLimit.privateMax, seconds);
}

/**
 * Flood control: true when the request may be answered. Over a limit (per user in groups, per user in
 * private chats, per group chat), the first request past it gets one short notice (sent to `to`, or as the
 * callback answer), later ones silence until the window passes.
 */
export async function allowRequest(ctx: Context, rt: BotRuntime, to: Destination | null): Promise<boolean> {
  const verdict = checkLimits(ctx, rt);
  if (verdict.decision === 'ok') return true;
  rt.logger.info({ userId: ctx.from?.id, chatId: ctx.chat?.id, decision: verdict.decision, by: verdict.by }, 'rate limited');
  if (verdict.decision === 'notify') {
    const notice = limitNotice(ctx, rt, verdict);
    if (ctx.callbackQuery !== undefined) {
      await ctx.answerCbQuery(notice, { show_alert: true });
      ctx.state.callbackAnswered = true;
    } else if (to !== null) {
      await sendHtml(ctx.telegram, to, formatFor('html').text(notice));
    }
  }
  return false;
}
