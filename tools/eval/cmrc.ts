// CMRC external check: `npm run eval:cmrc -- ../shared/cmrc/cmrc2018_trial.json [--json] [--misses N] [--limit N]`.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { buildEngine } from '../../src/answer/build-engine.js';
import { parseCmrc } from './cmrc-data.js';
import { evaluateCmrc, type CmrcReport, type SettingScore } from './cmrc-score.js';

const USAGE = 'usage: npm run eval:cmrc -- FILE.json [--json] [--misses N] [--limit N]';

/** Issue #2 targets on the trial set (fractions). */
const TARGETS = {
  perPassage: { top1: 0.76, top3: 0.9 },
  global: { top1: 0.7, top3: 0.82 },
} as const;

interface CliArgs {
  file: string;
  json: boolean;
  misses: number;
  limit: number | undefined;
}

function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        misses: { type: 'string' },
        limit: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('give exactly one CMRC JSON file');
  return {
    file,
    json: values.json ?? false,
    misses: values.misses === undefined ? 0 : toCount('--misses', values.misses),
    limit: values.limit === undefined ? undefined : toCount('--limit', values.limit),
  };
}

/** Bad command line: print the usage. */
class UsageError extends Error {}
/** Unreadable input file: print the message, no stack. */
class InputError extends Error {}

function toCount(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} wants a whole number ≥ 0, got "${raw}"`);
  return n;
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatRow(name: string, s: SettingScore, target: { top1: number; top3: number }): string {
  const length = s.meanTopLength === null ? '-' : s.meanTopLength.toFixed(1);
  const cells = [
    name.padEnd(12),
    pct(s.top1Rate).padStart(6),
    pct(s.top3Rate).padStart(6),
    String(s.n).padStart(5),
    pct(s.foundRate).padStart(6),
    length.padStart(8),
    seconds(s.buildMs).padStart(8),
    seconds(s.askMs).padStart(8),
    `  ≥${pct(target.top1)} / ≥${pct(target.top3)}`,
  ];
  return cells.join('  ');
}

function formatReport(file: string, report: CmrcReport, retrieval: CmrcReport): string {
  const { ceiling } = report;
  return [
    `CMRC ${basename(file)}: ${report.passages} passages, ${report.questions} questions asked (limit 3)`,
    `ceiling: gold answer inside one sentence (。！？) ${pct(ceiling.sentenceRate)} (${ceiling.sentence}/${ceiling.n}), ` +
      `inside one clause (。！？；) ${pct(ceiling.clauseRate)} (${ceiling.clause}/${ceiling.n})`,
    '',
    `${'setting'.padEnd(12)}   top-1   top-3      n   found  top len     build       ask  target top-1 / top-3`,
    'answers (what users get: a question the engine is not confident about is answered "not in the document")',
    formatRow('per-passage', report.perPassage, TARGETS.perPassage),
    formatRow('global', report.global, TARGETS.global),
    "retrieval (the same ranking, never abstaining: comparable with the issue's baselines)",
    formatRow('per-passage', retrieval.perPassage, TARGETS.perPassage),
    formatRow('global', retrieval.global, TARGETS.global),
    '',
    'top len: mean characters of the top answer text over found answers; build/ask: total engine time.',
  ].join('\n');
}

function toJson(file: string, report: CmrcReport, retrieval: CmrcReport): object {
  const { globalMisses: _misses, ...figures } = report;
  const { globalMisses: _retrievalMisses, ...retrievalFigures } = retrieval;
  return { file: basename(file), ...figures, retrieval: retrievalFigures, targets: TARGETS };
}

function main(): void {
  const args = parseCli(process.argv.slice(2));
  const raw = readFileSync(args.file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InputError(`${args.file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const data = parseCmrc(json);
  const report = evaluateCmrc(data, buildEngine, { limit: args.limit });
  const retrieval = evaluateCmrc(data, buildEngine, { limit: args.limit, abstain: false });
  process.stdout.write(
    `${args.json ? JSON.stringify(toJson(args.file, report, retrieval)) : formatReport(args.file, report, retrieval)}\n`,
  );
  for (const miss of report.globalMisses.slice(0, args.misses)) {
    process.stderr.write(`\n[${miss.id}] ${miss.question}\n  gold: ${miss.gold.join(' | ')}\n  top:  ${miss.top ?? '(not found)'}\n`);
  }
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`eval:cmrc: ${error.message}\n${USAGE}\n`);
  } else if (error instanceof InputError) {
    process.stderr.write(`eval:cmrc: ${error.message}\n`);
  } else if (error instanceof ZodError) {
    process.stderr.write(
      `eval:cmrc: not a SQuAD-style CMRC file:\n${error.issues
        .slice(0, 5)
        .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
        .join('\n')}\n`,
    );
  } else if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR')) {
    process.stderr.write(`eval:cmrc: cannot read ${error.message}\n`);
  } else {
    process.stderr.write(`eval:cmrc: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
}
