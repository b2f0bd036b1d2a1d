// Stickers, photos, voice notes…: a one-line hint in private chats, nothing in groups.
import { Composer, type Context } from 'telegraf';
import { formatFor } from '../../../present/index.js';
import { texts } from '../../../present/index.js';
import { firstExample, langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, sendHtml } from '../../transport/send.js';

/** Message fields that mean a user sent content (as opposed to a service message such as a pin). */
const CONTENT_FIELDS = [
  'sticker',
  'photo',
  'voice',
  'video',
  'video_note',
  'audio',
  'document',
  'animation',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'game',
  'story',
] as const satisfies readonly string[];

export function nonTextFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();
  feature.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    if (!CONTENT_FIELDS.some((field) => field in ctx.message)) return;
    const hint = texts[langOf(ctx)].nonText(firstExample(rt, langOf(ctx)));
    await sendHtml(ctx.telegram, destinationOf(ctx.message, ctx.chat), formatFor('html').text(hint));
  });
  return feature;
}
