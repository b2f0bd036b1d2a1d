// `npm run bench:load`: the bot under load, end to end. Starts the built bot (node dist/main.js) in webhook
// mode against a loopback Bot API (the tests' fake server, which checks every message the way Telegram
// does), POSTs distinct-question updates from many users in many group chats at a fixed concurrency, and
// prints: updates answered, wrong or duplicate answers, handler latency p50/p99 (measured in the bot, from
// taking an update to its answer sent: the "webhook stopped" line it logs), the round trip seen here (POST →
// 200, which adds the time a request waits in the bot's socket before it is read), throughput, and the bot
// process's peak RSS. Then a baseline in the same run (bare-webhook.ts: the least a webhook bot can do per update),
// and the same again with a share of sendMessage calls answered 429 (retry_after 1) or 500.
// Rate limits are raised for the bench (a load test is not a flood): see BENCH_ENV.
// Options: --updates N (5000) --users N (200) --chats N (20) --concurrency N (50) --fault-rate R (0.1) --seed N (42).
// Environment: BENCH_BOT_NODE_ARGS (node flags for the bot, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_BOT_STDOUT=1 (show the bot's standard output, e.g. with --trace-gc), BENCH_LOG_LEVEL, and WARM_UP_MS
// (the bot's start-up warm-up; WARM_UP_MS=0 shows what it is for).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { redactSecrets } from '../../src/host/log.js';
import type { LatencySummary } from '../../src/telegram/transport/latency-stats.js';
import { splitMessage } from '../../src/present/render.js';
import { renderReply } from '../../src/present/render-reply.js';
import { documentPageLinks } from '../../src/present/document-page.js';
import { createResponder, type Responder } from '../../src/app/respond.js';
import { pickExamples } from '../../src/present/render-info.js';
import { FakeBotApi, seededRandom, type Fault } from '../fake-bot-api.js';
import { loadQuestions } from './load-questions.js';
import { formatMb, formatMs, percentile } from './measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'dist', 'main.js');
const BARE = join(ROOT, 'tools', 'bench', 'bare-webhook.ts');
const TOKEN = '123456789:AABenchTokenForLoad-abcdefghijklmnop';
const SECRET = 'bench-webhook-secret_0123456789';
const WEBHOOK_PATH = '/telegram/webhook';

/** Targets from issue #5 (no faults). */
const TARGETS = { p99Ms: 50, rssBytes: 200 * 1024 * 1024, updatesPerSecond: 1000 } as const;

/** How many updates count as the bot's first ones, for the round trip split (a process just started is slower). */
const COLD_UPDATES = 1000;

/** The bot's settings for the bench: production defaults, except rate limits high enough not to drop load. */
const BENCH_ENV = {
  RATE_LIMIT_MAX: '10000',
  RATE_LIMIT_PRIVATE_MAX: '10000',
  RATE_LIMIT_CHAT_MAX: '100000',
  LOG_LEVEL: 'info',
} as const;

interface Settings {
  updates: number;
  users: number;
  chats: number;
  concurrency: number;
  faultRate: number;
  seed: number;
}

interface PhaseResult {
  name: string;
  sent: number;
  non200: number;
  /** Handler latency as the bot measured it (null if its closing log line was not seen). */
  handler: LatencySummary | null;
  answered: number;
  duplicates: number;
  wrong: number;
  p50: number;
  p99: number;
  max: number;
  /** Round trip p99 of the first COLD_UPDATES updates (a process just started) and of the rest. */
  coldP99: number;
  warmP99: number;
  seconds: number;
  throughput: number;
  peakRss: number | null;
  /** CPU time of the bot process, and of this process (load generator + fake Bot API), per update, ms. */
  botCpuMs: number | null;
  benchCpuMs: number;
  /** TCP connections the bot opened to the Bot API. */
  connections: number;
  faults: string;
  botWarnings: number;
  botErrors: number;
  /** The first few error lines the bot logged, as logged. */
  errorLines: string[];
  exitCode: number | null;
}

interface Planned {
  update: Record<string, unknown> & { update_id: number };
  chatId: number;
  messageId: number;
  expected: string;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      updates: { type: 'string', default: '5000' },
      users: { type: 'string', default: '200' },
      chats: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '50' },
      'fault-rate': { type: 'string', default: '0.1' },
      seed: { type: 'string', default: '42' },
    },
  });
  return {
    updates: Number(values.updates),
    users: Number(values.users),
    chats: Number(values.chats),
    concurrency: Number(values.concurrency),
    faultRate: Number(values['fault-rate']),
    seed: Number(values.seed),
  };
}

