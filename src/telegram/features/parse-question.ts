// Decides whether a text message is addressed to the bot and, if so, what the question is.
// Pure: a message and the bot's identity in, a decision out.
import type { Message, MessageEntity } from 'telegraf/types';

export interface BotIdentity {
  id: number;
  username: string;
}

export type ChatKind = 'private' | 'group' | 'supergroup' | 'channel';

/** What a text message means to the bot. */
export type Addressed =
  /** A question to answer. `via` says how it was addressed (for logs and tests). */
  | { kind: 'question'; text: string; via: 'private' | 'ask' | 'mention' | 'reply' }
  /** "/ask" (or a bare mention) with nothing to ask. */
  | { kind: 'ask-empty' }
  /** Some other command meant for this bot (or for every bot). */
  | { kind: 'command'; name: string }
  /** Not for this bot: stay quiet. */
  | { kind: 'ignore' };

type TextMessage = Pick<Message.TextMessage, 'text' | 'entities'> & {
  reply_to_message?: Message.CommonMessage['reply_to_message'];
};

function sliceEntity(text: string, entity: MessageEntity): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}

function isMe(entity: MessageEntity, text: string, bot: BotIdentity): boolean {
  if (entity.type === 'mention') return sliceEntity(text, entity).toLowerCase() === `@${bot.username.toLowerCase()}`;
  if (entity.type === 'text_mention') return entity.user.id === bot.id;
  return false;
}

/** The text with the given entities cut out. */
function without(text: string, entities: readonly MessageEntity[]): string {
  let out = text;
  for (const entity of [...entities].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, entity.offset) + ' ' + out.slice(entity.offset + entity.length);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The text of the message replied to, when a user addresses the bot with nothing else ("/ask" as a reply). */
function repliedText(message: TextMessage): string | null {
  const replied = message.reply_to_message;
  if (replied === undefined || !('text' in replied) || typeof replied.text !== 'string') return null;
  const text = replied.text.trim();
  return text === '' ? null : text;
}

function repliesToBot(message: TextMessage, bot: BotIdentity): boolean {
  return message.reply_to_message?.from?.id === bot.id;
}

/**
 * Private chats: any text is a question. Groups: "/ask …", "/ask@Bot …", "@Bot …" and replies to the bot's
 * own messages; everything else is ignored (the bot is designed for privacy mode on).
 */
export function parseQuestion(message: TextMessage, chat: ChatKind, bot: BotIdentity): Addressed {
  const text = message.text;
  const entities = message.entities ?? [];
  const first = entities[0];
  if (first !== undefined && first.type === 'bot_command' && first.offset === 0) {
    const [command = '', target] = sliceEntity(text, first).slice(1).split('@');
    if (target !== undefined && target.toLowerCase() !== bot.username.toLowerCase()) return { kind: 'ignore' };
    const name = command.toLowerCase();
    if (name !== 'ask') return chat === 'channel' ? { kind: 'ignore' } : { kind: 'command', name };
    const rest = without(text.slice(first.length), []);
    if (rest !== '') return { kind: 'question', text: rest, via: 'ask' };
    const replied = repliedText(message);
    return replied === null ? { kind: 'ask-empty' } : { kind: 'question', text: replied, via: 'ask' };
  }
  if (chat === 'private') {
    const question = without(
      text,
      entities.filter((e) => isMe(e, text, bot)),
    );
    return question === '' ? { kind: 'ask-empty' } : { kind: 'question', text: question, via: 'private' };
  }
  if (chat === 'channel') return { kind: 'ignore' };
  const mentions = entities.filter((e) => isMe(e, text, bot));
  if (mentions.length > 0) {
    const question = without(text, mentions);
    if (question !== '') return { kind: 'question', text: question, via: 'mention' };
    const replied = repliedText(message);
    return replied === null ? { kind: 'ask-empty' } : { kind: 'question', text: replied, via: 'mention' };
  }
  if (repliesToBot(message, bot)) {
    const question = text.trim();
    return question === '' ? { kind: 'ignore' } : { kind: 'question', text: question, via: 'reply' };
  }
  return { kind: 'ignore' };
}
