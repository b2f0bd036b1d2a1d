// Inline mode: "@Bot 问题" in any chat lists up to five facts; picking one sends the full cited answer.
import { Composer, type Context } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import type { Hit } from '../../answer/answer.js';
import { clip, describeHit, MESSAGE_LIMIT, renderAnswer, splitMessage } from '../render.js';
import { INLINE_RESULTS, checkLimits, langOf, type BotRuntime } from '../runtime.js';
import type { Lang } from '../i18n.js';
import { scrubOutgoing } from '../send.js';

/** Seconds Telegram may cache an inline answer. Short: the corpus changes only with a redeploy, but labels follow the user's language. */
const INLINE_CACHE_SECONDS = 60;

function toResult(question: string, hit: Hit, index: number, lang: Lang): InlineQueryResultArticle {
  const html = renderAnswer(
    { kind: 'found', question, asked: null, hits: [hit] },
    { lang, style: 'short', showQuestion: question !== '' },
  );
  return {
    type: 'article',
    id: String(index),
    title: clip(describeHit(hit), 100),
    description: clip(hit.fact.text, 200),
    input_message_content: {
      message_text: splitMessage(html, MESSAGE_LIMIT)[0] ?? '',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
  };
}

export function inlineFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on('inline_query', async (ctx) => {
    // Over the user's limit: no engine work and no answer (Telegram shows nothing), so typing fast costs little.
    if (checkLimits(ctx, rt).decision !== 'ok') return;
    const lang = langOf(ctx);
    // The query is echoed in each result's message: never a token pasted into it.
    const query = scrubOutgoing(ctx.telegram, ctx.inlineQuery.query.trim());
    const results: InlineQueryResultArticle[] = [];
    if (query === '') {
      // Nothing typed yet: show the answers to the example questions.
      for (const example of rt.examples) {
        const answer = rt.engine.ask(example, { limit: 1 });
        const hit = answer.kind === 'found' ? answer.hits[0] : undefined;
        if (hit !== undefined) results.push(toResult(example, hit, results.length, lang));
      }
    } else {
      const answer = rt.engine.ask(query, { limit: INLINE_RESULTS });
      if (answer.kind === 'found') {
        for (const hit of answer.hits.slice(0, INLINE_RESULTS)) results.push(toResult(query, hit, results.length, lang));
      }
    }
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
  });

  return feature;
}