/** The webhook's public host in the bench (the bot never calls it). */
const BENCH_DOMAIN = 'bench.example.com';

/** The reply the bot must send to a group /ask (what answer-question.ts does, for a zh user). */
function expectedReply(engine: Engine, responder: Responder, examples: readonly string[], question: string): string {
  // The bench's questions are all full questions (load-questions.ts drops follow-up shapes), so the
  // asker's context never changes them and the reply is the same whoever asks first.
  const { reply, language } = responder.respond(question, { limit: 1 });
  const html = redactSecrets(
    renderReply(reply, {
      lang: 'zh',
      language,
      style: 'short',
      showQuestion: false,
      examples,
      subjectsEn: engine.vocabulary.subjectsEn,
      // Webhook mode links each citation to its document page on the webhook's domain (docs/BOT.md).
      sourceUrl: documentPageLinks(`https://${BENCH_DOMAIN}`, (id) => engine.documents.find((d) => d.id === id)?.text ?? null),
    }),
    [TOKEN],
  );
  return splitMessage(html).join('\n');
}

function plan(api: FakeBotApi, engine: Engine, settings: Settings): Planned[] {
  const questions = loadQuestions(engine, settings.updates);
  const responder = createResponder(engine);
  const examples = pickExamples(engine.topics(), 3);
  const chats = Array.from({ length: settings.chats }, (_, i) => ({ id: -1001000000001 - i, type: 'supergroup', title: `Bench ${i + 1}` }));
  return questions.map((question, i) => {
    const userIndex = i % settings.users;
    const user = { id: 100_001 + userIndex, is_bot: false, first_name: `User${userIndex}`, language_code: 'zh-hans' };
    const chat = chats[userIndex % settings.chats]!;
    const text = `/ask ${question}`;
    const message = {
      message_id: api.newMessageId(),
      date: Math.floor(Date.now() / 1000),
      chat,
      from: user,
      text,
      entities: [{ type: 'bot_command', offset: 0, length: 4 }],
    };
    const update = api.makeUpdate({ message });
    return { update, chatId: chat.id, messageId: message.message_id, expected: expectedReply(engine, responder, examples, question) };
  });
}

/** A port free right now on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface StartedBot {
  child: ChildProcess;
  port: number;
  /** Log lines by pino level (40 warn, 50 error, 60 fatal). */
  levels: Map<number, number>;
  /** The handler latency the bot logs when its webhook server stops. */
  handler: () => LatencySummary | null;
  errorLines: string[];
  exited: Promise<number | null>;
}

/** What answers the webhook: factbot, or the baseline (bare-webhook.ts). */
type Target = 'factbot' | 'baseline';

/**
 * Starts the bot (or the baseline) in webhook mode; resolves once it answers /healthz (and the bot has
 * registered its webhook).
 */
async function startBot(api: FakeBotApi, target: Target): Promise<StartedBot> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const script = target === 'factbot' ? [MAIN] : ['--import', 'tsx', BARE];
  const child = spawn(process.execPath, [...nodeArgs, ...script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_DOMAIN: BENCH_DOMAIN,
      WEBHOOK_PATH,
      WEBHOOK_SECRET: SECRET,
      HOST: '127.0.0.1',
      PORT: String(port),
      CORPUS_DIR: join(ROOT, 'corpus'),
      ...BENCH_ENV,
      ...(process.env.WARM_UP_MS !== undefined ? { WARM_UP_MS: process.env.WARM_UP_MS } : {}),
      ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
    },
    stdio: ['ignore', process.env.BENCH_BOT_STDOUT ? 'inherit' : 'ignore', 'pipe'],
  });
  const levels = new Map<number, number>();
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  let buffer = '';
  let lastFatal = '';
  const errorLines: string[] = [];
  let handler: LatencySummary | null = null;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level !== undefined) levels.set(Number(level), (levels.get(Number(level)) ?? 0) + 1);
      if (Number(level) >= 50) {
        lastFatal = line;
        if (errorLines.length < 3) errorLines.push(line);
      }
      if (line.includes('"msg":"webhook stopped"')) handler = JSON.parse(line) as LatencySummary;
    }
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`bot exited with code ${exitCode} before starting: ${lastFatal}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot did not start within 15 s: ${lastFatal}`);
    }
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (healthy && (target === 'baseline' || api.okCounts.get('setWebhook') === 1))
      return { child, port, levels, handler: () => handler, errorLines, exited };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** CPU seconds (user + system) a process has used (Linux /proc, 100 ticks a second), or null. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Peak resident set size of a process (Linux: VmHWM), or null where /proc is not available. */
function peakRssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function runPhase(
  name: string,
  engine: Engine,
  settings: Settings,
  faults: readonly Fault[],
  target: Target = 'factbot',
): Promise<PhaseResult> {
  const api = await new FakeBotApi(TOKEN).start();
  api.recordCalls = false;
  const replies = new Map<number, string[]>();
  api.events.on('call', (method: string, payload: Record<string, any>, status: number) => {
    if (method !== 'sendMessage' || status !== 200) return;
    const replyTo = payload.reply_parameters?.message_id as number | undefined;
    if (replyTo === undefined) return;
    const list = replies.get(replyTo) ?? [];
    list.push(payload.text as string);
    replies.set(replyTo, list);
  });
  if (faults.length > 0) api.injectRandom('sendMessage', settings.faultRate, faults, seededRandom(settings.seed));

  const bot = await startBot(api, target);
  const planned = plan(api, engine, settings);
  const latencies = new Float64Array(planned.length);
  let next = 0;
  let non200 = 0;
  // node:http with a keep-alive agent: undici's fetch costs several times more CPU per request, and this
  // process shares the machine with the bot.
  const agent = new Agent({ keepAlive: true, maxSockets: settings.concurrency });
  const send = (method: 'GET' | 'POST', path: string, body = '') =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bot.port,
          path,
          method,
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-telegram-bot-api-secret-token': SECRET,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const post = (body: string) => send('POST', WEBHOOK_PATH, body);
  // Telegram keeps its connections to a webhook open; so does this bench: the connections are opened (one
  // GET /healthz each) before the clock starts, so the figures are about updates, not TCP handshakes.
  await Promise.all(Array.from({ length: settings.concurrency }, () => send('GET', '/healthz')));
  const worker = async () => {
    for (;;) {
      const index = next++;
      const item = planned[index];
      if (item === undefined) return;
      const body = JSON.stringify(item.update);
      const started = performance.now();
      const status = await post(body);
      latencies[index] = performance.now() - started;
      if (status !== 200) non200 += 1;
    }
  };
  const botCpuBefore = cpuSecondsOf(bot.child.pid);
  const benchCpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const botCpuAfter = cpuSecondsOf(bot.child.pid);
  const benchCpu = process.cpuUsage(benchCpuBefore);

  // Answers acknowledged early (the webhook's ackAfterMs) may still be on their way.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && planned.some((p) => !replies.has(p.messageId))) await new Promise((r) => setTimeout(r, 100));
  const peakRss = peakRssOf(bot.child.pid);
  bot.child.kill('SIGTERM');
  const exitCode = await bot.exited;
  await api.stop();

  let answered = 0;
  let duplicates = 0;
  let wrong = 0;
  for (const p of planned) {
    const got = replies.get(p.messageId) ?? [];
    if (got.length > 0) answered += 1;
    if (got.length > 1) duplicates += 1;
    if (got.length > 0 && got[0] !== p.expected) wrong += 1;
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    name,
    sent: planned.length,
    non200,
    handler: bot.handler(),
    answered,
    duplicates,
    wrong,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    coldP99: percentile(latencies.slice(0, COLD_UPDATES).sort(), 99),
    warmP99: percentile(latencies.slice(COLD_UPDATES).sort(), 99),
    seconds,
    throughput: planned.length / seconds,
    peakRss,
    botCpuMs: botCpuBefore === null || botCpuAfter === null ? null : ((botCpuAfter - botCpuBefore) * 1000) / planned.length,
    benchCpuMs: (benchCpu.user + benchCpu.system) / 1000 / planned.length,
    connections: api.connections,
    faults: [...api.faultCounts].map(([kind, n]) => `${n}×${kind}`).join(', ') || 'none',
    botWarnings: bot.levels.get(40) ?? 0,
    botErrors: (bot.levels.get(50) ?? 0) + (bot.levels.get(60) ?? 0),
    errorLines: bot.errorLines,
    exitCode,
  };
}

