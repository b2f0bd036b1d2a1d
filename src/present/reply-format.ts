/**
 * A reply as plain text (the ask CLI, the console chat) or as JSON (ask --json). The plain text is the
 * renderer every medium shares (render-reply.ts) in its plain format, so the CLI and the console print the
 * same answer; the CLI adds the score parts with --debug. Telegram HTML: renderReply with format 'html'.
 */
import type { Reading, Reply } from '../app/index.js';
import type { QuestionLanguage } from '../text/index.js';
import { answerToJson, type AnswerJson } from './answer-json.js';
import { computedToJson, type ComputedJson } from './computed-json.js';
import type { SubjectNames } from './english/index.js';
import type { Lang } from './i18n.js';
import { renderReply } from './render-reply.js';

export interface ReplyFormatOptions {
  /** The language the question was asked in (respond() tells it). Default 'zh-Hans'. */
  language?: QuestionLanguage;
  /** The UI language of the frame around a Chinese answer. Default 'zh'. */
  lang?: Lang;
  /** Start with the question as it was understood (a follow-up). Default false. */
  showQuestion?: boolean;
  /** How the question was read (respond() tells it), for the echo line. Default 'own'. */
  reading?: Reading;
  /** Questions to offer when the input was empty or unreadable. */
  examples?: readonly string[];
  /** Add each hit's score breakdown (ask --debug). */
  debug?: boolean;
  /** The corpus's English names of its subjects (Engine.vocabulary.subjectsEn). */
  subjectsEn?: SubjectNames;
}

export function formatReplyText(reply: Reply, options: ReplyFormatOptions = {}): string {
  const text = renderReply(reply, {
    lang: options.lang ?? 'zh',
    language: options.language ?? 'zh-Hans',
    format: 'plain',
    style: 'full',
    showQuestion: options.showQuestion ?? false,
    reading: options.reading ?? 'own',
    examples: options.examples ?? [],
    ...(options.subjectsEn ? { subjectsEn: options.subjectsEn } : {}),
  });
  if (!options.debug || reply.kind !== 'found') return text;
  const lines = reply.hits.flatMap((hit, i) => {
    const k = hit.keyFigure;
    const key = k
      ? `  key ${k.raw}: ${k.role} of ${k.measure ?? '?'} · ${k.entity ?? '?'}${k.entityInherited ? ' (inherited)' : ''} · ${k.period ?? '?'}${k.periodInherited ? ' (inherited)' : ''}${k.base ? ` · vs ${k.base}` : ''}${k.partOf ? ` · part of ${k.partOf}` : ''}`
      : null;
    return [`  #${i + 1} score ${hit.score} = ${JSON.stringify(hit.why)}`, ...(key ? [key] : [])];
  });
  return [text, '', 'debug:', ...lines].join('\n');
}

export function replyToJson(reply: Reply, options: Pick<ReplyFormatOptions, 'debug'> = {}): AnswerJson | ComputedJson {
  return reply.kind === 'computed' ? computedToJson(reply) : answerToJson(reply, { debug: options.debug ?? false });
}
