import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/telegram/features/parse-question.js';
import { entitiesOf } from './updates.js';

const bot = { id: 42, username: 'FactTestBot' };
const msg = (text: string, extra: Record<string, unknown> = {}) => ({ text, entities: entitiesOf(text) as any, ...extra });

describe('parseQuestion', () => {
  it('takes any private text as a question', () => {
    expect(parseQuestion(msg('浑南区常住人口多少人？'), 'private', bot)).toEqual({
      kind: 'question',
      text: '浑南区常住人口多少人？',
      via: 'private',
    });
  });

  it('takes /ask and /ask@ThisBot (any case) everywhere, ignores /ask@OtherBot', () => {
    expect(parseQuestion(msg('/ask  人口 多少'), 'group', bot)).toEqual({ kind: 'question', text: '人口 多少', via: 'ask' });
    expect(parseQuestion(msg('/ask@facttestbot 人口'), 'supergroup', bot)).toMatchObject({ kind: 'question', text: '人口' });
    expect(parseQuestion(msg('/ask@OtherBot 人口'), 'supergroup', bot)).toEqual({ kind: 'ignore' });
    expect(parseQuestion(msg('/ask'), 'group', bot)).toEqual({ kind: 'ask-empty' });
  });

  it('asks the replied-to text for a bare /ask', () => {
    const reply = { reply_to_message: { message_id: 1, date: 0, chat: { id: -1, type: 'group', title: 'g' }, text: '面积多大？' } };
    expect(parseQuestion(msg('/ask', reply), 'group', bot)).toMatchObject({ kind: 'question', text: '面积多大？' });
  });

  it('takes a mention of the bot in groups, cutting the mention out', () => {
    expect(parseQuestion(msg('请问 @FactTestBot 人口多少？'), 'group', bot)).toEqual({
      kind: 'question',
      text: '请问 人口多少？',
      via: 'mention',
    });
    expect(parseQuestion(msg('@someone 人口多少？'), 'group', bot)).toEqual({ kind: 'ignore' });
    const textMention = {
      text: 'Fact 人口多少？',
      entities: [{ type: 'text_mention', offset: 0, length: 4, user: { id: 42, is_bot: true, first_name: 'Fact' } }],
    };
    expect(parseQuestion(textMention as any, 'group', bot)).toMatchObject({ kind: 'question', text: '人口多少？' });
  });

  it('takes replies to the bot in groups and ignores replies to others and plain chatter', () => {
    const toBot = {
      reply_to_message: {
        message_id: 1,
        date: 0,
        chat: { id: -1, type: 'group', title: 'g' },
        from: { id: 42, is_bot: true, first_name: 'F' },
        text: 'x',
      },
    };
    const toUser = {
      reply_to_message: {
        message_id: 1,
        date: 0,
        chat: { id: -1, type: 'group', title: 'g' },
        from: { id: 7, is_bot: false, first_name: 'U' },
        text: 'x',
      },
    };
    expect(parseQuestion(msg('那面积呢？', toBot), 'group', bot)).toEqual({ kind: 'question', text: '那面积呢？', via: 'reply' });
    expect(parseQuestion(msg('那面积呢？', toUser), 'group', bot)).toEqual({ kind: 'ignore' });
    expect(parseQuestion(msg('大家好'), 'supergroup', bot)).toEqual({ kind: 'ignore' });
  });

  it('reports other commands so private chats can hint at /help', () => {
    expect(parseQuestion(msg('/foo'), 'private', bot)).toEqual({ kind: 'command', name: 'foo' });
    expect(parseQuestion(msg('/foo@OtherBot'), 'private', bot)).toEqual({ kind: 'ignore' });
  });
});
