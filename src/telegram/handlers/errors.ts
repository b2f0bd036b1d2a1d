// The one error boundary (bot.catch): log with the update id, tell the user briefly, keep running.
import type { Context } from 'telegraf';
import { formatFor } from '../format.js';
import { texts } from '../i18n.js';
import { langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, sendHtml } from '../send.js';

export function errorBoundary(rt: BotRuntime): (err: unknown, ctx: Context) => Promise<void> {
  return async (err, ctx) => {
    rt.logger.error(
      { err, updateId: ctx.update.update_id, updateType: ctx.updateType, chatId: ctx.chat?.id ?? null },
      'update failed',
    );
    const failed = texts[langOf(ctx)].failed;
    try {
      if (ctx.callbackQuery !== undefined) {
        if (ctx.state.callbackAnswered !== true) await ctx.answerCbQuery(failed);
      } else if (ctx.message !== undefined && ctx.chat !== undefined) {
        await sendHtml(ctx.telegram, destinationOf(ctx.message, ctx.chat), formatFor('html').text(failed));
      }
    } catch (replyErr) {
      rt.logger.warn({ err: replyErr, updateId: ctx.update.update_id }, 'could not tell the user about the failure');
    }
  };
}
