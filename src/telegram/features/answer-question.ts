// The one path from a message to a sent answer: typing (private chats) → converse (small talk; follow-ups
// read against the same user's last question in the same chat; computed answers) → render → send.
import type { Context } from 'telegraf';
import type { Response, Turn } from '../../app/index.js';
import type { Figure } from '../../facts/index.js';
import { renderSmallTalk, replyLocale, textsFor } from '../../present/index.js';
import { answerKeyboard } from './keyboard.js';
import { renderReply } from '../../present/index.js';
import { FULL_ANSWER_HITS, langOf, type BotRuntime } from './runtime.js';
import { isGroup, sendHtml, showTyping, type Destination } from '../transport/send.js';

export interface AnswerQuestionOptions {
  /** Echo the question first (when a button asked it). Default false. */
  showQuestion?: boolean;
}

/**
 * Answers a message: small talk with a short reply; a question with its cited answer, full in private
 * chats, short in groups; under an answer the 原文 / context button and, when there is more, "更多相关数据".
 */
export async function answerQuestion(
  ctx: Context,
  rt: BotRuntime,
  question: string,
  to: Destination,
  options: AnswerQuestionOptions = {},
): Promise<Turn> {
  const group = isGroup(ctx.chat);
  const style = group ? 'short' : 'full';
  // "typing…" only in private chats: an answer takes about a millisecond, so in groups (where the traffic is)
  // the chat action would be one more Bot API call per question, shown to everyone, for nothing.
  if (style === 'full') await showTyping(ctx.telegram, to, rt.logger);
  const conversation = ctx.from === undefined ? undefined : { store: rt.conversations, chatId: to.chatId, userId: ctx.from.id };
  const turn = rt.responder.converse(question, {
    limit: style === 'full' ? FULL_ANSWER_HITS : 1,
    ...(conversation ? { conversation } : {}),
  });
  if (turn.kind === 'small-talk') {
    const html = renderSmallTalk(turn.talk, turn.about, group ? { groupBot: ctx.me } : {});
    await sendHtml(ctx.telegram, to, html);
    rt.logger.info({ updateId: ctx.update.update_id, chatType: ctx.chat?.type, kind: 'small-talk', talk: turn.talk.kind }, 'answered');
    return turn;
  }
  await sendAnswer(ctx, rt, turn.response, to, style, options);
  return turn;
}

/** The key figure's index among its fact's figures (0 when there is none). */
function figureIndex(figures: readonly Figure[], key: Figure | null): number {
  return key === null
    ? 0
    : Math.max(
        0,
        figures.findIndex((f) => f.start === key.start && f.end === key.end),
      );
}

async function sendAnswer(
  ctx: Context,
  rt: BotRuntime,
  response: Response,
  to: Destination,
  style: 'full' | 'short',
  options: AnswerQuestionOptions,
): Promise<void> {
  const lang = langOf(ctx);
  const { reply, language } = response;
  const html = renderReply(reply, {
    lang,
    language,
    style,
    // A follow-up shows how it was understood ("问：智能制造计划投资有多少？"), so a misreading is visible.
    showQuestion: (options.showQuestion ?? false) || response.usedContext || response.reading === 'alone',
    reading: response.reading,
    examples: rt.examples,
    subjectsEn: rt.engine.vocabulary.subjectsEn,
    // With a public base URL, each citation links to the document's page, the cited span marked.
    sourceUrl: rt.sourceUrl,
  });
  // 原文 shows a cited answer's sentence in its paragraph; "更多相关数据" continues it. A computed answer
  // already shows every figure it used, each cited.
  const top = reply.kind === 'found' ? reply.hits[0] : undefined;
  const t = textsFor(replyLocale(lang, language));
  const keyboard =
    top === undefined
      ? undefined
      : answerKeyboard(
          {
            context: { label: t.contextButton, figure: figureIndex(top.fact.figures, top.keyFigure) },
            ...(rt.responder.hasRelated(top.fact.id) ? { more: { label: t.moreButton } } : {}),
          },
          top.fact.id,
          rt.engine.facts,
          language,
        );
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
      reading: response.reading,
    },
    'answered',
  );
}
