// Text messages: private questions, /ask, @mentions and replies to the bot in groups. Everything else: silence.
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { answerQuestion } from '../answer-question.js';
import { formatFor } from '../../../present/index.js';
import { texts } from '../../../present/index.js';
import { parseQuestion, type ChatKind } from '../parse-question.js';
import { allowRequest, firstExample, langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, sendHtml } from '../../transport/send.js';

export function askFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on(message('text'), async (ctx) => {
    // Messages from other bots never get here (handlers/access.ts); anonymous admins (sender_chat) do.
    const addressed = parseQuestion(ctx.message, ctx.chat.type as ChatKind, { id: ctx.botInfo.id, username: ctx.me });
    const to = destinationOf(ctx.message, ctx.chat);
    const t = texts[langOf(ctx)];
    const fmt = formatFor('html');
    switch (addressed.kind) {
      case 'ignore':
        return;
      case 'command':
        if (ctx.chat.type === 'private') await sendHtml(ctx.telegram, to, fmt.text(t.unknownCommand));
        return;
      case 'ask-empty':
        if (!(await allowRequest(ctx, rt, to))) return;
        await sendHtml(ctx.telegram, to, fmt.text(t.askUsage(firstExample(rt, langOf(ctx)))));
        return;
      case 'question':
        if (!(await allowRequest(ctx, rt, to))) return;
        await answerQuestion(ctx, rt, addressed.text, to);
        return;
    }
  });

  return feature;
}
