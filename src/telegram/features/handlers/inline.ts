// Inline mode: "@Bot 问题" in any chat lists up to five facts; picking one sends the full cited answer. A
// question that needs several figures gets one result, the computed answer. An English question gets
// English titles, descriptions and messages. Inline queries have no chat, so no follow-ups here. When nothing
// answers, one "不在文档中 / Not in the document" result carries the refusal (with questions to try instead),
// and a button above the results opens the private chat.
import { Composer, type Context } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import type { Answer, Hit } from '../../../answer/index.js';
import type { ComputedAnswer } from '../../../app/index.js';
import { describeHitEnglish } from '../../../present/index.js';
import { textsFor, type Lang } from '../../../present/index.js';
import { computedSummary } from '../../../present/index.js';
import { renderReply } from '../../../present/index.js';
import { clip, describeHit, MESSAGE_LIMIT, splitMessage, type RenderOptions } from '../../../present/index.js';
import { INLINE_RESULTS, checkLimits, langOf, type BotRuntime } from '../runtime.js';
import { scrubOutgoing } from '../../transport/send.js';

/** Seconds Telegram may cache an inline answer. Short: the corpus changes only with a redeploy, but labels follow the user's language. */
const INLINE_CACHE_SECONDS = 60;

function article(
  index: number,
  title: string,
  description: string,
  html: string,
  link?: { text: string; url: string },
): InlineQueryResultArticle {
  return {
    ...(link ? { reply_markup: { inline_keyboard: [[link]] } } : {}),
    type: 'article',
    id: String(index),
    title: clip(title, 100),
    description: clip(description, 200),
    input_message_content: {
      message_text: splitMessage(html, MESSAGE_LIMIT)[0] ?? '',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
  };
}

/** Title = the figure and what it measures; description = the sentence (for English: where it stands, then the sentence). */
function hitResult(answer: Extract<Answer, { kind: 'found' }>, hit: Hit, index: number, options: RenderOptions): InlineQueryResultArticle {
  const single: Answer = { ...answer, hits: [hit] };
  // Short (no related lines), with the full citation: an inline message has no 原文 button to hold it.
  const html = renderReply(single, { ...options, style: 'short', shortCitation: false, showQuestion: answer.question !== '' });
  if (options.language !== 'en') return article(index, describeHit(hit), hit.fact.text, html);
  const c = hit.citation;
  const where = textsFor('en').paragraph(c.paragraph, c.sentence, c.clause);
  const title = describeHitEnglish(hit, options.subjectsEn) ?? `${c.section ?? 'The document'}: ${where}`;
  return article(index, title, `${where}: “${hit.fact.text}”`, html);
}

/** Title = the result ("Total: 122 projects"); description = the working and notes. */
function computedResult(answer: ComputedAnswer, index: number, options: RenderOptions): InlineQueryResultArticle {
  const html = renderReply(answer, { ...options, style: 'full', showQuestion: true });
  const [headline = '', ...rest] = computedSummary(answer, options.language === 'en', options.subjectsEn);
  return article(index, headline.replace(/^▶\s*/, ''), rest.join(' '), html);
}

/** The deep link that opens the private chat with the bot, /start sent with a payload. */
export function privateChatLink(botUsername: string, payload = INLINE_START_PARAMETER): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}

/** The /start payload of the inline button (letters, digits, _ and -; at most 64). */
export const INLINE_START_PARAMETER = 'inline';

/** A refusal as one result: its title says it is not in the document, its message is the refusal itself. */
function notFoundResult(reply: Answer, index: number, options: RenderOptions, bot: string): InlineQueryResultArticle {
  const t = textsFor(options.language === 'en' ? 'en' : options.lang === 'en' ? 'en' : 'zh');
  const html = renderReply(reply, { ...options, style: 'full', showQuestion: reply.question !== '' });
  return article(index, t.inlineNotFoundTitle, t.inlineNotFoundHint, html, { text: t.openPrivateChat, url: privateChatLink(bot) });
}

function results(
  rt: BotRuntime,
  question: string,
  lang: Lang,
  limit: number,
  start: number,
  bot: string | null,
): InlineQueryResultArticle[] {
  const { reply, language } = rt.responder.respond(question, { limit });
  const options: RenderOptions = { lang, language, subjectsEn: rt.engine.vocabulary.subjectsEn, sourceUrl: rt.sourceUrl };
  // A computed answer is one result, also when it cannot be computed: it says which figure is missing.
  if (reply.kind === 'computed') return [computedResult(reply, start, options)];
  if (reply.kind !== 'found') return bot !== null && reply.kind === 'not-found' ? [notFoundResult(reply, start, options, bot)] : [];
  return reply.hits.slice(0, limit).map((hit, i) => hitResult(reply, hit, start + i, options));
}

export function inlineFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on('inline_query', async (ctx) => {
    // Over the user's limit: no engine work and no answer (Telegram shows nothing), so typing fast costs little.
    if (checkLimits(ctx, rt).decision !== 'ok') return;
    const lang = langOf(ctx);
    // The query is echoed in each result's message: never a token pasted into it.
    const query = scrubOutgoing(ctx.telegram, ctx.inlineQuery.query.trim());
    const found: InlineQueryResultArticle[] = [];
    if (query === '') {
      // Nothing typed yet: show the answers to the example questions.
      for (const example of lang === 'en' ? rt.examplesEn : rt.examples) found.push(...results(rt, example, lang, 1, found.length, null));
    } else {
      found.push(...results(rt, query, lang, INLINE_RESULTS, 0, ctx.me));
    }
    const t = textsFor(lang);
    await ctx.answerInlineQuery(found, {
      cache_time: INLINE_CACHE_SECONDS,
      is_personal: true,
      // Above the results: open the private chat (Bot API 6.7's button; switch_pm_text before it).
      button: { text: t.openPrivateChat, start_parameter: INLINE_START_PARAMETER },
    });
  });

  return feature;
}
