// Inline keyboards and their callback data. Callback data holds ids and small numbers, never question text,
// and always fits Telegram's 64-byte limit.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Fact } from '../../facts/index.js';
import type { QuestionLanguage } from '../../text/index.js';

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/**
 * What a button press asks for. A "more" button remembers the language of the question it continues
 * (English, or Traditional characters) as one letter, so the next page reads like the answer; none: Simplified.
 */
export type CallbackAction =
  | { kind: 'example'; index: number; language?: QuestionLanguage }
  | { kind: 'more'; offset: number; factId: string; language?: QuestionLanguage }
  | { kind: 'more-at'; offset: number; factIndex: number; language?: QuestionLanguage }
  /** 原文 / context: the fact in its paragraph, its figure numbered `figure` marked (the answer's). */
  | { kind: 'context'; figure: number; factId: string; language?: QuestionLanguage }
  | { kind: 'context-at'; figure: number; factIndex: number; language?: QuestionLanguage };

const LANGUAGE_MARKS = { en: 'e', 'zh-Hant': 't', 'zh-Hans': '' } as const satisfies Record<QuestionLanguage, string>;

function markOf(language: QuestionLanguage | undefined): string {
  return language === undefined ? '' : LANGUAGE_MARKS[language];
}

function languageOfMark(mark: string | undefined): { language?: QuestionLanguage } {
  if (mark === 'e') return { language: 'en' };
  if (mark === 't') return { language: 'zh-Hant' };
  return {};
}

export function encodeCallback(action: CallbackAction): string {
  switch (action.kind) {
    case 'example':
      return `ex${markOf(action.language)}:${action.index}`;
    case 'more':
      return `m${markOf(action.language)}:${action.offset}:${action.factId}`;
    case 'more-at':
      return `n${markOf(action.language)}:${action.offset}:${action.factIndex}`;
    case 'context':
      return `x${markOf(action.language)}:${action.figure}:${action.factId}`;
    case 'context-at':
      return `y${markOf(action.language)}:${action.figure}:${action.factIndex}`;
  }
}

function parseCount(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return null;
  return Number(text);
}

/** Parses callback data back into an action; null for anything this bot did not make. */
export function decodeCallback(data: string): CallbackAction | null {
  const match = /^(ex|m|n|x|y)([et]?):(.*)$/s.exec(data);
  if (match === null) return null;
  const [, kind, mark, rest = ''] = match;
  if (kind === 'ex') {
    if (mark === 't') return null;
    const index = parseCount(rest);
    return index === null ? null : { kind: 'example', index, ...languageOfMark(mark) };
  }
  const colon = rest.indexOf(':');
  if (colon === -1) return null;
  const offset = parseCount(rest.slice(0, colon));
  const ref = rest.slice(colon + 1);
  if (offset === null || ref === '') return null;
  if (kind === 'm') return { kind: 'more', offset, factId: ref, ...languageOfMark(mark) };
  if (kind === 'x') return { kind: 'context', figure: offset, factId: ref, ...languageOfMark(mark) };
  const factIndex = parseCount(ref);
  if (factIndex === null) return null;
  if (kind === 'y') return { kind: 'context-at', figure: offset, factIndex, ...languageOfMark(mark) };
  return { kind: 'more-at', offset, factIndex, ...languageOfMark(mark) };
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Callback data for "more related facts" of a fact: its id when short enough, else its index in the corpus. */
export function moreCallbackData(factId: string, offset: number, facts: readonly Fact[], language?: QuestionLanguage): string | null {
  const byId = encodeCallback({ kind: 'more', offset, factId, ...(language ? { language } : {}) });
  if (byteLength(byId) <= CALLBACK_DATA_LIMIT) return byId;
  const index = facts.findIndex((fact) => fact.id === factId);
  return index === -1 ? null : encodeCallback({ kind: 'more-at', offset, factIndex: index, ...(language ? { language } : {}) });
}

/** The "更多相关数据" button, or undefined when the fact cannot be referred to. */
export function moreKeyboard(
  label: string,
  factId: string,
  offset: number,
  facts: readonly Fact[],
  language?: QuestionLanguage,
): InlineKeyboardMarkup | undefined {
  const data = moreCallbackData(factId, offset, facts, language);
  return data === null ? undefined : { inline_keyboard: [[{ text: label, callback_data: data }]] };
}

/** Callback data for the 原文 / context button of a fact: its id when short enough, else its index in the corpus. */
export function contextCallbackData(factId: string, figure: number, facts: readonly Fact[], language?: QuestionLanguage): string | null {
  const lang = language ? { language } : {};
  const byId = encodeCallback({ kind: 'context', figure, factId, ...lang });
  if (byteLength(byId) <= CALLBACK_DATA_LIMIT) return byId;
  const index = facts.findIndex((fact) => fact.id === factId);
  return index === -1 ? null : encodeCallback({ kind: 'context-at', figure, factIndex: index, ...lang });
}

/** The buttons under an answer: 更多相关数据 (when there is more) and 原文 / context (when given), on one row. */
export function answerKeyboard(
  buttons: { context?: { label: string; figure: number }; more?: { label: string } },
  factId: string,
  facts: readonly Fact[],
  language?: QuestionLanguage,
): InlineKeyboardMarkup | undefined {
  const row: InlineKeyboardButton[] = [];
  const moreData = buttons.more ? moreCallbackData(factId, 0, facts, language) : null;
  if (buttons.more && moreData !== null) row.push({ text: buttons.more.label, callback_data: moreData });
  const contextData = buttons.context ? contextCallbackData(factId, buttons.context.figure, facts, language) : null;
  if (buttons.context && contextData !== null) row.push({ text: buttons.context.label, callback_data: contextData });
  return row.length === 0 ? undefined : { inline_keyboard: [row] };
}

/** One button per example question, one per row (Chinese questions are long); English ones remember so. */
export function examplesKeyboard(examples: readonly string[], language?: QuestionLanguage): InlineKeyboardMarkup | undefined {
  if (examples.length === 0) return undefined;
  const rows: InlineKeyboardButton[][] = examples.map((question, index) => [
    { text: question, callback_data: encodeCallback({ kind: 'example', index, ...(language === 'en' ? { language } : {}) }) },
  ]);
  return { inline_keyboard: rows };
}
