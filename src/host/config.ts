// The process configuration: a zod schema over the environment, and a pure parseConfig(env).
// Only main.ts reads process.env; everything else receives the parsed Config.
import { z } from 'zod';
import { DEFAULT_MAX_FILE_BYTES } from '../corpus/index.js';
import { DEFAULT_ENGINE_CACHE_DIR } from '../answer/index.js';

export const BOT_MODES = ['polling', 'webhook'] as const satisfies readonly string[];
export type BotMode = (typeof BOT_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly string[];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every default in one place (the table in docs/BOT.md and .env.example repeat these). */
export const configDefaults = {
  TELEGRAM_API_ROOT: 'https://api.telegram.org',
  BOT_MODE: 'polling',
  WEBHOOK_PATH: '/telegram/webhook',
  /** Port the webhook server listens on; 0 picks any free port. */
  PORT: 8080,
  /** Address the webhook server listens on. */
  HOST: '0.0.0.0',
  CORPUS_DIR: 'corpus',
  /** Largest corpus file read, in bytes; a larger one is skipped with a warning (the corpus layer's default, 5 MiB). */
  CORPUS_MAX_FILE_BYTES: DEFAULT_MAX_FILE_BYTES,
  /** Folder of the engine cache (answer/engine-cache.ts), relative to the working folder; "off" builds without it. */
  CACHE_DIR: DEFAULT_ENGINE_CACHE_DIR,
  LOG_LEVEL: 'info',
  /** Questions one user may ask in groups per window; 0 turns the limit off. */
  RATE_LIMIT_MAX: 5,
  /** Requests one user may make in private chats (and inline) per window; 0 turns the limit off. */
  RATE_LIMIT_PRIVATE_MAX: 30,
  /** Questions one group may ask per window, all users together (Telegram lets a bot post ~20/min in a group). */
  RATE_LIMIT_CHAT_MAX: 20,
  RATE_LIMIT_WINDOW_SECONDS: 60,
  /** How many users (and chats) each rate limiter remembers at most (oldest are forgotten first). */
  RATE_LIMIT_TRACKED_USERS: 10_000,
  /** How many times a call that got 429 Too Many Requests is retried. */
  TELEGRAM_MAX_RETRIES: 10,
  /** Longest wait for one Bot API answer, in seconds (long polls get their 50 s on top). */
  TELEGRAM_TIMEOUT_SECONDS: 15,
  /** How long a send that failed with 5xx, a connection error or a timeout keeps being retried, in seconds. */
  TELEGRAM_RETRY_WINDOW_SECONDS: 120,
  /** How long the bot warms its answer path at start, in ms, before it takes updates; 0 skips it. */
  WARM_UP_MS: 400,
  /** Watch CORPUS_DIR and put a new engine in service when its files change (live reload). */
  CORPUS_WATCH: true,
  /** Quiet time after the last change in CORPUS_DIR before the reload, in ms. */
  CORPUS_RELOAD_DEBOUNCE_MS: 1000,
} as const;

/** Variables whose values must never appear in messages or logs. */
export const SECRET_VARIABLES = ['TELEGRAM_BOT_TOKEN', 'WEBHOOK_SECRET'] as const satisfies readonly string[];

/** Every variable the schema reads, in the order of .env.example. */
export const CONFIG_VARIABLES = [
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_API_ROOT',
  'BOT_MODE',
  'WEBHOOK_DOMAIN',
  'WEBHOOK_PATH',
  'WEBHOOK_SECRET',
  'PORT',
  'HOST',
  'PUBLIC_BASE_URL',
  'CORPUS_DIR',
  'CORPUS_MAX_FILE_BYTES',
  'CACHE_DIR',
  'LOG_LEVEL',
  'ALLOWED_CHAT_IDS',
  'RATE_LIMIT_MAX',
  'RATE_LIMIT_PRIVATE_MAX',
  'RATE_LIMIT_CHAT_MAX',
  'RATE_LIMIT_WINDOW_SECONDS',
  'RATE_LIMIT_TRACKED_USERS',
  'TELEGRAM_MAX_RETRIES',
  'TELEGRAM_TIMEOUT_SECONDS',
  'TELEGRAM_RETRY_WINDOW_SECONDS',
  'WARM_UP_MS',
  'ADMIN_USER_IDS',
  'CORPUS_WATCH',
  'CORPUS_RELOAD_DEBOUNCE_MS',
] as const satisfies readonly string[];
export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

function wholeNumber(min: number, max: number, fallback: number) {
  const expected = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error: expected })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: expected }).max(max, { error: expected }))
    .optional()
    .default(fallback);
}

