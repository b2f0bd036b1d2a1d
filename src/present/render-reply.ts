// Any reply of respond() as one message text: a computed answer, an answer to an English question, or a
// cited answer with its Chinese body. HTML for Telegram, plain text for the console chat.
import type { Hit } from '../answer/index.js';
import type { Reply } from '../app/index.js';
import type { Fact } from '../facts/index.js';
import { renderComputed } from './render-computed.js';
import { renderAnswerEnglish, renderRelatedPageEnglish } from './render-english.js';
import { renderAnswer, renderRelatedPage, type RenderOptions } from './render.js';

export function renderReply(reply: Reply, options: RenderOptions = {}): string {
  if (reply.kind === 'computed') return renderComputed(reply, options);
  if (options.language === 'en') return renderAnswerEnglish(reply, options);
  return renderAnswer(reply, options);
}

/** A page of "更多相关数据", in English when the answer it continues was. */
export function renderMore(origin: Fact | null, hits: readonly Hit[], options: RenderOptions = {}): string {
  return options.language === 'en' ? renderRelatedPageEnglish(origin, hits, options) : renderRelatedPage(origin, hits, options);
}
