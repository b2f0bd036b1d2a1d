// The one path from a question to a sent answer: typing (private chats) → respond (follow-ups read against
// the same user's last question in the same chat; computed answers) → render → send.
import type { Context } from 'telegraf';
import type { Response } from '../../app/index.js';
import { replyLocale, textsFor } from '../../present/index.js';
import { moreKeyboard } from './keyboard.js';
import { renderReply } from '../../present/index.js';
import { FULL_ANSWER_HITS, langOf, type BotRuntime } from './runtime.js';
import { isGroup, sendHtml, showTyping, type Destination } from '../transport/send.js';

export interface AnswerQuestionOptions {
  /** Echo the question first (when a button asked it). Default false. */
  showQuestion?: boolean;
}

/** Asks the engine and sends the answer: full in private chats, short with a "more" button in groups. */
export async function answerQuestion(
  ctx: Context,
  rt: BotRuntime,
  question: string,
  to: Destination,
  options: AnswerQuestionOptions = {},
): Promise<Response> {
  const lang = langOf(ctx);
  const style = isGroup(ctx.chat) ? 'short' : 'full';
  // "typing…" only in private chats: an answer takes about a millisecond, so in groups (where the traffic is)
  // the chat action would be one more Bot API call per question, shown to everyone, for nothing.
  if (style === 'full') await showTyping(ctx.telegram, to, rt.logger);
  const conversation = ctx.from === undefined ? undefined : { store: rt.conversations, chatId: to.chatId, userId: ctx.from.id };
  const response = rt.responder.respond(question, {
    limit: style === 'full' ? FULL_ANSWER_HITS : 1,
    ...(conversation ? { conversation } : {}),
  });
  const { reply, language } = response;
  const html = renderReply(reply, {
    lang,
    language,
    style,
    // A follow-up shows how it was understood ("问：智能制造计划投资有多少？"), so a misreading is visible.
    showQuestion: (options.showQuestion ?? false) || response.usedContext,
    examples: rt.examples,
    subjectsEn: rt.engine.vocabulary.subjectsEn,
  });
  // "更多相关数据" continues a cited answer; a computed answer already shows every figure it used.
  const top = reply.kind === 'found' ? reply.hits[0] : undefined;
  const keyboard =
    top !== undefined && rt.engine.related(top.fact.id, 1).length > 0
      ? moreKeyboard(textsFor(replyLocale(lang, language)).moreButton, top.fact.id, 0, rt.engine.facts, language)
      : undefined;
  await sendHtml(ctx.telegram, to, html, keyboard);
  // A sum or comparison of several figures: its bar chart follows, drawn off the hot path (send-chart.ts).
  rt.charts.sendAfter(ctx.telegram, to, reply, {
    locale: replyLocale(lang, language),
    language,
    subjectsEn: rt.engine.vocabulary.subjectsEn,
  });
  rt.logger.info(
    {
      updateId: ctx.update.update_id,
      chatType: ctx.chat?.type,
      kind: reply.kind,
      ...(reply.kind === 'computed' ? { operation: reply.operation } : {}),
      fact: top?.fact.id ?? null,
      language,
      followUp: response.usedContext,
    },
    'answered',
  );
  return response;
}
