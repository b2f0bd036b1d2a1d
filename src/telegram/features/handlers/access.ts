// Who the bot talks to, registered first: messages from other bots are dropped, and with ALLOWED_CHAT_IDS
// set, only the listed chats get through. A group that is not listed hears one polite line and the bot
// leaves it; a private chat that is not listed gets one line (rate-limited); a channel is left silently.
import { Composer, type Context } from 'telegraf';
import { formatFor } from '../../../present/index.js';
import { texts } from '../../../present/index.js';
import { allowRequest, langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, isGroup, sendHtml } from '../../transport/send.js';

/** Member statuses that mean the bot is no longer in the chat. */
const GONE = new Set(['left', 'kicked']);

/** True for a message sent by a bot (not an anonymous group admin or a channel, which carry sender_chat). */
function fromOtherBot(ctx: Context): boolean {
  const message = ctx.message ?? ctx.editedMessage;
  if (message === undefined || ctx.from?.is_bot !== true) return false;
  return !('sender_chat' in message && message.sender_chat !== undefined);
}

export function accessFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();

  feature.use(async (ctx, next) => {
    if (fromOtherBot(ctx)) return;
    const allowed = rt.allowedChats;
    if (allowed === null) return next();
    const chat = ctx.chat;
    if (chat === undefined) {
      // Inline queries carry no chat: answered for users whose private chat is listed.
      if (ctx.inlineQuery !== undefined && allowed.has(ctx.inlineQuery.from.id)) return next();
      return;
    }
    if (allowed.has(chat.id)) return next();

    if (ctx.myChatMember !== undefined && GONE.has(ctx.myChatMember.new_chat_member.status)) return;
    rt.logger.info({ chatId: chat.id, chatType: chat.type, updateId: ctx.update.update_id }, 'chat not in ALLOWED_CHAT_IDS');
    const t = texts[langOf(ctx)];
    if (chat.type === 'private') {
      // Rate-limited like any request, so a user cannot make the bot talk without bound.
      if (ctx.callbackQuery !== undefined) {
        await ctx.answerCbQuery(t.notAllowedPrivate);
        return;
      }
      if (ctx.message === undefined) return;
      const to = destinationOf(ctx.message, chat);
      if (await allowRequest(ctx, rt, to)) await sendHtml(ctx.telegram, to, formatFor('html').text(t.notAllowedPrivate));
      return;
    }
    if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(t.notAllowedGroup).catch(() => undefined);
    if (isGroup(chat) && rt.farewells.add(chat.id)) {
      try {
        await sendHtml(ctx.telegram, { chatId: chat.id }, formatFor('html').text(t.notAllowedGroup));
      } catch (err) {
        rt.logger.warn({ err, chatId: chat.id }, 'could not say goodbye to a chat not allowed');
      }
    }
    try {
      await ctx.telegram.leaveChat(chat.id);
      rt.logger.info({ chatId: chat.id }, 'left a chat not in ALLOWED_CHAT_IDS');
    } catch (err) {
      rt.logger.warn({ err, chatId: chat.id }, 'could not leave a chat not allowed');
    }
  });

  return feature;
}
