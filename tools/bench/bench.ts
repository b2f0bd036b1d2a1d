// `npm run bench`: build time, latency, throughput and RSS of the engine beside a naive FlexSearch CJK index,
// on the seed corpus and on the CMRC passages as one corpus, plus process start to first answer.
// Each (corpus, system) block runs in a fresh child process (block.ts, bundled and run under plain node)
// so its RSS holds only that system.
// Then the scaling table: 1, 10, 100 and all of the CMRC trial + DRCD test passages in ../shared, and all of them
// three times over, each as a corpus folder in the system's temporary folder: our engine cold (empty cache) and
// warm (the cache the cold build left) beside a plain FlexSearch index over the same facts (indexed; imported).
// Options: --runs N (5) --questions N (10000) --budget SECONDS per block (30) --starts N (10) --cmrc FILE --no-scale --scale-only.
import { fork, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { cmrcDocuments, cmrcQuestions, parseCmrc } from '../eval/cmrc-data.js';
import { ASK_LIMIT, type BlockRequest, type BlockResult, type BlockSettings, type CorpusSpec } from './block.js';
import { formatMb, formatMs, median } from './measure.js';
import type { ScaleRequest, ScaleResult } from './scale-block.js';
import { sharedCorpus, writeCorpusDir } from './shared-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_DIR = join(ROOT, 'corpus');
const GOLDEN_DIR = join(ROOT, 'tests', 'golden');
const FIXTURE_DOCUMENTS = join(ROOT, 'tests', 'fixtures', 'documents');
/** The bulletin of the bench's third block: its text in tests/fixtures/documents, its questions in tests/golden/documents. */
const BULLETIN = 'qiandongnan-2016';
const DEFAULT_CMRC = join(ROOT, '..', 'shared', 'cmrc', 'cmrc2018_trial.json');
const ASK_CLI = join(ROOT, 'dist', 'cli', 'ask.js');
const BLOCK_SOURCE = fileURLToPath(new URL('./block.ts', import.meta.url));
const SCALE_SOURCE = fileURLToPath(new URL('./scale-block.ts', import.meta.url));
/** Documents of the scaling table: the first N of the shared passages, all of them, and all three times over. */
const SCALE_SIZES = [1, 10, 100] as const;
/** Questions timed per row of the scaling table. */
const SCALE_QUESTIONS = 2_000;
const BLOCK_OUTDIR = join(ROOT, 'dist', 'bench');
const START_QUESTION = '浑南区面积多大？';

/** Targets from issue #2. */
const TARGETS = { seedP99Ms: 1, startMs: 500, rssBytes: 150 * 1024 * 1024 } as const;
/** Targets from issue #13, for about 1.5 M characters (the shared passages three times over), and the Hunnan start. */
const TARGETS_13 = { warmMs: 2_000, coldMs: 10_000, rssBytes: 350 * 1024 * 1024, p99Ms: 5, seedStartMs: 300 } as const;

/** Bench settings; see the header comment for the flags. */
interface BenchSettings extends BlockSettings {
  /** Process starts per command for start-to-first-answer. */
  starts: number;
  cmrcFile: string;
  /** Run the scaling table (--no-scale skips it). */
  scale: boolean;
  /** Only the scaling table (--scale-only). */
  scaleOnly: boolean;
}

const DEFAULT_SETTINGS: BenchSettings = {
  runs: 5,
  questions: 10_000,
  budgetMs: 30_000,
  builds: 5,
  starts: 10,
  cmrcFile: DEFAULT_CMRC,
  scale: true,
  scaleOnly: false,
};

/** How block children are started. */
interface ChildScript {
  file: string;
  /** scale-block.ts, bundled beside block.ts. */
  scaleFile: string;
  execArgv: string[];
  /** Shown in the header: how the children ran. */
  note: string;
}

/**
 * Bundles block.ts with esbuild (code splitting, so the baseline child never loads the engine's modules)
 * and runs it under plain node; falls back to the TypeScript source under the current loader (tsx).
 */
async function prepareChild(): Promise<ChildScript> {
  try {
    const { build } = await import('esbuild');
    rmSync(BLOCK_OUTDIR, { recursive: true, force: true }); // chunk names carry hashes; drop stale ones
    await build({
      entryPoints: [BLOCK_SOURCE, SCALE_SOURCE],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outdir: BLOCK_OUTDIR,
      logLevel: 'warning',
    });
    return {
      file: join(BLOCK_OUTDIR, 'block.js'),
      scaleFile: join(BLOCK_OUTDIR, 'scale-block.js'),
      execArgv: [],
      note: 'plain node, block.ts bundled to dist/bench',
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      file: BLOCK_SOURCE,
      scaleFile: SCALE_SOURCE,
      execArgv: process.execArgv,
      note: `under tsx (bundling failed: ${reason}); RSS includes the loader`,
    };
  }
}

function runBlockInChild(child: ChildScript, request: BlockRequest): Promise<BlockResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(child.file, ['--block'], { execArgv: child.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    proc.once('message', (message) => {
      settled = true;
      const reply = message as { ok: true; result: BlockResult } | { ok: false; error: string };
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`bench block ${request.system} failed:\n${reply.error}`));
    });
    proc.once('exit', (code) => {
      if (!settled) reject(new Error(`bench block ${request.system} exited with code ${code} before reporting`));
    });
    proc.send(request);
  });
}

