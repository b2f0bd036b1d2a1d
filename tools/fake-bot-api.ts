// A small Bot API server on 127.0.0.1 for end-to-end tests: enough methods for this bot, strict about
// HTML, callback data and message length the way Telegram is, recording every call, and able to inject
// faults on demand: 429 with retry_after, 500, 502 (an HTML page, as a proxy sends), a connection reset,
// a request never answered, a whole outage for a while, or a random share of faulty answers (load bench).
// A fault may come after the call took effect (`deliver: true`): the message is sent, the answer is lost.
// Its waits (delayed answers, outages, long polls) run on a clock, real by default; a test may pass a fake
// one (tests/helpers/fake-clock.ts) and move time on itself.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../src/telegram/transport/clock.js';
import { HtmlParseError, parseTelegramHtml } from '../tests/telegram/telegram-html.js';

export const TEST_TOKEN = '123456789:AAFakeTokenForTests-abcdefghijklmnopq';

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  /** HTTP status the fake answered with. */
  status: number;
  /** What the fake answered (result or error). */
  response: any;
}

/** A file the bot uploaded (multipart form data). */
export interface UploadedFile {
  filename: string;
  type: string;
  bytes: Buffer;
}

export interface SentPhoto {
  message_id: number;
  chat: SentMessage['chat'];
  date: number;
  photo: { file_id: string; file_unique_id: string; width: number; height: number; file_size: number }[];
  caption?: string;
  message_thread_id?: number;
  is_topic_message?: boolean;
  reply_to_message_id?: number;
  /** The file as uploaded (botPhotos() adds it). */
  upload?: UploadedFile;
}

/**
 * A multipart form as the Bot API reads it: files as UploadedFile, other fields as sent (telegraf sends numbers
 * and booleans as text and objects as JSON), read back to the types a JSON body would have. Parsed by the
 * platform's own form-data reader (undici's Response.formData).
 */
async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, any>> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const out: Record<string, any> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      out[name] = { filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) } satisfies UploadedFile;
    } else if (/^-?\d+$/.test(value)) out[name] = Number(value);
    else if (value === 'true' || value === 'false') out[name] = value === 'true';
    else if (/^[[{]/.test(value)) out[name] = JSON.parse(value);
    else out[name] = value;
  }
  return out;
}

/** Width and height of a PNG (IHDR) or a JPEG (its first SOF marker); null for anything else. */
function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return bytes.toString('latin1', 12, 16) === 'IHDR' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length;) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      i += 2 + bytes.readUInt16BE(i + 2);
    }
  }
  return null;
}

export type Fault =
  | { code: 429; retryAfter?: number }
  /** 500 and 503 as Telegram answers them; 502 as a reverse proxy does (an HTML page, not JSON). */
  | { code: 500 | 502 | 503; deliver?: boolean }
  | { code: 400; description: string }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset'; deliver?: boolean }
  /** No answer at all until the client gives up (or the server stops). */
  | { kind: 'hang'; deliver?: boolean };

/** A seeded random number generator (mulberry32), so a bench run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Outage {
  methods: ReadonlySet<string> | null;
  until: number;
  fault: Fault;
}

interface RandomFaults {
  rate: number;
  faults: readonly Fault[];
  random: () => number;
}

export interface SentMessage {
  message_id: number;
  chat: { id: number; type: string; title?: string; first_name?: string };
  date: number;
  text: string;
  /** What the user sees (HTML parsed). */
  plain: string;
  bold: string[];
  html: string;
  message_thread_id?: number;
  is_topic_message?: boolean;
  reply_to_message_id?: number;
  reply_markup?: any;
}

type Json = Record<string, any>;

/** Fake Bot API settings; every field is optional. */
export interface FakeBotApiOptions {
  /**
   * Times delayed answers (delay), outages and long polls (a getUpdates with a timeout waits at most
   * min(timeout, 30) s for an update). Default systemClock.
   */
  clock?: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
}

function faultName(fault: Fault): string {
  return 'kind' in fault ? fault.kind : String(fault.code);
}

