/** Plain text and JSON for any reply (a cited answer or a computed one), in the asker's language. */
import { computedToJson, type ComputedJson } from './computed-json.js';
import { formatComputedText } from './format-computed.js';
import type { QuestionLanguage } from '../text/index.js';
import { formatAnswerEnglish } from './english/format-answer.js';
import { answerToJson, type AnswerJson } from './answer-json.js';
import { formatAnswerText } from './format-text.js';
import type { Reply } from '../app/index.js';

export interface ReplyFormatOptions {
  language?: QuestionLanguage;
  /** Add each hit's score breakdown (ask --debug). */
  debug?: boolean;
}

export function formatReplyText(reply: Reply, options: ReplyFormatOptions = {}): string {
  const lang = options.language === 'en' ? 'en' : 'zh';
  if (reply.kind === 'computed') return formatComputedText(reply, { lang });
  if (lang === 'en' && !options.debug) return formatAnswerEnglish(reply);
  return formatAnswerText(reply, { lang, debug: options.debug ?? false });
}

export function replyToJson(reply: Reply, options: ReplyFormatOptions = {}): AnswerJson | ComputedJson {
  return reply.kind === 'computed' ? computedToJson(reply) : answerToJson(reply, { debug: options.debug ?? false });
}
