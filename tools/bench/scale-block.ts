// One measurement of the scaling table (bench.ts), in a fresh child process so its RSS and its start hold one
// system only: our engine built from a corpus folder, cold (empty cache folder) or warm (the cache a cold build
// left), or the plain FlexSearch baseline over the same facts, indexed (cold) or imported from its export (warm).
// Then question latency over a question pool. bench.ts bundles this file next to block.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { Charset, Document } from 'flexsearch';
import { exposeGc, timeQuestions } from './measure.js';
import { withBuildHeap } from '../../src/host/heap.js';

export interface ScaleRequest {
  system: 'ours' | 'baseline';
  mode: 'cold' | 'warm';
  /** The corpus folder (ours). */
  dir: string;
  /** The engine cache folder (ours), or the baseline's export file. */
  cache: string;
  /** The engine's fact texts, as a JSON file (baseline). */
  factsFile: string;
  questions: string[];
  /** Questions timed (after a tenth as many for warm-up). */
  count: number;
}

export interface ScaleResult {
  facts: number;
  /** From the start of the build (folder read included, for ours) to an engine that answers, ms. */
  buildMs: number;
  /** What the build did (ours): documents analysed, from the cache, the index imported or built. */
  report: string;
  p50: number;
  p99: number;
  rssAfterBuild: number;
  /** The kernel's RSS high-water mark for the whole child, bytes. */
  maxRss: number;
}

/** The baseline's index, configured as baseline.ts configures it (Charset.CJK, default tokenizer). */
function baselineIndex() {
  return new Document<{ [key: string]: number | string; n: number; text: string }>({
    document: { id: 'n', index: [{ field: 'text', encoder: Charset.CJK }] },
  });
}

async function run(request: ScaleRequest): Promise<ScaleResult> {
  const gc = exposeGc();
  let ask: (q: string) => unknown;
  let facts: number;
  let report = '';
  let started = performance.now();
  if (request.system === 'ours') {
    const { buildEngineFromDir } = await import('../../src/answer/build-engine.js');
    started = performance.now();
    const built = await withBuildHeap(() => buildEngineFromDir(request.dir, { engineCache: request.cache }));
    const { engine } = built;
    ask = (q) => engine.ask(q, { limit: 3 });
    facts = engine.facts.length;
    const r = built.report;
    report = `${r.analysed.length} analysed, ${r.fromCache} from cache, index ${r.searchIndex}`;
    if (request.mode === 'cold') writeFileSync(request.factsFile, JSON.stringify(engine.facts.map((f) => f.text)));
  } else {
    const texts = JSON.parse(readFileSync(request.factsFile, 'utf8')) as string[];
    const index = baselineIndex();
    if (request.mode === 'cold') {
      texts.forEach((text, n) => index.add({ n, text }));
      const chunks: [string, string][] = [];
      index.export((key, data) => {
        chunks.push([key, data]);
      });
      writeFileSync(request.cache, JSON.stringify(chunks));
    } else {
      for (const [key, data] of JSON.parse(readFileSync(request.cache, 'utf8')) as [string, string][]) index.import(key, data);
    }
    ask = (q) => (index.search(q, { limit: 3, suggest: true })[0]?.result ?? []).map((id) => texts[Number(id)]);
    facts = texts.length;
  }
  const buildMs = performance.now() - started;
  gc();
  const rssAfterBuild = process.memoryUsage.rss();
  timeQuestions(ask, request.questions, Math.max(1, Math.round(request.count / 10)));
  const pass = timeQuestions(ask, request.questions, request.count);
  return { facts, buildMs, report, p50: pass.p50, p99: pass.p99, rssAfterBuild, maxRss: process.resourceUsage().maxRSS * 1024 };
}

if (process.send !== undefined && process.argv.includes('--scale')) {
  process.once('message', (message) => {
    run(message as ScaleRequest).then(
      (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
      (error: unknown) =>
        process.send?.({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
