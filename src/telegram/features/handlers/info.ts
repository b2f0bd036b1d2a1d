// /start, /help, /topics, /source. In groups /help, /topics and /source are not counted as questions (the
// per-user group limit is for questions); in private chats every request counts, as always there.
import { Composer, type Context } from 'telegraf';
import { examplesKeyboard } from '../keyboard.js';
import { renderGreeting, renderGroupGreeting, renderHelp, renderSource, renderTopics } from '../../../present/index.js';
import { allowRequest, langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, isGroup, sendHtml } from '../../transport/send.js';

export function infoFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();
  /** Whether an information command may be answered: always in groups, within the limit in private chats. */
  const allowInfo = (ctx: Context, to: ReturnType<typeof destinationOf>) =>
    isGroup(ctx.chat) ? Promise.resolve(true) : allowRequest(ctx, rt, to);

  feature.command('start', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowRequest(ctx, rt, to))) return;
    const lang = langOf(ctx);
    // In a group the bot sees only commands, mentions and replies (privacy mode): say how to ask there.
    if (isGroup(ctx.chat)) {
      await sendHtml(ctx.telegram, to, renderGroupGreeting(rt.engine.documents, ctx.me, lang));
      return;
    }
    const examples = lang === 'en' ? rt.examplesEn : rt.examples;
    const html = renderGreeting(rt.engine.documents, rt.engine.topics(), lang);
    await sendHtml(ctx.telegram, to, html, examplesKeyboard(examples, lang === 'en' ? 'en' : undefined));
  });

  feature.command('help', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowInfo(ctx, to))) return;
    await sendHtml(ctx.telegram, to, renderHelp(ctx.me, rt.examples[0], langOf(ctx)));
  });

  feature.command('topics', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowInfo(ctx, to))) return;
    await sendHtml(ctx.telegram, to, renderTopics(rt.engine.topics(), langOf(ctx)));
  });

  feature.command('source', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowInfo(ctx, to))) return;
    await sendHtml(ctx.telegram, to, renderSource(rt.engine.documents, rt.engine.facts.length, langOf(ctx)));
  });

  return feature;
}
