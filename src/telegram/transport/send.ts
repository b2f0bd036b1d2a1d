// Sending rendered text: split at 4096 characters, HTML parse mode, as a reply in groups, in the right topic.
import type { Telegram } from 'telegraf';
import type { Chat, InlineKeyboardMarkup, Message } from 'telegraf/types';
import { redactSecrets, type Logger } from '../../host/index.js';
import { splitMessage } from '../../present/index.js';

/**
 * Outgoing text with the bot's token (and anything token-shaped) replaced: a reply may echo a user's
 * question, and a question can carry a token pasted by mistake; a group must never read it back.
 */
export function scrubOutgoing(telegram: Pick<Telegram, 'token'>, text: string): string {
  return redactSecrets(text, [telegram.token]);
}

/** Where a reply goes. */
export interface Destination {
  chatId: number;
  /** Message to reply to (groups), sent as reply_parameters. */
  replyTo?: number;
  /** Forum topic to stay in. */
  threadId?: number;
}

type AnyMessage = Pick<Message, 'message_id'> & { is_topic_message?: boolean; message_thread_id?: number };

export function isGroup(chat: Pick<Chat, 'type'> | undefined): boolean {
  return chat?.type === 'group' || chat?.type === 'supergroup';
}

/** Replies in groups go to the question; in forum topics they stay in the question's topic. */
export function destinationOf(message: AnyMessage, chat: Pick<Chat, 'id' | 'type'>): Destination {
  const threadId = message.is_topic_message === true ? message.message_thread_id : undefined;
  return {
    chatId: chat.id,
    ...(isGroup(chat) ? { replyTo: message.message_id } : {}),
    ...(threadId !== undefined ? { threadId } : {}),
  };
}

/** Sends an HTML text in as many messages as it takes; the keyboard goes on the last one. */
export async function sendHtml(
  telegram: Telegram,
  to: Destination,
  html: string,
  keyboard?: InlineKeyboardMarkup,
): Promise<Message.TextMessage[]> {
  const parts = splitMessage(scrubOutgoing(telegram, html));
  const sent: Message.TextMessage[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    sent.push(
      await telegram.sendMessage(to.chatId, part, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(to.threadId !== undefined ? { message_thread_id: to.threadId } : {}),
        ...(index === 0 && to.replyTo !== undefined
          ? { reply_parameters: { message_id: to.replyTo, allow_sending_without_reply: true } }
          : {}),
        ...(last && keyboard !== undefined ? { reply_markup: keyboard } : {}),
      }),
    );
  }
  return sent;
}

/** "typing…": nice to have, so a failure is logged and otherwise ignored. */
export async function showTyping(telegram: Telegram, to: Destination, logger: Logger): Promise<void> {
  try {
    await telegram.sendChatAction(to.chatId, 'typing', to.threadId !== undefined ? { message_thread_id: to.threadId } : {});
  } catch (err) {
    logger.warn({ err, method: 'sendChatAction' }, 'chat action failed, carrying on');
  }
}