/** Writes lines to stdout as soon as a section is ready. */
function print(...lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

const GoldenLineSchema = z.object({ q: z.string().min(1) }).or(z.object({ first: z.string().min(1), then: z.string().min(1) }));

/** The questions of every line of the given golden files (`q`, or a follow-up pair's first question). */
function loadGoldenQuestions(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.trim(), where: `${basename(file)}:${i + 1}` }))
      .filter(({ line }) => line.length > 0)
      .map(({ line, where }) => {
        const parsed = GoldenLineSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`bench: ${where}: no question "q"`);
        return 'q' in parsed.data ? parsed.data.q : parsed.data.first;
      }),
  );
}

/** tests/golden/*.jsonl: the seed corpus's golden questions. */
function seedGoldenFiles(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(GOLDEN_DIR, name));
}

/** Simple rewordings a user might type: no final mark, 请问 in front, ASCII "?", a trailing 呢. */
function questionVariants(question: string): string[] {
  const bare = question.replace(/[？?。！!\s]+$/u, '');
  return [...new Set([question, bare, `请问${question}`, question.replace(/？/gu, '?'), `${bare}呢？`])];
}

function questionPool(questions: readonly string[]): string[] {
  return [...new Set(questions.flatMap(questionVariants))];
}

interface CorpusBench {
  name: string;
  note: string;
  ours: BlockResult;
  baseline: BlockResult;
}

async function benchCorpus(
  name: string,
  corpus: CorpusSpec,
  questions: string[],
  questionNote: string,
  settings: BlockSettings,
  child: ChildScript,
): Promise<CorpusBench> {
  const { buildEngine, buildEngineFromDir } = await import('../../src/answer/build-engine.js');
  const engine = corpus.kind === 'dir' ? (await buildEngineFromDir(corpus.dir)).engine : buildEngine(corpus.documents);
  const facts = engine.facts.map(({ id, text }) => ({ id, text }));
  const documents = engine.documents.length;
  process.stderr.write(`bench: ${name}: ${documents} documents, ${facts.length} facts, ${questions.length} distinct questions\n`);
  const common = { corpus, questions, settings };
  const ours = await runBlockInChild(child, { system: 'ours', facts: [], ...common });
  const baseline = await runBlockInChild(child, { system: 'baseline', facts, ...common });
  return { name, note: `${documents} documents, ${facts.length} facts; ${questionNote}`, ours, baseline };
}

