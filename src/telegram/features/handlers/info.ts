// /start, /help, /topics, /source.
import { Composer, type Context } from 'telegraf';
import { examplesKeyboard } from '../keyboard.js';
import { renderGreeting, renderHelp, renderSource, renderTopics } from '../../../present/index.js';
import { allowRequest, langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, sendHtml } from '../../transport/send.js';

export function infoFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command('start', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowRequest(ctx, rt, to))) return;
    const html = renderGreeting(rt.engine.documents, rt.engine.topics(), langOf(ctx));
    await sendHtml(ctx.telegram, to, html, examplesKeyboard(rt.examples));
  });

  feature.command('help', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowRequest(ctx, rt, to))) return;
    await sendHtml(ctx.telegram, to, renderHelp(ctx.me, rt.examples[0], langOf(ctx)));
  });

  feature.command('topics', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowRequest(ctx, rt, to))) return;
    await sendHtml(ctx.telegram, to, renderTopics(rt.engine.topics(), langOf(ctx)));
  });

  feature.command('source', async (ctx) => {
    const to = destinationOf(ctx.message, ctx.chat);
    if (!(await allowRequest(ctx, rt, to))) return;
    await sendHtml(ctx.telegram, to, renderSource(rt.engine.documents, rt.engine.facts.length, langOf(ctx)));
  });

  return feature;
}
