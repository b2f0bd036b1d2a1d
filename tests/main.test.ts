// The process as `npm start` runs it (`node dist/main.js`, built by tests/global-setup.ts), talking to a fake Bot API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/host/log.js';
import { FakeBotApi, TEST_TOKEN } from '../tools/fake-bot-api.js';
import { fakeClock, type FakeClock } from './helpers/fake-clock.js';
import { killLeftovers, printed, startMain, within, type Run } from './telegram/process.js';
import { alice, privateChat, say } from './telegram/updates.js';

let workDir: string;

/** Starts the built bot (tests/global-setup.ts builds dist/) in an empty working directory, so no stray .env. */
function start(env: Record<string, string>, cwd = workDir): Run {
  return startMain(env, cwd);
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'factbot-main-'));
});

afterEach(killLeftovers);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('node dist/main.js', () => {
  let api: FakeBotApi;
  // The process keeps real time; the fake Bot API's own waits (a held answer, long polls) are the test's.
  let clock: FakeClock;
  beforeEach(async () => {
    clock = fakeClock();
    api = await new FakeBotApi(TEST_TOKEN, {}, { clock }).start();
  });
  afterEach(async () => {
    await api.stop();
  });

  it('with a token: polls, answers, and on SIGTERM lets the answer in flight go out, then exits 0', async () => {
    const started = Date.now();
    const run = start({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    await within(api.waitForRequest('getUpdates'), 8000, 'first getUpdates').catch((err: Error) => {
      throw new Error(`${err.message}; stderr: ${run.stderr()}`);
    });
    const readyMs = Date.now() - started;
    expect(api.sent('setMyCommands')).toHaveLength(2);

    // Hold "typing…" back, stop the process while the answer is on its way, and let it go once the process
    // has taken the signal.
    api.delay('sendChatAction', 500);
    const inFlight = new Promise<void>((resolveInFlight) =>
      api.events.on('request', (method) => method === 'sendChatAction' && resolveInFlight()),
    );
    say(api, privateChat(alice), alice, '浑南区有多少家国家高新技术企业？');
    await within(inFlight, 5000, 'the answer to start');
    run.child.kill('SIGTERM');
    await printed(run, 'stopping: finishing the answers in flight');
    expect(api.botMessages(alice.id)).toHaveLength(0); // still on its way
    await clock.advance(500);
    const exit = await within(run.exit, 8000, 'exit after SIGTERM');

    expect(exit).toEqual({ code: 0, signal: null });
    const [answer] = api.botMessages(alice.id);
    expect(answer!.plain).toContain('412家');
    expect(run.stderr()).not.toContain(TEST_TOKEN);
    expect(run.stderr()).not.toContain(TEST_TOKEN.split(':')[1]);
    expect(run.stdout()).toBe('');
    // "ready in under a second" on a quiet machine; allow for a loaded CI box.
    expect(readyMs).toBeLessThan(5000);
  });

  it('exits 0 on SIGINT too', async () => {
    const run = start({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'silent' });
    await within(api.waitForRequest('getUpdates'), 8000, 'getUpdates');
    run.child.kill('SIGINT');
    expect(await within(run.exit, 8000, 'exit after SIGINT')).toEqual({ code: 0, signal: null });
    expect(run.stderr()).toBe('');
  });

  it('with a token Telegram rejects: exits non-zero without printing the token', async () => {
    const wrong = '987654321:AAWrongTokenForTests-abcdefghijklmno';
    const run = start({ TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: api.apiRoot });
    const exit = await within(run.exit, 8000, 'exit');
    expect(exit.code).toBe(1);
    expect(run.stderr()).toContain('could not start the bot');
    expect(run.stderr()).not.toContain(wrong);
    expect(run.stderr()).not.toContain(wrong.split(':')[1]);
  });
});

describe('without a token', () => {
  it('prints one notice on stderr, chats over stdin in plain text, and exits 0 at the end of input', async () => {
    const run = start({});
    run.child.stdin!.end('浑南区有多少家国家高新技术企业？\n\n/source\n');
    const exit = await within(run.exit, 8000, 'exit at end of input');
    expect(exit).toEqual({ code: 0, signal: null });
    const notice = run.stderr().trim().split('\n');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('TELEGRAM_BOT_TOKEN');
    const out = run.stdout();
    expect(out).toContain('答案：【412家】');
    expect(out).toMatch(/出处：《沈阳市浑南区.+第\d+段第\d+句/);
    expect(out).toContain('中共浑南区委宣传部');
    expect(out).not.toMatch(/<\/?b>|&lt;|&amp;/);
  });
});

describe('configuration', () => {
  it('reads .env, and stops on an invalid value with one message naming the variable, never the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-env-'));
    try {
      writeFileSync(join(dir, '.env'), `TELEGRAM_BOT_TOKEN=${TEST_TOKEN}\nBOT_MODE=webhook\nWEBHOOK_DOMAIN=bot.example.com\nPORT=http\n`);
      const run = start({}, dir);
      const exit = await within(run.exit, 8000, 'exit');
      expect(exit.code).not.toBe(0);
      expect(run.stderr()).toContain('PORT must be a whole number');
      expect(run.stderr()).not.toContain(TEST_TOKEN);
      expect(run.stderr()).not.toContain(TEST_TOKEN.split(':')[1]);
      expect(run.stdout()).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires WEBHOOK_SECRET in webhook mode', async () => {
    const run = start({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com' });
    const exit = await within(run.exit, 8000, 'exit');
    expect(exit.code).toBe(1);
    expect(run.stderr()).toContain('WEBHOOK_SECRET is required when BOT_MODE=webhook');
    expect(run.stderr()).not.toContain(TEST_TOKEN);
  });
});

describe('the logger main.ts creates', () => {
  it('scrubs the secrets it is given, and anything token-shaped, from every line', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [TEST_TOKEN, 'webhook-secret-value'], sink: { write: (l) => lines.push(l) } });
    const other = '555555:BBanotherTokenLookingString_0123456789';
    logger.info({ url: `https://api.telegram.org/bot${TEST_TOKEN}/getMe` }, `secret webhook-secret-value and ${other}`);
    logger.error({ err: new Error(`failed for ${TEST_TOKEN}`) }, 'boom');
    const text = lines.join('');
    expect(lines).toHaveLength(2);
    expect(text).not.toContain(TEST_TOKEN);
    expect(text).not.toContain('webhook-secret-value');
    expect(text).not.toContain(other);
    expect(text).toContain('[REDACTED]');
    expect(JSON.parse(lines[1]!).err.message).toBe('failed for [REDACTED]');
  });
});
