// One bench block, run in a fresh child process so its RSS holds one system only: receives a BlockRequest
// over IPC, builds the system `builds` times, times question passes, and replies with a BlockResult.
// bench.ts bundles this file to dist/bench/block.js and forks it under plain node (no tsx loader in RSS).
import type { CorpusDocument } from '../../src/corpus/document.js';
import type { BaselineFact } from './baseline.js';
import { exposeGc, median, medianPass, timeOnceAsync, timeQuestions, type PassResult } from './measure.js';
import { withBuildHeap } from '../../src/host/heap.js';

/** Hits asked per question, as the bot and the CMRC eval ask. */
export const ASK_LIMIT = 3;

export type System = 'ours' | 'baseline';
export type CorpusSpec = { kind: 'dir'; dir: string } | { kind: 'documents'; documents: CorpusDocument[] };

/** How long and how often a block measures. */
export interface BlockSettings {
  /** Engine builds; the median is reported. */
  builds: number;
  /** Timed passes; the median pass is reported. */
  runs: number;
  /** Questions per pass, cycling through the pool. */
  questions: number;
  /** Stop adding passes once the block has run this long, ms (at least one pass always runs). */
  budgetMs: number;
}

export interface BlockRequest {
  system: System;
  corpus: CorpusSpec;
  /** The engine's facts, for the baseline to index (empty for ours). */
  facts: BaselineFact[];
  questions: string[];
  settings: BlockSettings;
}

export interface BlockResult {
  system: System;
  facts: number;
  /** Median build time, ms. */
  buildMs: number;
  /** The first (cold) build, ms. */
  firstBuildMs: number;
  /** RSS before the system was loaded, bytes: the node floor. */
  rssStart: number;
  /** RSS after the last build and a full GC, bytes. */
  rssAfterBuild: number;
  /** Median pass; its peakRss is the highest RSS sampled after the build and during all passes. */
  pass: PassResult;
  /** The kernel's RSS high-water mark for the whole child (builds included), bytes. */
  maxRss: number;
  runs: number;
}

type Ask = (question: string) => unknown;
type Build = () => Promise<{ ask: Ask; facts: number }>;

async function loadSystem(request: BlockRequest): Promise<Build> {
  if (request.system === 'baseline') {
    const { buildBaselineIndex } = await import('./baseline.js');
    return async () => {
      const index = buildBaselineIndex(request.facts);
      return { ask: (question) => index.search(question, ASK_LIMIT), facts: request.facts.length };
    };
  }
  const { buildEngine, buildEngineFromDir } = await import('../../src/answer/build-engine.js');
  const { corpus } = request;
  return async () => {
    const engine =
      corpus.kind === 'dir' ? (await withBuildHeap(() => buildEngineFromDir(corpus.dir))).engine : buildEngine(corpus.documents);
    return { ask: (question) => engine.ask(question, { limit: ASK_LIMIT }), facts: engine.facts.length };
  };
}

/** Measures one system on one corpus; see {@link BlockResult}. */
export async function runBlock(request: BlockRequest): Promise<BlockResult> {
  const gc = exposeGc();
  gc();
  const rssStart = process.memoryUsage.rss();
  const { settings, questions } = request;
  const build = await loadSystem(request);

  const buildTimes: number[] = [];
  let system: Awaited<ReturnType<Build>> | undefined;
  for (let i = 0; i < settings.builds; i++) {
    // eslint-disable-next-line no-useless-assignment -- let the previous build go before the next
    system = undefined;
    const { ms, value } = await timeOnceAsync(build);
    buildTimes.push(ms);
    system = value;
  }
  if (system === undefined) throw new Error('bench: no build ran');
  gc();
  const rssAfterBuild = process.memoryUsage.rss();

  timeQuestions(system.ask, questions, Math.min(1_000, settings.questions)); // warm-up, not reported
  const passes: PassResult[] = [];
  const blockStart = performance.now();
  for (let run = 0; run < settings.runs; run++) {
    passes.push(timeQuestions(system.ask, questions, settings.questions));
    if (performance.now() - blockStart > settings.budgetMs) break;
  }
  const pass = medianPass(passes);
  return {
    system: request.system,
    facts: system.facts,
    buildMs: median(buildTimes),
    firstBuildMs: buildTimes[0] ?? Number.NaN,
    rssStart,
    rssAfterBuild,
    pass: { ...pass, peakRss: Math.max(pass.peakRss, rssAfterBuild) },
    maxRss: process.resourceUsage().maxRSS * 1024,
    runs: passes.length,
  };
}

type BlockReply = { ok: true; result: BlockResult } | { ok: false; error: string };

/** Child side: answer one request from the parent, then exit. */
function serveBlock(): void {
  const reply = (message: BlockReply, code: number): void => {
    process.send?.(message, () => process.exit(code));
  };
  process.once('message', (message) => {
    runBlock(message as BlockRequest).then(
      (result) => reply({ ok: true, result }, 0),
      (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 1),
    );
  });
}

if (process.send !== undefined && process.argv.includes('--block')) serveBlock();