/** "-1001234567890, 42": chat ids (groups and channels are negative), comma-separated. */
function chatIdList() {
  const expected = 'must be chat ids separated by commas, e.g. -1001234567890,123456789';
  return z
    .string()
    .regex(/^-?\d{1,16}(\s*,\s*-?\d{1,16})*,?$/, { error: expected })
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '')
        .map(Number),
    )
    .pipe(z.array(z.number().int().refine(Number.isSafeInteger, { error: expected })))
    .optional();
}

/** "123456789, 42": Telegram user ids (positive), comma-separated. */
function userIdList() {
  const expected = 'must be Telegram user ids separated by commas, e.g. 123456789,987654321';
  return z
    .string()
    .regex(/^\d{1,16}(\s*,\s*\d{1,16})*,?$/, { error: expected })
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '')
        .map(Number),
    )
    .pipe(z.array(z.number().int().positive({ error: expected }).refine(Number.isSafeInteger, { error: expected })))
    .optional();
}

/** "true"/"false" (also 1/0, yes/no, on/off). */
function flag(fallback: boolean) {
  const expected = 'must be true or false';
  return z
    .string()
    .regex(/^(?:true|false|1|0|yes|no|on|off)$/i, { error: expected })
    .transform((value) => /^(?:true|1|yes|on)$/i.test(value))
    .optional()
    .default(fallback);
}

const TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]+$/;
/** What Telegram allows as a webhook secret token: the webhook server checks the same pattern. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/** An http(s) URL without credentials, query or fragment (a path is allowed: a proxy may serve the bot under one). */
function isBaseUrl(value: string): boolean {
  if (!isHttpUrl(value)) return false;
  const url = new URL(value);
  return url.search === '' && url.hash === '' && url.username === '' && url.password === '' && !value.includes('#');
}

/** "bot.example.com", "bot.example.com:8443" or "https://bot.example.com" → "bot.example.com[:port]", or null. */
function webhookHost(value: string): string | null {
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') return null;
    return url.host === '' ? null : url.host;
  } catch {
    return null;
  }
}

