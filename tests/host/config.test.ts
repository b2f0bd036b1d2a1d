import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, configDefaults, parseConfig } from '../../src/host/config.js';

const TOKEN = '123456789:AAHsecretTokenValue_abcdefghijklmnop';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('runs the console chat with defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.telegram).toBeNull();
    expect(config.corpusDir).toBe(configDefaults.CORPUS_DIR);
    expect(config.logLevel).toBe('info');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: '', PORT: ' ', LOG_LEVEL: '' }).telegram).toBeNull();
  });

  it('polls by default when a token is set, with the rate-limit settings in ms', () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '10' });
    expect(config.telegram).toMatchObject({
      token: TOKEN,
      apiRoot: 'https://api.telegram.org',
      transport: { mode: 'polling' },
      rateLimit: { max: 3, windowMs: 10_000, trackedUsers: configDefaults.RATE_LIMIT_TRACKED_USERS },
      maxRetries: 10,
    });
  });

  it('reads webhook mode, normalising the domain and trimming the API root', () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      BOT_MODE: 'webhook',
      WEBHOOK_DOMAIN: 'https://bot.example.com',
      WEBHOOK_SECRET: 's3cret_-',
      PORT: '0',
      HOST: '127.0.0.1',
    });
    expect(config.telegram?.apiRoot).toBe('http://127.0.0.1:8081');
    expect(config.telegram?.transport).toEqual({
      mode: 'webhook',
      domain: 'bot.example.com',
      path: configDefaults.WEBHOOK_PATH,
      secret: 's3cret_-',
      host: '127.0.0.1',
      port: 0,
    });
  });

  it('names the variable and what it expects, in one message', () => {
    const err = errorOf({ PORT: 'eighty' });
    expect(err.message).toBe('Invalid configuration: PORT must be a whole number from 0 to 65535 (got "eighty").');
    expect(err.issues).toEqual([{ variable: 'PORT', message: expect.stringContaining('whole number') }]);
    expect(errorOf({ BOT_MODE: 'push' }).message).toContain('BOT_MODE must be "polling" or "webhook"');
    expect(errorOf({ LOG_LEVEL: 'loud' }).message).toContain('LOG_LEVEL must be one of');
    expect(errorOf({ TELEGRAM_API_ROOT: 'ftp://x' }).message).toContain('TELEGRAM_API_ROOT must be an http(s) URL');
    expect(errorOf({ RATE_LIMIT_WINDOW_SECONDS: '0' }).message).toContain('RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1');
  });

  it('lists several invalid variables at once', () => {
    const err = errorOf({ PORT: '70000', RATE_LIMIT_MAX: '-1' });
    expect(err.issues.map((i) => i.variable)).toEqual(['PORT', 'RATE_LIMIT_MAX']);
    expect(err.message.split('\n')).toHaveLength(3);
  });

  it('never echoes the token or the webhook secret', () => {
    const badToken = 'not a token but secret-ish 98765';
    const err = errorOf({ TELEGRAM_BOT_TOKEN: badToken });
    expect(err.message).toContain('TELEGRAM_BOT_TOKEN must look like');
    expect(err.message).not.toContain(badToken);
    expect(err.message).not.toContain('98765');
    const badSecret = 'has spaces in it';
    const err2 = errorOf({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com', WEBHOOK_SECRET: badSecret });
    expect(err2.message).toContain('WEBHOOK_SECRET must be 1 to 256 characters');
    expect(err2.message).not.toContain(badSecret);
    expect(err2.message).not.toContain(TOKEN);
  });

  it('requires the domain and secret in webhook mode', () => {
    const err = errorOf({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' });
    expect(err.issues.map((i) => i.variable)).toEqual(['WEBHOOK_DOMAIN', 'WEBHOOK_SECRET']);
    expect(err.message).not.toContain(TOKEN);
    expect(errorOf({ BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'x.org', WEBHOOK_SECRET: 'abc' }).issues[0]!.variable).toBe('TELEGRAM_BOT_TOKEN');
    expect(
      errorOf({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_DOMAIN: 'bot.example.com/path', WEBHOOK_SECRET: 'abc' }).message,
    ).toContain('WEBHOOK_DOMAIN must be the public host name');
  });
});

describe('documentation of the configuration', () => {
  it('.env.example lists exactly the variables the schema reads, and parses as it stands', () => {
    const example = parse(readFileSync('.env.example', 'utf8'));
    expect(Object.keys(example)).toEqual([...CONFIG_VARIABLES]);
    expect(parseConfig(example).telegram).toBeNull();
  });

  it('docs/BOT.md has a table row for every variable, with its default', () => {
    const doc = readFileSync('docs/BOT.md', 'utf8');
    const rows = doc.split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line));
    expect(rows.map((row) => /^\| `([A-Z_]+)`/.exec(row)![1])).toEqual([...CONFIG_VARIABLES]);
    for (const [name, value] of Object.entries(configDefaults)) {
      const row = rows.find((r) => r.startsWith(`| \`${name}\``))!;
      expect(row).toContain(`\`${value}\``);
    }
  });
});
