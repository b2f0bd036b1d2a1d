// The process as `npm start` runs it (dist/main.js) over a corpus folder of its own: main.ts wires the watcher
// (live reload) and the documents feature (ADMIN_USER_IDS), and stops them on SIGTERM.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';
import { QINGSHAN_QUESTION, QINGSHAN_TXT, tempCorpus } from '../library/helpers.js';
import { qingshanDocx, sendFile } from './library-harness.js';
import { killLeftovers, printed, startMain, within } from './process.js';
import { alice, buttonsOf, pressButton, privateChat, say } from './updates.js';

let api: FakeBotApi;
const corpus = tempCorpus();
beforeAll(async () => {
  api = await new FakeBotApi(TEST_TOKEN).start();
});
afterEach(killLeftovers);
afterAll(async () => {
  await api.stop();
  corpus.cleanup();
});

async function ask(question: string) {
  const before = api.botMessages(alice.id).length;
  const update = say(api, privateChat(alice), alice, question);
  await api.processed(update.update_id, 15_000);
  return api.botMessages(alice.id).slice(before);
}

describe('node dist/main.js with a corpus that changes', () => {
  it('answers from a file dropped in and from a document an admin adds, then stops cleanly', async () => {
    const run = startMain(
      {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        CORPUS_DIR: corpus.dir,
        ADMIN_USER_IDS: String(alice.id),
        CORPUS_RELOAD_DEBOUNCE_MS: '50',
        WARM_UP_MS: '0',
      },
      corpus.dir,
    );
    await within(api.waitForRequest('getUpdates'), 15_000, 'getUpdates');

    writeFileSync(join(corpus.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    await printed(run, 'corpus reloaded: new engine in service', 15_000);
    expect((await ask(QINGSHAN_QUESTION))[0]!.bold).toContain('128家');

    const before = api.botMessages(alice.id).length;
    sendFile(api, alice, qingshanDocx(), '清河县.docx');
    // "Reading…", then the preview with its buttons.
    const preview = await api.waitFor(() => api.botMessages(alice.id)[before + 1], 15_000, 'the preview');
    expect(preview.plain).toContain('已读取《青山县2023年国民经济和社会发展统计公报》');
    pressButton(api, alice, preview, buttonsOf(preview).find((b) => b.text === '添加')!.data!);
    const added = await api.waitFor(() => api.botMessages(alice.id)[before + 2], 15_000, 'added');
    expect(added.plain).toMatch(/^已添加《青山县2023年国民经济和社会发展统计公报》/);
    await printed(run, 'document added from Telegram');

    run.child.kill('SIGTERM');
    expect(await within(run.exit, 15_000, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
    expect(run.stderr()).not.toContain('update failed');
    expect(run.stderr()).not.toContain(TEST_TOKEN.split(':')[1]);
  });
});
