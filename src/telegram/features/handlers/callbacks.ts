// Button presses: an example question from /start, 原文 / context, or "更多相关数据". Every callback query is
// answered. In groups a press is not counted as a question (the per-user group limit); in private chats it
// counts as a request, as everything does there.
import { Composer, type Context } from 'telegraf';
import { answerQuestion } from '../answer-question.js';
import { replyLocale, textsFor } from '../../../present/index.js';
import { decodeCallback, moreKeyboard, type CallbackAction } from '../keyboard.js';
import { renderMore, renderSourceContext } from '../../../present/index.js';
import { sourceContext } from '../../../app/index.js';
import { RELATED_PAGE_SIZE, allowRequest, langOf, type BotRuntime } from '../runtime.js';
import { isGroup, sendHtml, type Destination } from '../../transport/send.js';

function factIdOf(action: Exclude<CallbackAction, { kind: 'example' }>, rt: BotRuntime): string | undefined {
  if (action.kind === 'more' || action.kind === 'context') return rt.engine.factById(action.factId)?.id;
  return rt.engine.facts[action.factIndex]?.id;
}

export function callbacksFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on('callback_query', async (ctx) => {
    const lang = langOf(ctx);
    const query = ctx.callbackQuery;
    const action = 'data' in query ? decodeCallback(query.data) : null;
    // A "more" page reads like the answer it continues (English, Traditional); the rest follows language_code.
    const language = action !== null && action.kind !== 'example' ? action.language : undefined;
    const t = textsFor(replyLocale(lang, language));
    const answer = async (text?: string) => {
      if (ctx.state.callbackAnswered === true) return;
      ctx.state.callbackAnswered = true;
      await ctx.answerCbQuery(text);
    };
    try {
      const message = query.message;
      if (action === null) return;
      if (message === undefined) {
        // A button on an inline message: there is no chat to answer in.
        await answer(t.openChat);
        return;
      }
      const to: Destination = {
        chatId: message.chat.id,
        ...(isGroup(message.chat) ? { replyTo: message.message_id } : {}),
        ...('is_topic_message' in message && message.is_topic_message === true && message.message_thread_id !== undefined
          ? { threadId: message.message_thread_id }
          : {}),
      };
      if (!isGroup(message.chat) && !(await allowRequest(ctx, rt, null))) return;

      if (action.kind === 'example') {
        const question = (action.language === 'en' ? rt.examplesEn : rt.examples)[action.index];
        await answer();
        if (question !== undefined) await answerQuestion(ctx, rt, question, to, { showQuestion: true });
        return;
      }

      const factId = factIdOf(action, rt);
      const origin = factId === undefined ? undefined : rt.engine.factById(factId);
      if (factId === undefined || origin === undefined) {
        await answer(t.factGone);
        return;
      }
      if (action.kind === 'context' || action.kind === 'context-at') {
        const context = sourceContext(rt.engine, factId, action.figure);
        if (context === null) {
          await answer(t.factGone);
          return;
        }
        await answer();
        await sendHtml(ctx.telegram, to, renderSourceContext(context, language === 'en' ? 'en' : lang));
        return;
      }
      const related = rt.responder.related(factId, action.offset + RELATED_PAGE_SIZE + 1);
      const page = related.slice(action.offset, action.offset + RELATED_PAGE_SIZE);
      if (page.length === 0) {
        await answer(t.noMoreRelated);
        return;
      }
      await answer();
      const hasMore = related.length > action.offset + RELATED_PAGE_SIZE;
      const keyboard = hasMore
        ? moreKeyboard(t.moreButton, factId, action.offset + RELATED_PAGE_SIZE, rt.engine.facts, language)
        : undefined;
      await sendHtml(
        ctx.telegram,
        to,
        renderMore(origin, page, { lang, ...(language ? { language } : {}), style: 'full', subjectsEn: rt.engine.vocabulary.subjectsEn }),
        keyboard,
      );
    } catch (err) {
      await answer(t.failed).catch(() => undefined);
      throw err;
    } finally {
      await answer().catch((err: unknown) => rt.logger.warn({ err }, 'could not answer the callback query'));
    }
  });

  return feature;
}
