/**
 * The `ask` command line: one question as arguments (human text, or --json), or a batch of
 * questions on standard input, one a line (plain text or {"id","question"}), answered as JSON lines.
 *
 *   npm run --silent ask -- "浑南区面积多大？"
 *   npm run --silent ask -- --json "国家高新技术企业有几家？"
 *   printf '%s\n' '{"id":"q1","question":"常住人口多少？"}' | npm run --silent ask
 *   npm run --silent ask -- --chart chart.png "哪个产业计划投资最多？"
 */
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildEngineFromDir, DEFAULT_ENGINE_CACHE_DIR } from '../answer/index.js';
import { barChartOf, formatReplyText, pickExamples, renderChartPng, replyToJson } from '../present/index.js';
import { createResponder } from '../app/index.js';
import { CorpusError } from '../corpus/index.js';
import { answerBatchLine } from './batch.js';
import { withBuildHeap } from '../host/index.js';

const USAGE = `usage: ask [--json] [--debug] [--corpus DIR] [--limit N] [--chart FILE.png] [--cache DIR | --no-cache] [question ...]
  With a question: answers it (human text, or one JSON object with --json);
  --chart also writes the bar chart the bot sends for a sum or comparison of
  several figures (nothing is written when the answer has none).
  Without one: reads questions from standard input, one a line (plain text or
  {"id": ..., "question": ...}), and writes one JSON line per question.
  The engine cache (default ${DEFAULT_ENGINE_CACHE_DIR}) makes the next start read only changed documents.`;

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) await once(process.stdout, 'drain');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        corpus: { type: 'string', default: 'corpus' },
        limit: { type: 'string', default: '3' },
        chart: { type: 'string' },
        cache: { type: 'string', default: DEFAULT_ENGINE_CACHE_DIR },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`ask: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
    process.stderr.write('ask: --limit takes a whole number from 1 to 20\n');
    return 2;
  }
  if (values.chart !== undefined && positionals.length === 0) {
    process.stderr.write('ask: --chart needs a question\n');
    return 2;
  }
  const { engine, warnings } = await withBuildHeap(() =>
    buildEngineFromDir(values.corpus, { engineCache: values['no-cache'] ? null : values.cache }),
  );
  const responder = createResponder(engine);
  for (const w of warnings) process.stderr.write(`ask: warning: ${w}\n`);
  const debug = values.debug;

  if (positionals.length > 0) {
    const { reply, language } = responder.respond(positionals.join(' '), { limit });
    if (values.json) await write(JSON.stringify(replyToJson(reply, { debug })));
    else
      await write(
        formatReplyText(reply, { language, debug, examples: pickExamples(engine.topics(), 1), subjectsEn: engine.vocabulary.subjectsEn }),
      );
    if (values.chart !== undefined) {
      const chart = barChartOf(reply, { language, subjectsEn: engine.vocabulary.subjectsEn });
      if (chart === null) {
        process.stderr.write('ask: no chart for this answer (charts are for sums and comparisons of several figures)\n');
        return 3;
      }
      await writeFile(values.chart, await renderChartPng(chart));
      process.stderr.write(`ask: chart written to ${values.chart}\n`);
    }
    return 0;
  }

  if (process.stdin.isTTY) process.stderr.write('ask: reading questions from standard input, one a line (Ctrl-D ends)\n');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    await write(JSON.stringify(answerBatchLine(responder, line, lineNo, { debug, limit })));
  }
  return 0;
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0); // the reader went away (e.g. `| head`): not an error
  throw err;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof CorpusError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`ask: ${message}\n`);
    process.exitCode = 1;
  },
);
