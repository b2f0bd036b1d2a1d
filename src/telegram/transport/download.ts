// Downloading a file a user sent: getFile (through the bot's transport, with its timeouts and retries) for
// the file's path, then one GET of `${apiRoot}/file/bot<token>/<path>`, bounded in size (never more than
// maxBytes are read, whatever the headers say) and in time. The Bot API serves files up to 20 MB.
// Error messages never carry the token (it is part of the file URL).
import type { Telegram } from 'telegraf';

/** The Bot API's limit on files a bot may download (getFile). */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly kind: 'too-big' | 'failed' | 'timeout',
    message: string,
    readonly bytes?: number,
  ) {
    super(message);
  }
}

export interface DownloadOptions {
  apiRoot: string;
  maxBytes: number;
  timeoutMs: number;
}

export async function downloadFile(telegram: Telegram, fileId: string, options: DownloadOptions): Promise<Buffer> {
  const { maxBytes, timeoutMs } = options;
  const file = await telegram.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > maxBytes) {
    throw new DownloadError('too-big', `file of ${file.file_size} bytes, over ${maxBytes}`, file.file_size);
  }
  if (file.file_path === undefined) throw new DownloadError('failed', 'the Bot API gave no file path');
  const url = `${options.apiRoot.replace(/\/+$/, '')}/file/bot${telegram.token}/${file.file_path}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'error' });
    if (!response.ok || response.body === null) throw new DownloadError('failed', `download answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new DownloadError('too-big', `file of ${declared} bytes, over ${maxBytes}`, declared);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new DownloadError('too-big', `file over ${maxBytes} bytes`, size);
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (controller.signal.aborted) throw new DownloadError('timeout', `download took longer than ${timeoutMs} ms`);
    // fetch's own errors ("fetch failed", a reset): the cause's code only, never the URL.
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new DownloadError('failed', `download failed${cause ? ` (${cause})` : ''}`);
  } finally {
    clearTimeout(timer);
  }
}