interface StartBench {
  askMs: number;
  nodeMs: number;
  found: string;
}

/** Median wall time of `node dist/cli/ask.js --json Q` and of `node -e 0`, interleaved. */
function benchStart(starts: number): StartBench | string {
  if (!existsSync(ASK_CLI)) return `skipped: ${ASK_CLI} not built`;
  const askTimes: number[] = [];
  const nodeTimes: number[] = [];
  let found = '?';
  for (let i = 0; i < starts; i++) {
    let t = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    nodeTimes.push(performance.now() - t);
    t = performance.now();
    const run = spawnSync(process.execPath, [ASK_CLI, '--json', START_QUESTION], { cwd: ROOT, encoding: 'utf8' });
    askTimes.push(performance.now() - t);
    if (run.status !== 0) return `failed: ask exited ${run.status}: ${run.stderr.trim().slice(0, 300)}`;
    try {
      const reply = JSON.parse(run.stdout) as { found?: unknown; answers?: Array<{ text?: unknown }> };
      found = reply.found === true ? `found: ${String(reply.answers?.[0]?.text ?? '')}` : 'not found';
    } catch {
      return `failed: ask --json printed no JSON: ${run.stdout.slice(0, 200)}`;
    }
  }
  return { askMs: median(askTimes), nodeMs: median(nodeTimes), found };
}

function ratio(ours: number, baseline: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return '-';
  const r = ours / baseline;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

function formatCorpus(bench: CorpusBench): string {
  const { ours, baseline } = bench;
  const rows: Array<[string, string, string, string]> = [
    ['facts', String(ours.facts), String(baseline.facts), ''],
    ['build (median)', formatMs(ours.buildMs), formatMs(baseline.buildMs), ratio(ours.buildMs, baseline.buildMs)],
    ['build (first, cold)', formatMs(ours.firstBuildMs), formatMs(baseline.firstBuildMs), ratio(ours.firstBuildMs, baseline.firstBuildMs)],
    ['latency p50', formatMs(ours.pass.p50), formatMs(baseline.pass.p50), ratio(ours.pass.p50, baseline.pass.p50)],
    ['latency p99', formatMs(ours.pass.p99), formatMs(baseline.pass.p99), ratio(ours.pass.p99, baseline.pass.p99)],
    ['questions/s', ours.pass.qps.toFixed(0), baseline.pass.qps.toFixed(0), ratio(ours.pass.qps, baseline.pass.qps)],
    ['RSS after build', formatMb(ours.rssAfterBuild), formatMb(baseline.rssAfterBuild), ratio(ours.rssAfterBuild, baseline.rssAfterBuild)],
    ['RSS peak (run)', formatMb(ours.pass.peakRss), formatMb(baseline.pass.peakRss), ratio(ours.pass.peakRss, baseline.pass.peakRss)],
    ['RSS high-water', formatMb(ours.maxRss), formatMb(baseline.maxRss), ratio(ours.maxRss, baseline.maxRss)],
    ['RSS child floor', formatMb(ours.rssStart), formatMb(baseline.rssStart), ''],
    ['timed passes', `${ours.runs} × ${ours.pass.count}`, `${baseline.runs} × ${baseline.pass.count}`, ''],
  ];
  const line = ([label, a, b, r]: [string, string, string, string]): string =>
    `  ${label.padEnd(20)}${a.padStart(12)}${b.padStart(14)}${r.padStart(14)}`;
  return [`${bench.name}: ${bench.note}`, line(['', 'ours', 'baseline', 'ours/baseline']), ...rows.map(line)].join('\n');
}

function runScaleInChild(child: ChildScript, request: ScaleRequest): Promise<ScaleResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(child.scaleFile, ['--scale'], { execArgv: child.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    proc.once('message', (message) => {
      settled = true;
      const reply = message as { ok: true; result: ScaleResult } | { ok: false; error: string };
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`bench scale ${request.system} ${request.mode} failed:\n${reply.error}`));
    });
    proc.once('exit', (code) => {
      if (!settled) reject(new Error(`bench scale ${request.system} ${request.mode} exited with code ${code} before reporting`));
    });
    proc.send(request);
  });
}

