// The console chat: one question per line on stdin, the same answer text the bot sends in a private chat,
// as plain text (the text `ask` prints too: present/reply-format.ts). One conversation (chat 0, user 0), so follow-ups work as in a chat. Returns at the end of
// input.
import { createInterface } from 'node:readline';
import type { Engine } from '../answer/index.js';
import type { ContextStoreOptions } from '../app/index.js';
import { createEngineHolder, createServedContextStore, type EngineHolder } from '../library/index.js';
import { FULL_ANSWER_HITS, formatReplyText, renderSource, renderTopics, type Lang } from '../present/index.js';

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

/** Replies to lines as the bot replies in a private chat, remembering the last question for follow-ups. */
export function createLineReplier(
  source: Engine | EngineHolder,
  lang: Lang = 'zh',
  context: ContextStoreOptions = {},
): (line: string) => string {
  const holder = 'current' in source ? source : createEngineHolder(source);
  const store = createServedContextStore(holder, context);
  return (line) => {
    const { engine, responder } = holder.current();
    const examples = holder.current().examples.slice(0, 1);
    const text = line.trim();
    const command = /^\/(\w+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
    if (command?.[1] === 'topics') return renderTopics(engine.topics(), lang, 'plain');
    if (command?.[1] === 'source') return renderSource(engine.documents, engine.facts.length, lang, 'plain');
    const question = command?.[1] === 'ask' ? (command[2] ?? '') : text;
    const response = responder.respond(question, { limit: FULL_ANSWER_HITS, conversation: { store, ...CONSOLE_CHAT } });
    return formatReplyText(response.reply, {
      lang,
      language: response.language,
      showQuestion: response.usedContext,
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
