/**
 * The layer order of src/, checked: every import points down the pipeline, into a lower layer's entry
 * file (its index.ts), never into tests/ or tools/, and the folder graph has no cycle.
 *
 *   npx tsx tools/layers.ts        prints the folder graph and any violation (exit 1 on one)
 *
 * tests/layers.test.ts runs checkLayers on src/ and on a copy with a bad import added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bottom to top. A folder may import only from folders of a lower rank; folders of one rank (the
 * adapters) never import each other. '.' is the composition root (src/main.ts).
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['text'], // normalisation, tokenizer and its tag types, character bigrams
  ['corpus'], // readers, the corpus folder, segmentation into blocks, sentences, clauses
  ['facts'], // fact records and their figures
  ['search'], // the FlexSearch index and term statistics
  ['question'], // the question read once into a frame; question vocabulary
  ['ranking'], // scoring facts against a question
  ['answer'], // the engine: createEngine, buildEngineFromDir, Answer
  ['app'], // respond(): follow-ups, computations, the reply model
  ['present'], // one renderer per medium (plain text, Telegram HTML, JSON), the wording of every message
  ['host'], // configuration and logging
  ['library'], // the corpus in service: engine holder, reload queue, file watching, uploads, the documents ledger
  ['telegram', 'cli', 'console'], // adapters
  ['.'], // composition root
];

export interface ImportEdge {
  from: string; // file, relative to the root
  to: string; // resolved target, relative to the root
  spec: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every relative import of every .ts file under `srcDir`, resolved. */
export function importsOf(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of listTs(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const to = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
      edges.push({ from: relative(srcDir, file), to: relative(srcDir, to), spec });
    }
  }
  return edges;
}

function folderOf(rel: string): string {
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0]! : '.';
}

function rankOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

/** The import graph between top folders (edges with a count). */
export function folderGraph(edges: readonly ImportEdge[]): Map<string, Map<string, number>> {
  const graph = new Map<string, Map<string, number>>();
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === b || b.startsWith('..')) continue;
    const out = graph.get(a) ?? new Map<string, number>();
    out.set(b, (out.get(b) ?? 0) + 1);
    graph.set(a, out);
  }
  return graph;
}

/** Cycles between folders (each as a path a → … → a), by depth-first search. */
export function folderCycles(graph: Map<string, Map<string, number>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n)?.keys() ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

/** Every violation of the layer order under `srcDir`, one line each; empty when the layout holds. */
export function checkLayers(srcDir: string): string[] {
  const edges = importsOf(srcDir);
  const problems: string[] = [];
  for (const e of edges) {
    if (e.to.startsWith('..')) {
      problems.push(`${e.from} imports ${e.spec}, outside src/ (tests/ and tools/ are never imported by the product)`);
      continue;
    }
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === b) continue;
    const ra = rankOf(a);
    const rb = rankOf(b);
    if (ra < 0) problems.push(`${e.from}: folder ${a} has no place in LAYERS (tools/layers.ts)`);
    else if (rb < 0) problems.push(`${e.from} imports ${e.spec}: folder ${b} has no place in LAYERS`);
    else if (rb > ra) problems.push(`${e.from} imports ${e.spec}: ${a} (layer ${ra}) must not import ${b} (layer ${rb}), a layer above it`);
    else if (rb === ra) problems.push(`${e.from} imports ${e.spec}: ${a} and ${b} are on one layer and must not import each other`);
    else if (b !== '.' && e.to !== join(b, 'index.ts'))
      problems.push(`${e.from} imports ${e.spec}: another layer is imported through its entry file ${b}/index.ts`);
  }
  for (const cycle of folderCycles(folderGraph(edges))) problems.push(`folder cycle: ${cycle.join(' → ')}`);
  return [...new Set(problems)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  for (const [a, out] of folderGraph(importsOf(src))) console.log(`${a} → ${[...out.keys()].join(', ')}`);
  const problems = checkLayers(src);
  for (const p of problems) console.log(`✗ ${p}`);
  console.log(problems.length === 0 ? 'layers: no violation, no folder cycle' : `layers: ${problems.length} violation(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
