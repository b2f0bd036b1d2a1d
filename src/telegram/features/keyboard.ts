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
  | { kind: 'example'; index: number }
  | { kind: 'more'; offset: number; factId: string; language?: QuestionLanguage }
  | { kind: 'more-at'; offset: number; factIndex: number; language?: QuestionLanguage };

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
      return `ex:${action.index}`;
    case 'more':
      return `m${markOf(action.language)}:${action.offset}:${action.factId}`;
    case 'more-at':
      return `n${markOf(action.language)}:${action.offset}:${action.factIndex}`;
  }
}

function parseCount(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return null;
  return Number(text);
}

/** Parses callback data back into an action; null for anything this bot did not make. */
export function decodeCallback(data: string): CallbackAction | null {
  const match = /^(ex|m|n)([et]?):(.*)$/s.exec(data);
  if (match === null) return null;
  const [, kind, mark, rest = ''] = match;
  if (kind === 'ex') {
    if (mark !== '') return null;
    const index = parseCount(rest);
    return index === null ? null : { kind: 'example', index };
  }
  const colon = rest.indexOf(':');
  if (colon === -1) return null;
  const offset = parseCount(rest.slice(0, colon));
  const ref = rest.slice(colon + 1);
  if (offset === null || ref === '') return null;
  if (kind === 'm') return { kind: 'more', offset, factId: ref, ...languageOfMark(mark) };
  const factIndex = parseCount(ref);
  return factIndex === null ? null : { kind: 'more-at', offset, factIndex, ...languageOfMark(mark) };
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

/** One button per example question, one per row (Chinese questions are long). */
export function examplesKeyboard(examples: readonly string[]): InlineKeyboardMarkup | undefined {
  if (examples.length === 0) return undefined;
  const rows: InlineKeyboardButton[][] = examples.map((question, index) => [
    { text: question, callback_data: encodeCallback({ kind: 'example', index }) },
  ]);
  return { inline_keyboard: rows };
}
