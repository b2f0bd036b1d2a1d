// Builders for the updates Telegram would send: entities computed the way Telegram computes them.
import type { FakeBotApi, FakeUser, SentMessage } from '../../tools/fake-bot-api.js';

type Json = Record<string, any>;

export const alice: FakeUser = { id: 1001, is_bot: false, first_name: 'Alice', language_code: 'zh-hans' };
export const bob: FakeUser = { id: 1002, is_bot: false, first_name: 'Bob', username: 'bob', language_code: 'en' };

export interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  is_forum?: boolean;
}

export function privateChat(user: FakeUser): Chat {
  return { id: user.id, type: 'private', first_name: user.first_name };
}

export const group: Chat = { id: -1001234567890, type: 'supergroup', title: 'Test group', is_forum: true };

/** bot_command at the start, @mentions anywhere (offsets in UTF-16 code units, as Telegram counts). */
export function entitiesOf(text: string): Json[] {
  const entities: Json[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
    if (command && m.index! < command[0].length) continue;
    entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  }
  return entities;
}

export interface TextOptions {
  replyTo?: SentMessage | Json;
  threadId?: number;
}

export function textMessage(api: FakeBotApi, chat: Chat, from: FakeUser, text: string, options: TextOptions = {}): Json {
  const entities = entitiesOf(text);
  const message: Json = {
    message_id: api.newMessageId(),
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
    text,
    ...(entities.length > 0 ? { entities } : {}),
  };
  if (options.threadId !== undefined) {
    message.message_thread_id = options.threadId;
    message.is_topic_message = true;
  }
  if (options.replyTo) {
    const replied = options.replyTo;
    message.reply_to_message = {
      message_id: replied.message_id,
      date: replied.date,
      chat,
      from: 'plain' in replied ? api.bot : replied.from,
      text: 'plain' in replied ? replied.plain : replied.text,
    };
  }
  return message;
}

/** Queues a text message from a user; returns the update. */
export function say(api: FakeBotApi, chat: Chat, from: FakeUser, text: string, options: TextOptions = {}) {
  return api.pushUpdate({ message: textMessage(api, chat, from, text, options) });
}

let callbackSeq = 1;
export function pressButton(api: FakeBotApi, from: FakeUser, message: SentMessage, data: string) {
  return api.pushUpdate({
    callback_query: {
      id: `cb${callbackSeq++}`,
      from,
      chat_instance: '42',
      message: { message_id: message.message_id, date: message.date, chat: message.chat, from: api.bot, text: message.plain },
      data,
    },
  });
}

let inlineSeq = 1;
export function inlineQuery(api: FakeBotApi, from: FakeUser, query: string) {
  return api.pushUpdate({ inline_query: { id: `iq${inlineSeq++}`, from, query, offset: '' } });
}

/** The callback_data of every button on a message, row by row. */
export function buttonsOf(message: SentMessage): Array<{ text: string; data?: string }> {
  const rows: Json[][] = message.reply_markup?.inline_keyboard ?? [];
  return rows.flat().map((b) => ({ text: b.text, data: b.callback_data }));
}