interface ScaleRow {
  label: string;
  documents: number;
  chars: number;
  ours: { cold: ScaleResult; warm: ScaleResult };
  baseline: { cold: ScaleResult; warm: ScaleResult };
}

/** The scaling table's rows; a string when the shared passages are absent. */
async function benchScaling(child: ChildScript): Promise<ScaleRow[] | string> {
  const once = sharedCorpus(1);
  const thrice = sharedCorpus(3);
  if (!once || !thrice) return 'skipped: ../shared/cmrc and ../shared/drcd not found (they are not part of the project)';
  const questions = questionPool(once.questions);
  const sets = [
    ...SCALE_SIZES.map((n) => ({ label: `${n}`, documents: once.documents.slice(0, n) })),
    { label: `${once.documents.length} (all)`, documents: once.documents },
    { label: `${thrice.documents.length} (all ×3)`, documents: thrice.documents },
  ];
  const rows: ScaleRow[] = [];
  for (const set of sets) {
    const root = mkdtempSync(join(tmpdir(), 'factbot-bench-scale-'));
    try {
      const dir = join(root, 'corpus');
      writeCorpusDir(dir, set.documents);
      const common = { dir, factsFile: join(root, 'facts.json'), questions, count: SCALE_QUESTIONS };
      const ours = { cache: join(root, 'cache') };
      const flex = { cache: join(root, 'flexsearch.json') };
      const oursCold = await runScaleInChild(child, { system: 'ours', mode: 'cold', ...common, ...ours });
      const oursWarm = await runScaleInChild(child, { system: 'ours', mode: 'warm', ...common, ...ours });
      const baseCold = await runScaleInChild(child, { system: 'baseline', mode: 'cold', ...common, ...flex });
      const baseWarm = await runScaleInChild(child, { system: 'baseline', mode: 'warm', ...common, ...flex });
      const chars = set.documents.reduce((n, d) => n + d.text.length, 0);
      rows.push({
        label: set.label,
        documents: set.documents.length,
        chars,
        ours: { cold: oursCold, warm: oursWarm },
        baseline: { cold: baseCold, warm: baseWarm },
      });
      process.stderr.write(`bench: scale ${set.label}: ${oursCold.facts} facts; warm: ${oursWarm.report}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}

function formatScaling(rows: ScaleRow[]): string {
  const header = [
    'documents',
    'chars',
    'facts',
    'cold build',
    'flex index',
    'warm start',
    'flex import',
    'RSS peak',
    'flex RSS',
    'p50',
    'flex p50',
    'p99',
    'flex p99',
  ];
  const cells = rows.map((r) => [
    r.label,
    `${(r.chars / 1e6).toFixed(2)} M`,
    String(r.ours.cold.facts),
    formatMs(r.ours.cold.buildMs),
    formatMs(r.baseline.cold.buildMs),
    formatMs(r.ours.warm.buildMs),
    formatMs(r.baseline.warm.buildMs),
    formatMb(Math.max(r.ours.cold.maxRss, r.ours.warm.maxRss)),
    formatMb(Math.max(r.baseline.cold.maxRss, r.baseline.warm.maxRss)),
    formatMs(r.ours.warm.p50),
    formatMs(r.baseline.warm.p50),
    formatMs(r.ours.warm.p99),
    formatMs(r.baseline.warm.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padStart(widths[i]!)).join(' | ')} |`;
  return [
    `scaling (each cell a fresh process; ${SCALE_QUESTIONS} questions timed per row, CMRC + DRCD questions cycled; ` +
      'cold = empty cache folder, warm = the cache the cold build left; flex = plain FlexSearch (Charset.CJK) over the same facts, ' +
      'indexed / imported from its export; RSS = the kernel high-water mark of the cold and warm processes, builds included):',
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

function check(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

function parseSettings(argv: string[]): BenchSettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      questions: { type: 'string' },
      budget: { type: 'string' },
      starts: { type: 'string' },
      cmrc: { type: 'string' },
      'no-scale': { type: 'boolean' },
      'scale-only': { type: 'boolean' },
    },
  });
  const count = (flag: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`bench: --${flag} wants a positive number, got "${raw}"`);
    return n;
  };
  return {
    ...DEFAULT_SETTINGS,
    runs: Math.round(count('runs', values.runs, DEFAULT_SETTINGS.runs)),
    questions: Math.round(count('questions', values.questions, DEFAULT_SETTINGS.questions)),
    budgetMs: count('budget', values.budget, DEFAULT_SETTINGS.budgetMs / 1000) * 1000,
    starts: Math.round(count('starts', values.starts, DEFAULT_SETTINGS.starts)),
    cmrcFile: values.cmrc ?? DEFAULT_SETTINGS.cmrcFile,
    scale: values['no-scale'] !== true,
    scaleOnly: values['scale-only'] === true,
  };
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const started = performance.now();
  const child = await prepareChild();
  print(
    `factbot bench: node ${process.version}, ${cpus().length} CPUs; per block ${settings.builds} builds and up to ` +
      `${settings.runs} passes of ${settings.questions} questions (limit ${ASK_LIMIT}); medians reported`,
    `each block in a fresh child process: ${child.note}`,
    'baseline: FlexSearch Document, field text, encoder Charset.CJK, default tokenizer, search suggest: true, ' +
      "over the engine's own facts (its build time is indexing only, no segmentation)",
    '',
  );

  if (settings.scaleOnly) {
    const scaling = await benchScaling(child);
    print(typeof scaling === 'string' ? `scaling: ${scaling}` : formatScaling(scaling));
    return;
  }

  const golden = loadGoldenQuestions(seedGoldenFiles());
  const seedPool = questionPool(golden);
  const seed = await benchCorpus(
    'seed corpus (corpus/)',
    { kind: 'dir', dir: SEED_DIR },
    seedPool,
    `${golden.length} golden questions × variants = ${seedPool.length} distinct, cycled`,
    settings,
    child,
  );
  print(formatCorpus(seed), '');

  // A statistical bulletin with tables (a document the engine was not tuned on), alone in a corpus folder.
  const bulletinDir = mkdtempSync(join(tmpdir(), 'factbot-bench-bulletin-'));
  let bulletin: CorpusBench;
  try {
    cpSync(join(FIXTURE_DOCUMENTS, `${BULLETIN}-tongjigongbao.txt`), join(bulletinDir, `${BULLETIN}-tongjigongbao.txt`));
    const asked = loadGoldenQuestions([join(GOLDEN_DIR, 'documents', `${BULLETIN}.jsonl`)]);
    const pool = questionPool(asked);
    bulletin = await benchCorpus(
      `statistical bulletin (${BULLETIN}, tests/fixtures)`,
      { kind: 'dir', dir: bulletinDir },
      pool,
      `${asked.length} golden questions × variants = ${pool.length} distinct, cycled`,
      settings,
      child,
    );
  } finally {
    rmSync(bulletinDir, { recursive: true, force: true });
  }
  print(formatCorpus(bulletin), '');

  let cmrc: CorpusBench | undefined;
  if (existsSync(settings.cmrcFile)) {
    const data = parseCmrc(JSON.parse(readFileSync(settings.cmrcFile, 'utf8')) as unknown);
    const asked = cmrcQuestions(data)
      .map((q) => q.question)
      .filter((q) => q.trim().length > 0);
    const pool = questionPool(asked);
    cmrc = await benchCorpus(
      'CMRC passages as one corpus',
      { kind: 'documents', documents: cmrcDocuments(data) },
      pool,
      `${asked.length} CMRC questions × variants = ${pool.length} distinct, cycled`,
      settings,
      child,
    );
    print(formatCorpus(cmrc), '');
  } else {
    print(`CMRC passages: skipped, ${settings.cmrcFile} not found`, '');
  }

  const start = benchStart(settings.starts);
  if (typeof start === 'string') {
    print(`start to first answer: ${start}`);
  } else {
    print(
      `start to first answer (median of ${settings.starts}): node dist/cli/ask.js --json "${START_QUESTION}" ` +
        `${formatMs(start.askMs)}; node -e 0 ${formatMs(start.nodeMs)}; difference ${formatMs(start.askMs - start.nodeMs)}`,
      `  answer: ${start.found.slice(0, 80)}`,
    );
  }

  let scaling: ScaleRow[] | string = 'skipped (--no-scale)';
  if (settings.scale) {
    scaling = await benchScaling(child);
    print('', typeof scaling === 'string' ? `scaling: ${scaling}` : formatScaling(scaling));
  }
  const big = typeof scaling === 'string' ? undefined : scaling[scaling.length - 1];

  print(
    '',
    'targets:',
    `  seed p99 ≤ ${TARGETS.seedP99Ms} ms per question: ${formatMs(seed.ours.pass.p99)}  ${check(seed.ours.pass.p99 <= TARGETS.seedP99Ms)}`,
    typeof start === 'string'
      ? `  start to first answer ≤ ${TARGETS.startMs} ms: not measured`
      : `  start to first answer ≤ ${TARGETS.startMs} ms: ${formatMs(start.askMs)}  ${check(start.askMs <= TARGETS.startMs)}`,
    `  RSS ≤ ${formatMb(TARGETS.rssBytes)} (seed, peak after build and during the run): ${formatMb(seed.ours.pass.peakRss)}  ` +
      check(seed.ours.pass.peakRss <= TARGETS.rssBytes),
    `  (bulletin: p50 ${formatMs(bulletin.ours.pass.p50)}, p99 ${formatMs(bulletin.ours.pass.p99)}, peak RSS ${formatMb(bulletin.ours.pass.peakRss)})`,
    ...(cmrc === undefined ? [] : [`  (CMRC corpus: peak RSS ${formatMb(cmrc.ours.pass.peakRss)})`]),
    ...(big === undefined
      ? ['  issue 13 targets (1.7 M characters): not measured']
      : [
          `  issue 13, ${big.label} documents, ${(big.chars / 1e6).toFixed(2)} M characters:`,
          `    warm start ≤ ${formatMs(TARGETS_13.warmMs)}: ${formatMs(big.ours.warm.buildMs)}  ${check(big.ours.warm.buildMs <= TARGETS_13.warmMs)}`,
          `    cold build ≤ ${formatMs(TARGETS_13.coldMs)}: ${formatMs(big.ours.cold.buildMs)}  ${check(big.ours.cold.buildMs <= TARGETS_13.coldMs)}`,
          `    peak RSS ≤ ${formatMb(TARGETS_13.rssBytes)}: ${formatMb(big.ours.warm.maxRss)} warm, ${formatMb(big.ours.cold.maxRss)} cold  ` +
            check(Math.max(big.ours.warm.maxRss, big.ours.cold.maxRss) <= TARGETS_13.rssBytes),
          `    question p99 ≤ ${formatMs(TARGETS_13.p99Ms)}: ${formatMs(big.ours.warm.p99)}  ${check(big.ours.warm.p99 <= TARGETS_13.p99Ms)}`,
        ]),
    typeof start === 'string'
      ? ''
      : `  issue 13, Hunnan start-up ≤ ${TARGETS_13.seedStartMs} ms (warm cache): ${formatMs(start.askMs)}  ${check(start.askMs <= TARGETS_13.seedStartMs)}`,
    '',
    `bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
