// The one error boundary (bot.catch): log with the update id, tell the user briefly, keep running.
import type { Context } from 'telegraf';
import { formatFor } from '../../../present/index.js';
import { texts } from '../../../present/index.js';
import { classifyFailure } from '../../transport/retry.js';
import { langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, sendHtml } from '../../transport/send.js';

/** telegraf's handler timeout (p-timeout): the handler is still running, and may yet answer. */
function isHandlerTimeout(err: unknown): boolean {
  return err instanceof Error && err.name === 'TimeoutError';
}

export function errorBoundary(rt: BotRuntime): (err: unknown, ctx: Context) => Promise<void> {
  return async (err, ctx) => {
    const context = { err, updateId: ctx.update.update_id, updateType: ctx.updateType, chatId: ctx.chat?.id ?? null };
    if (isHandlerTimeout(err)) {
      // Telegraf stops waiting, the handler carries on; an apology now could arrive before the answer.
      rt.logger.error(context, 'update took longer than the handler timeout, still running');
      return;
    }
    rt.logger.error(context, 'update failed');
    // The Bot API stayed unreachable (5xx, connection errors, timeouts) through every retry: an apology
    // would fail the same way, after as long again. (After a 429 the apology is still tried.)
    if (classifyFailure(err).kind === 'transient') return;
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
