// The console chat: one question per line on stdin, the same answer text the bot sends in a private chat,
// as plain text. Returns at the end of input.
import { createInterface } from 'node:readline';
import type { Engine } from '../answer/engine-types.js';
import type { Lang } from '../telegram/i18n.js';
import { renderAnswer } from '../telegram/render.js';
import { pickExamples, renderSource, renderTopics } from '../telegram/render-info.js';

/** Console chat options. */
export interface ConsoleChatOptions {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** UI language of the frame around answers. Default 'zh'. */
  lang?: Lang;
  /** Show a "> " prompt (only sensible on a terminal). Default false. */
  prompt?: boolean;
  /** Called once the chat is listening (main.ts wires SIGINT/SIGTERM to `close`). */
  onReady?: (close: () => void) => void;
}

/** How many hits a console answer shows: as many as a private Telegram answer. */
const CONSOLE_HITS = 3;

/** The reply to one line: a question, or /topics, /source, /ask 问题. */
export function replyToLine(engine: Engine, line: string, lang: Lang = 'zh'): string {
  const text = line.trim();
  const command = /^\/(\w+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (command?.[1] === 'topics') return renderTopics(engine.topics(), lang, 'plain');
  if (command?.[1] === 'source') return renderSource(engine.documents, engine.facts.length, lang, 'plain');
  const question = command?.[1] === 'ask' ? (command[2] ?? '') : text;
  const answer = engine.ask(question, { limit: CONSOLE_HITS });
  return renderAnswer(answer, {
    lang,
    format: 'plain',
    style: 'full',
    examples: pickExamples(engine.topics(), 1),
  });
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { engine, output } = options;
  const lang = options.lang ?? 'zh';
  const rl = createInterface({ input: options.input, terminal: false });
  const showPrompt = () => {
    if (options.prompt) output.write('> ');
  };
  options.onReady?.(() => rl.close());
  showPrompt();
  for await (const line of rl) {
    if (line.trim() !== '') output.write(`${replyToLine(engine, line, lang)}\n\n`);
    showPrompt();
  }
}
