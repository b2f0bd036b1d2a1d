// The logger factory: pino JSON lines on stderr, with secrets scrubbed from every line.
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Anything that accepts a log line (process.stderr, a test's array). */
export interface LogSink {
  write(line: string): unknown;
}

/** Options for createLogger; every field is optional. */
export interface LoggerOptions {
  /** Lowest level written. Default 'info'. */
  level?: LogLevel;
  /** Values replaced by "[REDACTED]" wherever they appear in a line (the bot token, the webhook secret). */
  secrets?: ReadonlyArray<string | null | undefined>;
  /** Where lines go. Default process.stderr (synchronous for files and pipes on Linux). */
  sink?: LogSink;
}

/** Anything shaped like a Telegram bot token, even one we were not told about. */
const TOKEN_LIKE = /\d{5,}:[A-Za-z0-9_-]{20,}/g;
const REDACTED = '[REDACTED]';

/** Replaces every secret (and anything token-shaped) in a text. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(TOKEN_LIKE, REDACTED);
}

/** Keeps what helps to diagnose an error and drops request payloads (user text) from Telegram errors. */
export function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const err = value as Error & {
    code?: unknown;
    description?: unknown;
    on?: { method?: unknown };
    cause?: unknown;
  };
  return {
    type: err.name,
    message: err.message,
    ...(err.code !== undefined ? { code: err.code } : {}),
    ...(typeof err.description === 'string' ? { description: err.description } : {}),
    ...(err.on?.method !== undefined ? { method: err.on.method } : {}),
    ...(err.cause !== undefined ? { cause: serializeError(err.cause) } : {}),
    stack: err.stack,
  };
}

/** Creates the process logger. No singleton: main.ts calls this once and passes the logger down. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const sink = options.sink ?? process.stderr;
  const secrets = options.secrets ?? [];
  const stream = { write: (line: string) => sink.write(redactSecrets(line, secrets)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: { name: 'factbot' },
      serializers: { err: serializeError },
    },
    stream,
  );
}