/** The baseline's figures, and factbot's beside them as ratios. */
function baselineReport(bare: PhaseResult, ours: PhaseResult): string[] {
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
  return [
    `${bare.name}`,
    `  updates answered      ${bare.answered} / ${bare.sent}`,
    `  round trip            p50 ${formatMs(bare.p50)} / p99 ${formatMs(bare.p99)}  (max ${formatMs(bare.max)})`,
    `  throughput            ${bare.throughput.toFixed(0)} updates/s over ${bare.seconds.toFixed(2)} s`,
    `  peak RSS              ${bare.peakRss === null ? 'n/a' : formatMb(bare.peakRss)}`,
    `  CPU per update        ${bare.botCpuMs === null ? 'n/a' : formatMs(bare.botCpuMs)}, load generator + fake Bot API ${formatMs(bare.benchCpuMs)}`,
    `  factbot / baseline    throughput ${ratio(ours.throughput, bare.throughput)}, round trip p50 ${ratio(ours.p50, bare.p50)}, CPU per update ${ratio(ours.botCpuMs, bare.botCpuMs)}`,
  ];
}

function report(r: PhaseResult, targets: boolean): string[] {
  const mark = (ok: boolean) => (targets ? (ok ? '  ✓' : '  ✗ target missed') : '');
  return [
    `${r.name}`,
    `  updates answered      ${r.answered} / ${r.sent}${mark(r.answered === r.sent)}`,
    `  wrong answers         ${r.wrong}${mark(r.wrong === 0)}`,
    `  duplicate answers     ${r.duplicates}${mark(r.duplicates === 0)}`,
    `  webhook non-200       ${r.non200}`,
    r.handler === null
      ? `  handler latency       n/a (the bot logged no "webhook stopped" line)${mark(false)}`
      : `  handler latency       p50 ${formatMs(r.handler.p50Ms)} / p99 ${formatMs(r.handler.p99Ms)}  (max ${formatMs(r.handler.maxMs)}; ${r.handler.handled} updates, in the bot)${mark(r.handler.p99Ms < TARGETS.p99Ms)}`,
    `  round trip            p50 ${formatMs(r.p50)} / p99 ${formatMs(r.p99)}  (max ${formatMs(r.max)}; POST → 200 here, socket wait included)`,
    `                        p99 of the first ${COLD_UPDATES} updates ${formatMs(r.coldP99)}, of the rest ${formatMs(r.warmP99)}`,
    `  throughput            ${r.throughput.toFixed(0)} updates/s over ${r.seconds.toFixed(2)} s${mark(r.throughput >= TARGETS.updatesPerSecond)}`,
    `  bot peak RSS          ${r.peakRss === null ? 'n/a (no /proc)' : formatMb(r.peakRss)}${r.peakRss === null ? '' : mark(r.peakRss < TARGETS.rssBytes)}`,
    `  CPU per update        bot ${r.botCpuMs === null ? 'n/a' : formatMs(r.botCpuMs)}, load generator + fake Bot API ${formatMs(r.benchCpuMs)}`,
    `  Bot API connections   ${r.connections} (keep-alive)`,
    `  injected faults       ${r.faults}`,
    `  bot log               ${r.botWarnings} warnings, ${r.botErrors} errors; exit code ${r.exitCode}`,
    ...r.errorLines.map((line) => `    ${line.length > 400 ? `${line.slice(0, 400)}…` : line}`),
  ];
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm run bench:load does)`);
  const settings = readSettings();
  const { engine } = await buildEngineFromDir(join(ROOT, 'corpus'));
  console.log(
    `bench:load — ${settings.updates} updates (distinct questions) from ${settings.users} users in ${settings.chats} group chats, ` +
      `concurrency ${settings.concurrency}; node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`,
  );
  console.log(
    `bot: node dist/main.js, webhook mode, production defaults except ${Object.entries(BENCH_ENV)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log('');
  const clean = await runPhase('no faults', engine, settings, []);
  console.log(report(clean, true).join('\n'));
  console.log('');
  const bare = await runPhase(
    'baseline, same run: a bare node:http webhook answering each update with one fixed sendMessage (tools/bench/bare-webhook.ts)',
    engine,
    settings,
    [],
    'baseline',
  );
  console.log(baselineReport(bare, clean).join('\n'));
  console.log('');
  const faults: Fault[] = [{ code: 429, retryAfter: 1 }, { code: 500 }];
  const faulty = await runPhase(
    `${Math.round(settings.faultRate * 100)}% of sendMessage answered 429 (retry_after 1 s) or 500`,
    engine,
    settings,
    faults,
  );
  console.log(report(faulty, false).join('\n'));
  const ok = [clean, faulty].every((r) => r.answered === r.sent && r.wrong === 0 && r.duplicates === 0);
  console.log('');
  console.log(ok ? 'every update answered once, correctly, in both runs' : 'SOME UPDATES WERE LOST, WRONG OR DUPLICATED');
  process.exitCode = ok ? 0 : 1;
}

await main();
