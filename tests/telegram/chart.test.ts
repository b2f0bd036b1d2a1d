// End to end: a comparison or sum over several figures gets its bar chart as a photo after the text answer, in a
// private chat and in a group (a reply to the question, in its topic); the text never waits for the chart. In
// process (the worker thread from the sources) and as `node dist/main.js` (the bundled worker).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pngSize } from '../../src/present/index.js';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';
import { startHarness, type Harness } from './harness.js';
import { killLeftovers, startMain, within } from './process.js';
import { alice, bob, group, privateChat, say } from './updates.js';

// A cold chart thread (tsx compiling the renderers in it) takes seconds on a loaded machine.
const PHOTO_MS = 30_000;

describe('charts in the bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: { charts: { enabled: true } } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('private chat: the text answer first, then the chart as a photo, with one bar per operand', async () => {
    const chat = privateChat(alice);
    // Hold the photo back: the update is handled (its text answer out) while the chart is still on its way.
    h.api.delay('sendPhoto', 300);
    const update = say(h.api, chat, alice, '哪个产业计划投资最多？');
    await h.api.processed(update.update_id);
    const [text] = h.api.botMessages(chat.id);
    expect(text!.plain).toContain('▶ 最多：智能制造（414.5亿元）');
    expect(h.api.botPhotos(chat.id)).toHaveLength(0);

    const [photo] = await h.api.waitFor(
      () => (h.api.botPhotos(chat.id).length > 0 ? h.api.botPhotos(chat.id) : null),
      PHOTO_MS,
      'the chart',
    );
    expect(photo!.caption).toBe('最多：智能制造（414.5亿元）');
    expect(photo!.reply_to_message_id).toBeUndefined();
    const png = photo!.upload!.bytes;
    expect(photo!.upload!.filename).toBe('chart.png');
    expect(pngSize(png)).toEqual({ width: photo!.photo[0]!.width, height: photo!.photo[0]!.height });
    expect(pngSize(png)!.width).toBe(960);
    const methods = h.api.calls.filter((c) => c.status === 200).map((c) => c.method);
    expect(methods.lastIndexOf('sendMessage')).toBeLessThan(methods.lastIndexOf('sendPhoto'));
  }, 40_000);

  it('group: the chart is a reply to the question, in its forum topic', async () => {
    const update = say(h.api, group, bob, '/ask 三大主导产业在建项目一共有多少个？', { threadId: 77 });
    await h.api.processed(update.update_id);
    const text = h.api.botMessages(group.id).at(-1)!;
    expect(text.plain).toContain('合计：122个');
    const photo = await h.api.waitFor(() => h.api.botPhotos(group.id).at(-1), PHOTO_MS, 'the group chart');
    expect(photo.caption).toBe('合计：122个');
    expect(photo.reply_to_message_id).toBe(update.message.message_id);
    expect(photo.message_thread_id).toBe(77);
  }, 40_000);

  it('a single figure, a not-found and small talk get no chart', async () => {
    const chat = privateChat(alice);
    const before = h.api.botPhotos().length;
    for (const q of ['浑南区有多少家国家高新技术企业？', '火星上有多少人', '你好']) {
      const update = say(h.api, chat, alice, q);
      await h.api.processed(update.update_id);
    }
    // A chart would be under way by now (sendAfter starts it before the handler returns).
    expect(h.api.requests.filter((m) => m === 'sendPhoto').length).toBe(before);
  });
});

describe('node dist/main.js', () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await new FakeBotApi(TEST_TOKEN).start();
  });
  afterEach(killLeftovers);
  afterAll(async () => {
    await api.stop();
  });

  it('sends the chart from the bundled worker thread, and stops cleanly', async () => {
    const run = startMain(
      { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, WARM_UP_MS: '0' },
      mkdtempSync(join(tmpdir(), 'factbot-chart-')),
    );
    await within(api.waitForRequest('getUpdates'), 10_000, 'first getUpdates');
    say(api, privateChat(alice), alice, '智能制造比新能源汽车多多少个在建项目？');
    const photo = await api.waitFor(() => api.botPhotos(alice.id)[0], PHOTO_MS, 'the chart');
    expect(photo.caption).toBe('智能制造比新能源汽车多88个');
    expect(pngSize(photo.upload!.bytes)).not.toBeNull();
    run.child.kill('SIGTERM');
    expect(await within(run.exit, 10_000, 'exit')).toEqual({ code: 0, signal: null });
    expect(run.stderr()).not.toContain('chart not sent');
  }, 40_000);
});

describe('the chart thread', () => {
  it(
    'ends an idle worker, and starts another for the next chart',
    async () => {
      const { buildEngineFromDir } = await import('../../src/answer/index.js');
      const { createResponder } = await import('../../src/app/index.js');
      const { barChartOf } = await import('../../src/present/index.js');
      const { createChartThread } = await import('../../src/telegram/features/chart-thread.js');
      const { engine } = await buildEngineFromDir(new URL('../../corpus', import.meta.url).pathname);
      const chart = barChartOf(createResponder(engine).respond('哪个产业计划投资最多？').reply)!;
      const thread = createChartThread({ idleMs: 0 });
      try {
        expect(thread.running).toBe(false);
        for (let round = 0; round < 2; round++) {
          const png = thread.render(chart);
          expect(thread.running).toBe(true);
          expect(pngSize(await png)).not.toBeNull();
          // Nothing left to draw: the worker is ended (the idle timer fires at once with idleMs 0).
          await vi.waitFor(() => expect(thread.running).toBe(false), { timeout: 5_000, interval: 10 });
        }
      } finally {
        await thread.close();
      }
    },
    PHOTO_MS * 2,
  );
});
