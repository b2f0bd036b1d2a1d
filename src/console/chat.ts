// The console chat: one question per line on stdin, the same answer text the bot sends in a private chat,
// as plain text (the text `ask` prints too: present/reply-format.ts). One conversation (chat 0, user 0), so follow-ups work as in a chat. Returns at the end of
// input.
import { createInterface } from 'node:readline';
import type { Engine } from '../answer/index.js';
import { sourceContext, type ContextStoreOptions } from '../app/index.js';
import { createEngineHolder, createServedContextStore, type EngineHolder } from '../library/index.js';
import {
  FULL_ANSWER_HITS,
  formatReplyText,
  renderGreeting,
  renderHelp,
  renderSmallTalk,
  renderSource,
  renderSourceContext,
  renderTopics,
  textsFor,
  type Lang,
} from '../present/index.js';

/** Console chat options. */
export interface ConsoleChatOptions {
  /** A fixed engine, or the holder of the engine in service (live reload): each line reads its current engine. */
  engine?: Engine;
  holder?: EngineHolder;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** UI language of the frame around answers (an English question always gets English). Default 'zh'. */
  lang?: Lang;
  /** Show a "> " prompt (only sensible on a terminal). Default false. */
  prompt?: boolean;
  /** Follow-up context (ttlMs, maxEntries, now); defaults as in context-store.ts (5 minutes). */
  context?: ContextStoreOptions;
  /** Called once the chat is listening (main.ts wires SIGINT/SIGTERM to `close`). */
  onReady?: (close: () => void) => void;
}

/** The one conversation of the console: as a private chat with one user. */
const CONSOLE_CHAT = { chatId: 0, userId: 0 } as const;

/** The name the console goes by in "how to ask" texts (there is no bot username here). */
const CONSOLE_NAME = 'factbot';

/**
 * Replies to lines as the bot replies in a private chat, remembering the last question for follow-ups. It
 * takes the bot's commands (/start, /help, /topics, /source, /ask …), and /context (or 原文) shows the last
 * answer's sentence in its paragraph, as the bot's 原文 button does.
 */
export function createLineReplier(
  source: Engine | EngineHolder,
  lang: Lang = 'zh',
  context: ContextStoreOptions = {},
): (line: string) => string {
  const holder = 'current' in source ? source : createEngineHolder(source);
  const store = createServedContextStore(holder, context);
  return (line) => {
    const served = holder.current();
    const { engine, responder } = served;
    const examples = lang === 'en' ? served.examplesEn : served.examples;
    const text = line.trim();
    const command = /^\/(\w+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
    const name = command?.[1]?.toLowerCase();
    if (name === 'start')
      return [renderGreeting(engine.documents, engine.topics(), lang, 'plain'), ...examples.map((q) => `• ${q}`)].join('\n');
    if (name === 'help') return renderHelp(CONSOLE_NAME, examples[0], lang, 'plain');
    if (name === 'topics') return renderTopics(engine.topics(), lang, 'plain');
    if (name === 'source') return renderSource(engine.documents, engine.facts.length, lang, 'plain');
    if (name === 'context' || text === '原文') {
      const cited = store.get(CONSOLE_CHAT.chatId, CONSOLE_CHAT.userId)?.cited;
      const where = cited ? cited.fact.figures.findIndex((f) => f.start === cited.keyFigure?.start) : -1;
      const found = cited ? sourceContext(engine, cited.fact.id, where >= 0 ? where : null) : null;
      return found ? renderSourceContext(found, lang, 'plain') : textsFor(lang).openChat;
    }
    if (command && name !== 'ask') return textsFor(lang).unknownCommand;
    const question = name === 'ask' ? (command?.[2] ?? '') : text;
    const turn = responder.converse(question, { limit: FULL_ANSWER_HITS, conversation: { store, ...CONSOLE_CHAT } });
    if (turn.kind === 'small-talk') return renderSmallTalk(turn.talk, turn.about, { format: 'plain' });
    const { response } = turn;
    return formatReplyText(response.reply, {
      lang,
      language: response.language,
      showQuestion: response.usedContext || response.reading === 'alone',
      reading: response.reading,
      examples,
      subjectsEn: engine.vocabulary.subjectsEn,
    });
  };
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { output } = options;
  const source = options.holder ?? options.engine;
  if (source === undefined) throw new TypeError('runConsoleChat: give an engine or an engine holder');
  const reply = createLineReplier(source, options.lang ?? 'zh', options.context ?? {});
  const rl = createInterface({ input: options.input, terminal: false });
  const showPrompt = () => {
    if (options.prompt) output.write('> ');
  };
  options.onReady?.(() => rl.close());
  showPrompt();
  for await (const line of rl) {
    if (line.trim() !== '') output.write(`${reply(line)}\n\n`);
    showPrompt();
  }
}