function ok(result: unknown) {
  return { status: 200, body: { ok: true, result } };
}
function fail(status: number, description: string, extra: Json = {}) {
  return { status, body: { ok: false, error_code: status, description, ...extra } };
}

const now = () => Math.floor(Date.now() / 1000);

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  /** Methods in the order their requests arrived (before any answer). */
  readonly requests: string[] = [];
  readonly events = new EventEmitter();
  readonly bot: FakeUser;
  /** Messages by chat id then message id (the bot's and the users'). */
  readonly messages = new Map<number, Map<number, SentMessage | Json>>();
  private server: Server | null = null;
  private updates: Json[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 5000;
  private confirmedOffset = 0;
  private pollWaiters = new Set<() => void>();
  private faults = new Map<string, Fault[]>();
  private outages: Outage[] = [];
  private randomFaults = new Map<string, RandomFaults>();
  private hanging = new Set<ServerResponse>();
  /** Faults answered so far, by kind ("429", "500", "reset", "hang"…), for reports. */
  readonly faultCounts = new Map<string, number>();
  /** TCP connections accepted so far (keep-alive reuse shows as few connections for many calls). */
  connections = 0;
  /** Successful calls by method (kept even when `recordCalls` is off). */
  readonly okCounts = new Map<string, number>();
  /** When false, calls are not kept in `calls` (the load bench sends thousands); counters still work. */
  recordCalls = true;
  private delays = new Map<string, number[]>();
  private delayed = 0;
  private readonly clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  private answeredCallbacks = new Map<string, number>();
  private knownCallbacks = new Set<string>();
  webhook: Json | null = null;
  /** Groups the bot has left (leaveChat): sending there answers 403, as Telegram does. */
  readonly leftChats = new Set<number>();
  /** Files users sent (addFile), by file_id: what getFile describes and /file/bot<token>/<path> serves. */
  private readonly files = new Map<string, { bytes: Buffer; path: string; declaredSize: number | null }>();
  private nextFileId = 1;
  /** Downloads served (GET /file/bot<token>/…), by file path. */
  readonly downloads: string[] = [];

  constructor(
    readonly token = TEST_TOKEN,
    bot: Partial<FakeUser> = {},
    options: FakeBotApiOptions = {},
  ) {
    this.bot = { id: 777000111, is_bot: true, first_name: 'FactBot', username: 'FactTestBot', ...bot };
    this.clock = options.clock ?? systemClock;
    this.events.setMaxListeners(100);
  }

  /**
   * Requests received and not answered yet that wait for something else than this server's own work: a long
   * poll waiting for updates, a hanging fault, a delayed answer. (A test on a fake clock moves time only when
   * every request the bot has open is one of these.)
   */
  get held(): number {
    return this.pollWaiters.size + this.hanging.size + this.delayed;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake Bot API not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', () => (this.connections += 1));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollWaiters) wake();
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** The next `times` calls of `method` fail with `fault`. */
  inject(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  /** Every call of `methods` (null: every method) fails with `fault` for the next `ms` milliseconds. */
  outage(methods: readonly string[] | null, ms: number, fault: Fault): void {
    this.outages.push({ methods: methods === null ? null : new Set(methods), until: this.clock.now() + ms, fault });
  }

  /** Ends every outage now. */
  endOutages(): void {
    this.outages = [];
  }

  /** From now on, a share `rate` of the calls of `method` fails with one of `faults`, picked at random. */
  injectRandom(method: string, rate: number, faults: readonly Fault[], random: () => number = Math.random): void {
    this.randomFaults.set(method, { rate, faults, random });
  }

  /** The next call of `method` is answered only after `ms`. */
  delay(method: string, ms: number): void {
    const list = this.delays.get(method) ?? [];
    list.push(ms);
    this.delays.set(method, list);
  }

  /** Queues an update for getUpdates; returns it with its update_id. */
  pushUpdate(update: Json): Json & { update_id: number } {
    const full: Json & { update_id: number } = { update_id: this.nextUpdateId++, ...update };
    if (full.message) this.remember(full.message);
    if (full.callback_query) this.knownCallbacks.add(full.callback_query.id);
    this.updates.push(full);
    for (const wake of [...this.pollWaiters]) wake();
    return full;
  }

  /** Builds an update (with an id) without queueing it, e.g. to POST to a webhook. */
  makeUpdate(update: Json): Json & { update_id: number } {
    const full: Json & { update_id: number } = { update_id: this.nextUpdateId++, ...update };
    if (full.message) this.remember(full.message);
    if (full.callback_query) this.knownCallbacks.add(full.callback_query.id);
    return full;
  }

  /**
   * A file a user sends, as Telegram stores it: the returned `document` goes into a message's `document`
   * field. `declaredSize` is the file_size Telegram reports (default the real size; null: none given).
   */
  addFile(
    bytes: Uint8Array,
    fileName: string,
    options: { mimeType?: string; declaredSize?: number | null } = {},
  ): { file_id: string; file_unique_id: string; file_name: string; mime_type?: string; file_size?: number } {
    const n = this.nextFileId++;
    const fileId = `doc-${n}-${Math.random().toString(36).slice(2, 10)}`;
    const declaredSize = options.declaredSize === undefined ? bytes.length : options.declaredSize;
    this.files.set(fileId, { bytes: Buffer.from(bytes), path: `documents/file_${n}`, declaredSize });
    return {
      file_id: fileId,
      file_unique_id: `uf${n}`,
      file_name: fileName,
      ...(options.mimeType ? { mime_type: options.mimeType } : {}),
      ...(declaredSize !== null ? { file_size: declaredSize } : {}),
    };
  }

  /** Documents the bot sent successfully (sendDocument), with the file as uploaded. */
  botDocuments(chatId?: number): Array<{ chat: SentMessage['chat']; caption?: string; upload: UploadedFile }> {
    return this.sent('sendDocument')
      .map((c) => ({ ...(c.response as { chat: SentMessage['chat']; caption?: string }), upload: c.payload.document as UploadedFile }))
      .filter((m) => chatId === undefined || m.chat.id === chatId);
  }

  newMessageId(): number {
    return this.nextMessageId++;
  }

  /** Resolves once the poller has asked for updates past `updateId`, i.e. finished handling it. */
  async processed(updateId: number, timeoutMs = 8000): Promise<void> {
    if (this.confirmedOffset > updateId) return;
    await this.waitFor(() => this.confirmedOffset > updateId, timeoutMs, `update ${updateId} to be processed`);
  }

  /** Calls of one method that succeeded. */
  sent(method = 'sendMessage'): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Photos the bot sent successfully (sendPhoto, a file uploaded as multipart form data), in order. */
  botPhotos(chatId?: number): SentPhoto[] {
    return this.sent('sendPhoto')
      .map((c) => ({ ...(c.response as SentPhoto), upload: c.payload.photo as UploadedFile }))
      .filter((m) => chatId === undefined || m.chat.id === chatId);
  }

  /** Messages the bot sent successfully, in order. */
  botMessages(chatId?: number): SentMessage[] {
    return this.sent('sendMessage')
      .map((c) => c.response as SentMessage)
      .filter((m) => chatId === undefined || m.chat.id === chatId);
  }

  async waitFor<T>(check: () => T | undefined | false | null, timeoutMs = 8000, what = 'condition'): Promise<T> {
    const first = check();
    if (first) return first;
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('change', onChange);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const onChange = () => {
        const value = check();
        if (value) {
          clearTimeout(timer);
          this.events.off('change', onChange);
          resolve(value);
        }
      };
      this.events.on('change', onChange);
    });
  }

  /** Waits until `count` requests of a method have arrived (answered or not, e.g. a long poll). */
  async waitForRequest(method: string, count = 1, timeoutMs = 8000): Promise<void> {
    await this.waitFor(() => this.requests.filter((m) => m === method).length >= count, timeoutMs, `${count} × ${method} request`);
  }

  /** Waits for the n-th (1-based) successful call of a method. */
  async waitForSent(method: string, count = 1, timeoutMs = 8000): Promise<RecordedCall[]> {
    return this.waitFor(
      () => {
        const list = this.sent(method);
        return list.length >= count ? list : undefined;
      },
      timeoutMs,
      `${count} × ${method}`,
    );
  }

  private remember(message: Json): void {
    const chat = this.messages.get(message.chat.id) ?? new Map();
    chat.set(message.message_id, message);
    this.messages.set(message.chat.id, chat);
  }

  /** GET /file/bot<token>/<file_path>: a file's bytes, as Telegram's file server answers. */
  private serveFile(res: ServerResponse, path: string): void {
    const [token, ...rest] = path.split('/');
    const filePath = rest.join('/');
    const file = token === this.token ? [...this.files.values()].find((f) => f.path === filePath) : undefined;
    if (file === undefined) {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    this.downloads.push(filePath);
    this.events.emit('change');
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': file.bytes.length }).end(file.bytes);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && url.startsWith('/file/bot')) return this.serveFile(res, url.slice('/file/bot'.length));
    const match = /^\/bot([^/]+)\/(\w+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = req.headers['content-type'] ?? '';
    const body = contentType.startsWith('multipart/form-data') ? '' : raw.toString('utf8');
    const send = (answer: { status: number; body: Json }) => {
      if (!res.writableEnded && !res.destroyed) {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
      }
    };
    if (!match) return send(fail(404, 'Not Found'));
    const [, token, method = ''] = match;
    let payload: Json = {};
    try {
      payload = contentType.startsWith('multipart/form-data')
        ? await parseMultipart(raw, contentType)
        : body === ''
          ? {}
          : JSON.parse(body);
    } catch {
      return send(fail(400, 'Bad Request: invalid JSON'));
    }
    const record = (answer: { status: number; body: Json }) => {
      if (answer.status === 200) this.okCounts.set(method, (this.okCounts.get(method) ?? 0) + 1);
      if (this.recordCalls)
        this.calls.push({
          method,
          payload,
          status: answer.status,
          response: answer.body.ok ? answer.body.result : answer.body,
        });
      this.events.emit('change');
      this.events.emit('call', method, payload, answer.status, answer.body.ok ? answer.body.result : answer.body);
    };
    if (token !== this.token) {
      const answer = fail(401, 'Unauthorized');
      record(answer);
      return send(answer);
    }
    const delay = this.delays.get(method)?.shift();
    this.requests.push(method);
    this.events.emit('request', method, payload);
    this.events.emit('change');
    if (delay !== undefined) {
      // Held while the client waits; a client that gave up (closed the connection) no longer counts.
      let counted = true;
      const uncount = () => {
        if (counted) this.delayed -= 1;
        counted = false;
      };
      this.delayed += 1;
      res.once('close', uncount);
      await new Promise((resolve) => this.clock.setTimeout(() => resolve(undefined), delay));
      res.off('close', uncount);
      uncount();
    }
    const fault = this.faultFor(method);
    if (fault !== undefined) {
      this.faultCounts.set(faultName(fault), (this.faultCounts.get(faultName(fault)) ?? 0) + 1);
      const delivered = 'deliver' in fault && fault.deliver === true ? this.call(method, payload) : null;
      if (delivered !== null) record(delivered);
      if ('kind' in fault) {
        // Recorded with status 0: no HTTP answer was given.
        if (delivered === null) record({ status: 0, body: { ok: false, error_code: 0, description: `fault: ${fault.kind}` } });
        if (fault.kind === 'reset') {
          req.socket.destroy();
        } else {
          this.hanging.add(res);
          res.on('close', () => this.hanging.delete(res));
        }
        this.events.emit('fault', method, fault);
        return;
      }
      if (fault.code === 502) {
        // A reverse proxy's error page: HTML, not the Bot API's JSON.
        if (delivered === null) record({ status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway (HTML page)' } });
        this.events.emit('fault', method, fault);
        if (!res.writableEnded && !res.destroyed) {
          res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        }
        return;
      }
      const answer =
        fault.code === 429
          ? fail(429, `Too Many Requests: retry after ${fault.retryAfter ?? 1}`, { parameters: { retry_after: fault.retryAfter ?? 1 } })
          : fault.code === 400
            ? fail(400, fault.description)
            : fail(fault.code, fault.code === 500 ? 'Internal Server Error' : 'Service Unavailable');
      if (delivered === null) record(answer);
      this.events.emit('fault', method, fault);
      send(answer);
      return;
    }
    const answer = method === 'getUpdates' ? await this.getUpdates(payload, req) : this.call(method, payload);
    record(answer);
    send(answer);
  }

  /** The fault the next call of `method` meets, if any: queued faults first, then outages, then random ones. */
  private faultFor(method: string): Fault | undefined {
    const queued = this.faults.get(method)?.shift();
    if (queued !== undefined) return queued;
    const now = this.clock.now();
    this.outages = this.outages.filter((o) => o.until > now);
    const outage = this.outages.find((o) => o.methods === null || o.methods.has(method));
    if (outage !== undefined) return outage.fault;
    const random = this.randomFaults.get(method);
    if (random !== undefined && random.random() < random.rate) {
      return random.faults[Math.floor(random.random() * random.faults.length)];
    }
    return undefined;
  }

  private async getUpdates(payload: Json, req: IncomingMessage) {
    const offset = Number(payload.offset ?? 0);
    if (offset > this.confirmedOffset) this.confirmedOffset = offset;
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    this.events.emit('change');
    const limit = Number(payload.limit ?? 100);
    if (this.updates.length === 0 && Number(payload.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.clock.clearTimeout(timer);
          this.pollWaiters.delete(wake);
          req.socket.off('close', wake);
          resolve();
        };
        const timer = this.clock.setTimeout(wake, Math.min(Number(payload.timeout), 30) * 1000);
        this.pollWaiters.add(wake);
        req.socket.once('close', wake);
      });
    }
    return ok(this.updates.slice(0, limit));
  }

  private checkText(text: unknown, parseMode: unknown): { plain: string; bold: string[] } | string {
    if (typeof text !== 'string' || text.trim() === '') return 'Bad Request: message text is empty';
    let plain = text;
    let bold: string[] = [];
    if (parseMode === 'HTML') {
      try {
        ({ text: plain, bold } = parseTelegramHtml(text));
      } catch (err) {
        if (err instanceof HtmlParseError) return `Bad Request: ${err.message}`;
        throw err;
      }
    } else if (parseMode !== undefined) {
      return `Bad Request: unsupported parse_mode ${String(parseMode)}`;
    }
    if (plain.length > 4096) return 'Bad Request: message is too long';
    return { plain, bold };
  }

  private checkMarkup(markup: unknown): string | null {
    if (markup === undefined) return null;
    const rows = (markup as Json).inline_keyboard;
    if (!Array.isArray(rows)) return 'Bad Request: unsupported reply_markup';
    for (const row of rows) {
      for (const button of row) {
        if (typeof button.text !== 'string' || button.text === '') return 'Bad Request: button text is empty';
        if (button.callback_data !== undefined) {
          const size = Buffer.byteLength(String(button.callback_data), 'utf8');
          if (size < 1 || size > 64) return 'Bad Request: BUTTON_DATA_INVALID';
        }
      }
    }
    return null;
  }

  private chatOf(chatId: number): SentMessage['chat'] {
    const known = this.messages.get(chatId);
    const first = known?.values().next().value as Json | undefined;
    if (first?.chat) return first.chat;
    return chatId > 0 ? { id: chatId, type: 'private', first_name: 'User' } : { id: chatId, type: 'supergroup', title: 'Group' };
  }

  private call(method: string, p: Json): { status: number; body: Json } {
    switch (method) {
      case 'getMe':
        return ok({ ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true });
      case 'deleteWebhook':
        this.webhook = null;
        return ok(true);
      case 'setWebhook':
        if (typeof p.url !== 'string' || !p.url.startsWith('https://'))
          return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        this.webhook = p;
        return ok(true);
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', pending_update_count: 0 });
      case 'setMyCommands': {
        const commands = p.commands;
        if (!Array.isArray(commands) || commands.length === 0) return fail(400, 'Bad Request: commands must be non-empty');
        for (const c of commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command)) return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
          if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
            return fail(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
          }
        }
        return ok(true);
      }
      case 'sendChatAction':
        return ok(true);
      case 'leaveChat':
        if (typeof p.chat_id !== 'number' || p.chat_id > 0) return fail(400, 'Bad Request: chat not found');
        this.leftChats.add(p.chat_id);
        return ok(true);
      case 'sendMessage':
      case 'editMessageText': {
        const checked = this.checkText(p.text, p.parse_mode);
        if (typeof checked === 'string') return fail(400, checked);
        const markupError = this.checkMarkup(p.reply_markup);
        if (markupError) return fail(400, markupError);
        if (typeof p.chat_id !== 'number') return fail(400, 'Bad Request: chat not found');
        if (this.leftChats.has(p.chat_id)) return fail(403, 'Forbidden: bot is not a member of the supergroup chat');
        const replyTo = p.reply_parameters?.message_id;
        if (replyTo !== undefined && !this.messages.get(p.chat_id)?.has(replyTo) && !p.reply_parameters.allow_sending_without_reply) {
          return fail(400, 'Bad Request: message to be replied not found');
        }
        const existing = method === 'editMessageText' ? this.messages.get(p.chat_id)?.get(p.message_id) : undefined;
        if (method === 'editMessageText' && !existing) return fail(400, 'Bad Request: message to edit not found');
        const message: SentMessage = {
          message_id: method === 'editMessageText' ? p.message_id : this.nextMessageId++,
          chat: this.chatOf(p.chat_id),
          date: now(),
          text: p.text,
          plain: checked.plain,
          bold: checked.bold,
          html: p.text,
          ...(p.message_thread_id !== undefined ? { message_thread_id: p.message_thread_id, is_topic_message: true } : {}),
          ...(replyTo !== undefined ? { reply_to_message_id: replyTo } : {}),
          ...(p.reply_markup !== undefined ? { reply_markup: p.reply_markup } : {}),
        };
        this.remember({ ...message, from: this.bot, text: checked.plain });
        return ok(message);
      }
      case 'getFile': {
        const file = this.files.get(String(p.file_id ?? ''));
        if (file === undefined) return fail(400, 'Bad Request: invalid file_id');
        // Bots may download files of at most 20 MB.
        if (file.bytes.length > 20 * 1024 * 1024) return fail(400, 'Bad Request: file is too big');
        return ok({
          file_id: p.file_id,
          file_unique_id: `u-${file.path}`,
          ...(file.declaredSize !== null ? { file_size: file.declaredSize } : {}),
          file_path: file.path,
        });
      }
      case 'sendDocument': {
        // As Telegram: a file uploaded as multipart form data, at most 50 MB, with an optional caption.
        if (typeof p.chat_id !== 'number') return fail(400, 'Bad Request: chat not found');
        if (this.leftChats.has(p.chat_id)) return fail(403, 'Forbidden: bot is not a member of the supergroup chat');
        const file = p.document as UploadedFile | undefined;
        if (file === undefined || !Buffer.isBuffer(file.bytes)) return fail(400, 'Bad Request: there is no document in the request');
        if (file.bytes.length === 0) return fail(400, 'Bad Request: file must be non-empty');
        if (file.bytes.length > 50 * 1024 * 1024) return fail(413, 'Request Entity Too Large');
        let caption: string | undefined;
        if (p.caption !== undefined) {
          const checked = this.checkText(p.caption, p.parse_mode);
          if (typeof checked === 'string') return fail(400, checked);
          if (checked.plain.length > 1024) return fail(400, 'Bad Request: message caption is too long');
          caption = checked.plain;
        }
        const message = {
          message_id: this.nextMessageId++,
          chat: this.chatOf(p.chat_id),
          date: now(),
          document: {
            file_id: `sent-${this.nextMessageId}`,
            file_unique_id: `s${this.nextMessageId}`,
            file_name: file.filename,
            file_size: file.bytes.length,
          },
          ...(caption !== undefined ? { caption } : {}),
        };
        this.remember({ ...message, from: this.bot });
        return ok(message);
      }
      case 'sendPhoto': {
        // As Telegram: an uploaded JPEG or PNG of at most 10 MB, width + height ≤ 10000, sides at most 20:1.
        if (typeof p.chat_id !== 'number') return fail(400, 'Bad Request: chat not found');
        if (this.leftChats.has(p.chat_id)) return fail(403, 'Forbidden: bot is not a member of the supergroup chat');
        const file = p.photo as UploadedFile | undefined;
        if (file === undefined || !Buffer.isBuffer(file.bytes)) return fail(400, 'Bad Request: there is no photo in the request');
        if (file.bytes.length > 10 * 1024 * 1024) return fail(400, 'Bad Request: PHOTO_SAVE_FILE_INVALID');
        const size = imageSize(file.bytes);
        if (size === null) return fail(400, 'Bad Request: IMAGE_PROCESS_FAILED');
        const [w, h] = [size.width, size.height];
        if (w + h > 10_000 || Math.max(w, h) / Math.max(1, Math.min(w, h)) > 20) return fail(400, 'Bad Request: PHOTO_INVALID_DIMENSIONS');
        let caption: { plain: string; bold: string[] } | undefined;
        if (p.caption !== undefined) {
          const checked = this.checkText(p.caption, p.parse_mode);
          if (typeof checked === 'string') return fail(400, checked);
          if (checked.plain.length > 1024) return fail(400, 'Bad Request: message caption is too long');
          caption = checked;
        }
        const replyTo = p.reply_parameters?.message_id;
        if (replyTo !== undefined && !this.messages.get(p.chat_id)?.has(replyTo) && !p.reply_parameters.allow_sending_without_reply) {
          return fail(400, 'Bad Request: message to be replied not found');
        }
        const message: SentPhoto = {
          message_id: this.nextMessageId++,
          chat: this.chatOf(p.chat_id),
          date: now(),
          photo: [
            {
              file_id: `photo-${this.nextMessageId}`,
              file_unique_id: `u${this.nextMessageId}`,
              width: w,
              height: h,
              file_size: file.bytes.length,
            },
          ],
          ...(caption !== undefined ? { caption: caption.plain } : {}),
          ...(p.message_thread_id !== undefined ? { message_thread_id: p.message_thread_id, is_topic_message: true } : {}),
          ...(replyTo !== undefined ? { reply_to_message_id: replyTo } : {}),
        };
        this.remember({ ...message, from: this.bot });
        return ok(message);
      }
      case 'answerCallbackQuery': {
        const id = String(p.callback_query_id ?? '');
        if (!this.knownCallbacks.has(id))
          return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        const count = (this.answeredCallbacks.get(id) ?? 0) + 1;
        this.answeredCallbacks.set(id, count);
        if (count > 1) return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        return ok(true);
      }
      case 'answerInlineQuery': {
        const results = p.results;
        if (!Array.isArray(results) || results.length > 50) return fail(400, 'Bad Request: RESULTS_TOO_MUCH');
        const ids = new Set<string>();
        for (const r of results) {
          if (typeof r.id !== 'string' || r.id === '' || Buffer.byteLength(r.id) > 64 || ids.has(r.id)) {
            return fail(400, 'Bad Request: RESULT_ID_INVALID');
          }
          ids.add(r.id);
          if (r.type !== 'article' || typeof r.title !== 'string' || r.title === '') return fail(400, 'Bad Request: RESULT_TITLE_EMPTY');
          const content = r.input_message_content;
          const checked = this.checkText(content?.message_text, content?.parse_mode);
          if (typeof checked === 'string') return fail(400, checked);
        }
        return ok(true);
      }
      default:
        return fail(404, 'Not Found: method not found');
    }
  }
}