const envShape = {
  TELEGRAM_BOT_TOKEN: z.string().regex(TOKEN_PATTERN, { error: 'must look like 123456789:AAE… (the token BotFather gave you)' }).optional(),
  TELEGRAM_API_ROOT: z
    .string()
    .refine(isHttpUrl, { error: 'must be an http(s) URL such as https://api.telegram.org' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional()
    .default(configDefaults.TELEGRAM_API_ROOT),
  BOT_MODE: z.enum(BOT_MODES, { error: 'must be "polling" or "webhook"' }).optional().default(configDefaults.BOT_MODE),
  WEBHOOK_DOMAIN: z
    .string()
    .refine((value) => webhookHost(value) !== null, {
      error: 'must be the public host name Telegram calls, e.g. bot.example.com (optionally with :port)',
    })
    .transform((value) => webhookHost(value) ?? value)
    .optional(),
  WEBHOOK_PATH: z
    .string()
    .regex(/^\/[A-Za-z0-9._~/-]*$/, { error: 'must be a URL path starting with "/", e.g. /telegram/webhook' })
    .optional()
    .default(configDefaults.WEBHOOK_PATH),
  WEBHOOK_SECRET: z.string().regex(SECRET_PATTERN, { error: 'must be 1 to 256 characters of A-Z, a-z, 0-9, "_" and "-"' }).optional(),
  PORT: wholeNumber(0, 65_535, configDefaults.PORT),
  HOST: z.string().optional().default(configDefaults.HOST),
  PUBLIC_BASE_URL: z
    .string()
    .refine(isBaseUrl, { error: 'must be the http(s) address the bot is reached at, e.g. https://bot.example.com (no query or #)' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  CORPUS_DIR: z.string().optional().default(configDefaults.CORPUS_DIR),
  CORPUS_MAX_FILE_BYTES: wholeNumber(1, 1_073_741_824, configDefaults.CORPUS_MAX_FILE_BYTES),
  CACHE_DIR: z.string().optional().default(configDefaults.CACHE_DIR),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .optional()
    .default(configDefaults.LOG_LEVEL),
  ALLOWED_CHAT_IDS: chatIdList(),
  RATE_LIMIT_MAX: wholeNumber(0, 10_000, configDefaults.RATE_LIMIT_MAX),
  RATE_LIMIT_PRIVATE_MAX: wholeNumber(0, 10_000, configDefaults.RATE_LIMIT_PRIVATE_MAX),
  RATE_LIMIT_CHAT_MAX: wholeNumber(0, 100_000, configDefaults.RATE_LIMIT_CHAT_MAX),
  RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400, configDefaults.RATE_LIMIT_WINDOW_SECONDS),
  RATE_LIMIT_TRACKED_USERS: wholeNumber(1, 1_000_000, configDefaults.RATE_LIMIT_TRACKED_USERS),
  TELEGRAM_MAX_RETRIES: wholeNumber(0, 50, configDefaults.TELEGRAM_MAX_RETRIES),
  TELEGRAM_TIMEOUT_SECONDS: wholeNumber(1, 600, configDefaults.TELEGRAM_TIMEOUT_SECONDS),
  TELEGRAM_RETRY_WINDOW_SECONDS: wholeNumber(0, 3600, configDefaults.TELEGRAM_RETRY_WINDOW_SECONDS),
  WARM_UP_MS: wholeNumber(0, 10_000, configDefaults.WARM_UP_MS),
  ADMIN_USER_IDS: userIdList(),
  CORPUS_WATCH: flag(configDefaults.CORPUS_WATCH),
  CORPUS_RELOAD_DEBOUNCE_MS: wholeNumber(0, 600_000, configDefaults.CORPUS_RELOAD_DEBOUNCE_MS),
} satisfies Record<ConfigVariable, z.ZodType>;

/** The environment schema: strings in, a structured Config out (with a union on the bot mode). */
export const ConfigSchema = z
  .object(envShape)
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== 'webhook') return;
    if (env.TELEGRAM_BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_BOT_TOKEN'], message: 'is required when BOT_MODE=webhook' });
    }
    if (env.WEBHOOK_DOMAIN === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_DOMAIN'],
        message: 'is required when BOT_MODE=webhook (the public host name Telegram calls, e.g. bot.example.com)',
      });
    }
    if (env.WEBHOOK_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'is required when BOT_MODE=webhook (1 to 256 characters of A-Z, a-z, 0-9, "_" and "-")',
      });
    }
  })
  .transform((env) => ({
    /** Null when no token is set: main.ts then runs the console chat. */
    telegram:
      env.TELEGRAM_BOT_TOKEN === undefined
        ? null
        : {
            token: env.TELEGRAM_BOT_TOKEN,
            apiRoot: env.TELEGRAM_API_ROOT,
            transport:
              env.BOT_MODE === 'webhook'
                ? ({
                    mode: 'webhook',
                    domain: env.WEBHOOK_DOMAIN ?? '',
                    path: env.WEBHOOK_PATH,
                    secret: env.WEBHOOK_SECRET ?? '',
                    host: env.HOST,
                    port: env.PORT,
                  } as const)
                : ({ mode: 'polling' } as const),
            rateLimit: {
              max: env.RATE_LIMIT_MAX,
              privateMax: env.RATE_LIMIT_PRIVATE_MAX,
              chatMax: env.RATE_LIMIT_CHAT_MAX,
              windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
              trackedUsers: env.RATE_LIMIT_TRACKED_USERS,
            },
            /** ALLOWED_CHAT_IDS, or null when every chat is answered. */
            allowedChatIds: env.ALLOWED_CHAT_IDS === undefined || env.ALLOWED_CHAT_IDS.length === 0 ? null : env.ALLOWED_CHAT_IDS,
            maxRetries: env.TELEGRAM_MAX_RETRIES,
            timeoutMs: env.TELEGRAM_TIMEOUT_SECONDS * 1000,
            retryWindowMs: env.TELEGRAM_RETRY_WINDOW_SECONDS * 1000,
            warmUpMs: env.WARM_UP_MS,
            /** ADMIN_USER_IDS: who may add, list, remove and export documents (empty: nobody). */
            adminUserIds: env.ADMIN_USER_IDS ?? [],
            /**
             * The document pages citations link to: PUBLIC_BASE_URL, else in webhook mode the webhook's own
             * https://domain; served on HOST:PORT (beside the webhook in webhook mode). Null: no links.
             */
            pages: ((baseUrl: string | null) => (baseUrl === null ? null : { baseUrl, host: env.HOST, port: env.PORT }))(
              env.PUBLIC_BASE_URL ??
                (env.BOT_MODE === 'webhook' && env.WEBHOOK_DOMAIN !== undefined ? `https://${env.WEBHOOK_DOMAIN}` : null),
            ),
          },
    corpusDir: env.CORPUS_DIR,
    corpusMaxFileBytes: env.CORPUS_MAX_FILE_BYTES,
    /** CORPUS_WATCH and CORPUS_RELOAD_DEBOUNCE_MS: live reload of the corpus folder. */
    corpusWatch: { enabled: env.CORPUS_WATCH, debounceMs: env.CORPUS_RELOAD_DEBOUNCE_MS },
    /** The engine cache's folder, or null (CACHE_DIR=off). */
    cacheDir: env.CACHE_DIR.toLowerCase() === 'off' ? null : env.CACHE_DIR,
    logLevel: env.LOG_LEVEL,
  }));

