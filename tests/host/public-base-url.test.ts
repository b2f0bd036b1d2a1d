// PUBLIC_BASE_URL: where the document pages are reached, and where they are served.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/host/config.js';

const TOKEN = '123456789:AAFakeTokenForTests-abcdefghijklmnopq';
const WEBHOOK = { TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com', WEBHOOK_SECRET: 's3cret' };

describe('PUBLIC_BASE_URL', () => {
  it('polling: no pages unless it is set; set, served on HOST:PORT, trailing slash dropped', () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).telegram!.pages).toBeNull();
    const pages = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_BASE_URL: 'https://facts.example.org/', PORT: '9000', HOST: '127.0.0.1' })
      .telegram!.pages;
    expect(pages).toEqual({ baseUrl: 'https://facts.example.org', host: '127.0.0.1', port: 9000 });
  });

  it("webhook mode: the webhook's own https://domain unless it is set", () => {
    expect(parseConfig(WEBHOOK).telegram!.pages?.baseUrl).toBe('https://bot.example.com');
    expect(parseConfig({ ...WEBHOOK, PUBLIC_BASE_URL: 'https://pages.example.com/factbot' }).telegram!.pages?.baseUrl).toBe(
      'https://pages.example.com/factbot',
    );
  });

  it('refuses anything but a plain http(s) address, naming the variable', () => {
    for (const bad of [
      'bot.example.com',
      'ftp://x.example.com',
      'https://x.example.com/?a=1',
      'https://x.example.com/#top',
      'https://u:p@x.example.com',
    ]) {
      expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_BASE_URL: bad }), bad).toThrow(ConfigError);
      expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_BASE_URL: bad })).toThrow(
        /PUBLIC_BASE_URL must be the http\(s\) address/,
      );
    }
  });
});
