// The real bot over a corpus folder of its own (a temp copy of corpus/), with its engine holder, reload queue,
// documents feature and, when asked, the watcher: what main.ts wires, against the fake Bot API on 127.0.0.1.
import { once } from 'node:events';
import { Documents } from '../../src/library/documents.js';
import type { ReloadOutcome } from '../../src/library/reload-queue.js';
import { watchCorpus, type CorpusWatcher } from '../../src/library/watch.js';
import { createBot } from '../../src/telegram/create-bot.js';
import { launchBot, type RunningBot } from '../../src/telegram/run-bot.js';
import { FakeBotApi, TEST_TOKEN, type FakeUser, type SentMessage } from '../../tools/fake-bot-api.js';
import { openTestLibrary, tempCorpus, type TestLibrary } from '../library/helpers.js';
import { NO_RATE_LIMIT } from './harness.js';
import { privateChat, say } from './updates.js';
import { docxWith, documentXml, para } from '../corpus/readers/helpers.js';

export interface LibraryBot extends TestLibrary {
  api: FakeBotApi;
  running: RunningBot;
  documents: Documents;
  watcher: CorpusWatcher | null;
  /** The next outcome of the reload queue of this kind. */
  next(event: 'swapped' | 'failed' | 'unchanged'): Promise<ReloadOutcome>;
  /** Sends a private message and returns the bot's replies to it (once the update is handled). */
  ask(from: FakeUser, text: string): Promise<SentMessage[]>;
  /** Waits for the n-th message to a chat counted from `after` (work that runs on after the update). */
  messageAfter(chatId: number, after: number, what: string): Promise<SentMessage>;
  stop(): Promise<void>;
}

export interface LibraryBotOptions {
  admins?: number[];
  maxBytes?: number;
  /** Watch the folder with this debounce; default: no watcher. */
  watchDebounceMs?: number;
}

export async function startLibraryBot(options: LibraryBotOptions = {}): Promise<LibraryBot> {
  const corpus = tempCorpus();
  const lib = await openTestLibrary(corpus.dir);
  const documents = new Documents({
    reloader: lib.reloader,
    build: lib.build,
    logger: lib.logger,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
  });
  await documents.start();
  const api = await new FakeBotApi(TEST_TOKEN).start();
  const bot = createBot(TEST_TOKEN, {
    holder: lib.holder,
    documents,
    logger: lib.logger,
    options: { apiRoot: api.apiRoot, adminUserIds: options.admins ?? [], rateLimit: NO_RATE_LIMIT },
  });
  const running = await launchBot(bot, { mode: 'polling' }, lib.logger, {}, undefined, options.admins ?? []);
  const watcher =
    options.watchDebounceMs === undefined
      ? null
      : await watchCorpus({ reloader: lib.reloader, logger: lib.logger, debounceMs: options.watchDebounceMs });
  return {
    ...lib,
    api,
    running,
    documents,
    watcher,
    next: (event) => once(lib.reloader, event).then(([outcome]) => outcome as ReloadOutcome),
    async ask(from, text) {
      const chat = privateChat(from);
      const before = api.botMessages(chat.id).length;
      const update = say(api, chat, from, text);
      await api.processed(update.update_id);
      return api.botMessages(chat.id).slice(before);
    },
    messageAfter(chatId, after, what) {
      return api.waitFor(() => api.botMessages(chatId)[after], 20_000, what);
    },
    async stop() {
      await watcher?.close();
      await lib.reloader.idle();
      await running.stop('test over');
      await api.stop();
      await documents.stop();
      corpus.cleanup();
    },
  };
}

const STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>`;

/** A Word .docx made here: a county bulletin with headings, figures and one table. */
export function qingshanDocx(): Uint8Array {
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const table = `<w:tbl><w:tr>${cell('指标')}${cell('数量')}</w:tr><w:tr>${cell('茶园面积（万亩）')}${cell('4.6')}</w:tr><w:tr>${cell('果园面积（万亩）')}${cell('2.3')}</w:tr></w:tbl>`;
  const body =
    para('青山县2023年国民经济和社会发展统计公报', 'Title') +
    para('一、综合', '1') +
    para('2023年末，青山县常住人口为35.6万人。全年地区生产总值达到186.4亿元，比上年增长5.8%。') +
    para('二、工业', '1') +
    para('全县共有规模以上工业企业128家，全年规模以上工业增加值增长7.1%。') +
    para('三、农业', '1') +
    para('全年粮食总产量12.8万吨，比上年增长3.2%。') +
    para('表1 主要农业指标') +
    table;
  return docxWith({ data: Buffer.from(documentXml(body)) }, [
    { name: 'word/styles.xml', data: Buffer.from(STYLES) },
    {
      name: 'docProps/core.xml',
      data: Buffer.from(
        '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>青山县2023年国民经济和社会发展统计公报</dc:title></cp:coreProperties>',
      ),
    },
  ]);
}

/** A message from `from` carrying a document (as Telegram delivers a file sent in a chat). */
export function sendFile(
  api: FakeBotApi,
  from: FakeUser,
  bytes: Uint8Array,
  fileName: string,
  options: { declaredSize?: number | null; mimeType?: string } = {},
) {
  const document = api.addFile(bytes, fileName, options);
  return api.pushUpdate({
    message: { message_id: api.newMessageId(), date: Math.floor(Date.now() / 1000), chat: privateChat(from), from, document },
  });
}
