/**
 * The `facts` command line: every figure of the corpus, for analysts, on standard output.
 *
 *   npm run --silent facts -- > figures.csv                 # CSV, UTF-8 with BOM, one row per figure
 *   npm run --silent facts -- --corpus DIR --format jsonl   # JSON lines
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { buildEngineFromDir, DEFAULT_ENGINE_CACHE_DIR } from '../answer/index.js';
import { CorpusError } from '../corpus/index.js';
import { formatFigures, type FigureFormat } from '../present/index.js';
import { withBuildHeap } from '../host/index.js';

const USAGE = `usage: facts [--corpus DIR] [--format csv|jsonl] [--cache DIR | --no-cache]
  Writes every figure of the corpus (document, section, paragraph, sentence, offsets, raw text,
  value, unit, kind, measure, role, entity, period, the sentence) to standard output:
  CSV with a header, UTF-8 with a byte-order mark (default), or JSON lines.`;

const FORMATS: readonly FigureFormat[] = ['csv', 'jsonl'];

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string', default: 'corpus' },
        format: { type: 'string', default: 'csv' },
        cache: { type: 'string', default: DEFAULT_ENGINE_CACHE_DIR },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`facts: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values } = args;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = values.format.toLowerCase() as FigureFormat;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`facts: --format takes csv or jsonl, not "${values.format}"\n`);
    return 2;
  }
  const { engine, warnings } = await withBuildHeap(() =>
    buildEngineFromDir(values.corpus, { engineCache: values['no-cache'] ? null : values.cache }),
  );
  for (const w of warnings) process.stderr.write(`facts: warning: ${w}\n`);
  if (!process.stdout.write(formatFigures(engine, format))) await once(process.stdout, 'drain');
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
    process.stderr.write(`facts: ${err instanceof CorpusError || err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