export type Config = z.output<typeof ConfigSchema>;
export type TelegramConfig = NonNullable<Config['telegram']>;
export type Transport = TelegramConfig['transport'];
export type WebhookTransport = Extract<Transport, { mode: 'webhook' }>;

/** One problem with one variable. */
export interface ConfigIssue {
  variable: string;
  /** What the variable expects, e.g. 'must be a whole number from 0 to 65535 (got "abc")'. */
  message: string;
}

/** Thrown by parseConfig; the message names each variable and never contains a secret value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: ConfigIssue[]) {
    super(formatIssues(issues));
  }
}

function formatIssues(issues: ConfigIssue[]): string {
  const lines = issues.map((issue) => `${issue.variable} ${issue.message}`);
  if (lines.length === 1) return `Invalid configuration: ${lines[0]}.`;
  return `Invalid configuration:\n${lines.map((line) => `  - ${line}.`).join('\n')}`;
}

function describeValue(variable: string, value: string | undefined): string {
  if (value === undefined) return '';
  if ((SECRET_VARIABLES as readonly string[]).includes(variable)) return '';
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return ` (got ${JSON.stringify(shown)})`;
}

/**
 * Validates the environment. Empty values count as unset, so `PORT=` in .env means the default.
 * Throws ConfigError naming every invalid variable; secret values are never echoed.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const input: Partial<Record<ConfigVariable, string>> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') input[name] = value;
  }
  const result = ConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  for (const issue of result.error.issues) {
    const variable = String(issue.path[0] ?? 'configuration');
    if (seen.has(variable)) continue;
    seen.add(variable);
    issues.push({
      variable,
      message: issue.message + describeValue(variable, input[variable as ConfigVariable]),
    });
  }
  throw new ConfigError(issues);
}
