// The token never appears in logs, error messages or replies: runs of the real process (dist/main.js)
// with a known fake token, good and failing, at the most verbose log level, and a grep of everything they
// printed and everything the bot sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../src/telegram/transport/webhook-server.js';
import { FakeBotApi } from '../../tools/fake-bot-api.js';
import { killLeftovers, logRecords, startMain, within, type Run } from './process.js';
import { alice, group, privateChat, say, textMessage } from './updates.js';

const TOKEN = '246813579:AAHleakCheck_Token-0123456789abcdefXYZ';
const SECRET_PART = TOKEN.split(':')[1]!;
const WEBHOOK_SECRET = 'leak-check-webhook-secret_987';

let cwd: string;
const printed: string[] = [];

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'factbot-leak-'));
});
afterEach(() => killLeftovers());
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(SECRET_PART);
  expect(text).not.toContain(SECRET_PART.slice(0, 16));
  expect(text).not.toContain(WEBHOOK_SECRET);
}

async function finish(run: Run, ms = 10_000) {
  const exit = await within(run.exit, ms, 'exit');
  const output = run.stdout() + run.stderr();
  printed.push(output);
  return { exit, output, records: logRecords(run.stderr()) };
}

async function waitUntil<T>(check: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the token never leaks', () => {
  it('in a polling run that answers, meets failing sends, and stops', async () => {
    const api = await new FakeBotApi(TOKEN).start();
    try {
      const run = startMain(
        { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'trace', TELEGRAM_TIMEOUT_SECONDS: '1' },
        cwd,
      );
      await within(api.waitForRequest('getUpdates'), 8000, 'polling');
      const ok = say(api, privateChat(alice), alice, '浑南区常住人口多少人？');
      await api.processed(ok.update_id);
      api.inject('sendMessage', { code: 500 });
      api.inject('sendMessage', { kind: 'reset' });
      const retried = say(api, group, alice, `/ask 浑南区有多少家国家高新技术企业？ ${TOKEN}`);
      await api.processed(retried.update_id);
      api.inject('sendMessage', { code: 400, description: `Bad Request: chat not found (token ${TOKEN})` });
      const failed = say(api, privateChat(alice), alice, '浑南区区域总面积多大？');
      await api.processed(failed.update_id);
      run.child.kill('SIGTERM');
      const { exit, output, records } = await finish(run);
      expect(exit.code).toBe(0);
      // It did log the failures (so there was something to leak)…
      expect(records.some((r) => r.msg === 'Bot API call failed, retrying')).toBe(true);
      expect(records.some((r) => r.msg === 'update failed')).toBe(true);
      expect(output).toContain('[REDACTED]');
      // …and never the token, in logs or in anything it sent.
      expectNoSecrets(output);
      const sent = api.calls
        .filter((c) => c.method === 'sendMessage')
        .map((c) => JSON.stringify(c.payload))
        .join('\n');
      expect(sent).toContain('69万人');
      // The question that carried the token got its answer, which echoes the question without the token.
      expect(sent).toContain('[REDACTED]');
      expectNoSecrets(sent);
    } finally {
      await api.stop();
    }
  });

  it('when the Bot API cannot be reached at all (connection refused), failing the start', async () => {
    const port = await closedPort();
    const run = startMain(
      { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, LOG_LEVEL: 'trace', TELEGRAM_RETRY_WINDOW_SECONDS: '0' },
      cwd,
    );
    const { exit, output, records } = await finish(run);
    expect(exit.code).toBe(1);
    expect(records.find((r) => r.level === 60)!.msg).toContain('could not start the bot');
    expect(output).toMatch(/ECONNREFUSED/);
    expectNoSecrets(output);
  });

  it('when Telegram rejects the token (401)', async () => {
    const api = await new FakeBotApi('111:AAsomeOtherTokenTheServerKnows_xxxxxxxxx').start();
    try {
      const run = startMain({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'trace' }, cwd);
      const { exit, output } = await finish(run);
      expect(exit.code).toBe(1);
      expect(output).toContain('401');
      expectNoSecrets(output);
    } finally {
      await api.stop();
    }
  });

  it('in configuration errors (bad webhook settings, a malformed token)', async () => {
    const noSecret = await finish(startMain({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com' }, cwd));
    expect(noSecret.exit.code).toBe(1);
    expect(noSecret.output).toContain('WEBHOOK_SECRET is required');
    const malformed = await finish(startMain({ TELEGRAM_BOT_TOKEN: `${TOKEN} x`, WEBHOOK_SECRET: `${WEBHOOK_SECRET} !` }, cwd));
    expect(malformed.exit.code).toBe(1);
    expect(malformed.output).toContain('TELEGRAM_BOT_TOKEN must look like');
    expect(malformed.output).toContain('WEBHOOK_SECRET must be 1 to 256 characters');
    expectNoSecrets(noSecret.output + malformed.output);
  });

  it('in webhook mode, through refused requests and answered ones', async () => {
    const api = await new FakeBotApi(TOKEN).start();
    try {
      const run = startMain(
        {
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: api.apiRoot,
          BOT_MODE: 'webhook',
          WEBHOOK_DOMAIN: 'bot.example.com',
          WEBHOOK_SECRET,
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'trace',
        },
        cwd,
      );
      const started = await waitUntil(() => logRecords(run.stderr()).find((r) => r.msg === 'bot started'), 8000, 'webhook start');
      const url = `http://127.0.0.1:${started.port}/telegram/webhook`;
      const update = api.makeUpdate({ message: textMessage(api, privateChat(alice), alice, '浑南区常住人口多少人？') });
      const post = (secret: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
          body: JSON.stringify(update),
        });
      expect((await post(TOKEN)).status).toBe(403);
      expect((await post(WEBHOOK_SECRET)).status).toBe(200);
      expect(api.sent('setWebhook')[0]!.payload.url).toBe('https://bot.example.com/telegram/webhook');
      run.child.kill('SIGTERM');
      const { exit, output } = await finish(run);
      expect(exit.code).toBe(0);
      expectNoSecrets(output);
    } finally {
      await api.stop();
    }
  });

  it('in everything all these runs printed', () => {
    expect(printed.length).toBeGreaterThanOrEqual(5);
    expectNoSecrets(printed.join('\n'));
  });
});
