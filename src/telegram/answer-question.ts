// The one path from a question to a sent answer: typing (private chats) → engine.ask → render → send.
import type { Context } from 'telegraf';
import type { Answer } from '../answer/answer.js';
import { texts } from './i18n.js';
import { moreKeyboard } from './keyboard.js';
import { renderAnswer } from './render.js';
import { FULL_ANSWER_HITS, langOf, type BotRuntime } from './runtime.js';
import { isGroup, sendHtml, showTyping, type Destination } from './send.js';

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
): Promise<Answer> {
  const lang = langOf(ctx);
  const style = isGroup(ctx.chat) ? 'short' : 'full';
  // "typing…" only in private chats: an answer takes about a millisecond, so in groups (where the traffic is)
  // the chat action would be one more Bot API call per question, shown to everyone, for nothing.
  if (style === 'full') await showTyping(ctx.telegram, to, rt.logger);
  const answer = rt.engine.ask(question, { limit: style === 'full' ? FULL_ANSWER_HITS : 1 });
  const html = renderAnswer(answer, {
    lang,
    style,
    showQuestion: options.showQuestion ?? false,
    examples: rt.examples,
  });
  const top = answer.kind === 'found' ? answer.hits[0] : undefined;
  const keyboard =
    top !== undefined && rt.engine.related(top.fact.id, 1).length > 0
      ? moreKeyboard(texts[lang].moreButton, top.fact.id, 0, rt.engine.facts)
      : undefined;
  await sendHtml(ctx.telegram, to, html, keyboard);
  rt.logger.info(
    { updateId: ctx.update.update_id, chatType: ctx.chat?.type, kind: answer.kind, fact: top?.fact.id ?? null },
    'answered',
  );
  return answer;
}
