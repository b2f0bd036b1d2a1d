// A corpus folder of its own for each test (a copy of corpus/ in a temp dir), and the library over it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import { scanCorpus } from '../../src/corpus/scan.js';
import { createLogger } from '../../src/host/log.js';
import { createEngineHolder, type EngineHolder } from '../../src/library/engine-holder.js';
import { Reloader, type BuildFromDir } from '../../src/library/reload-queue.js';
import { LogCapture } from '../telegram/harness.js';

/** A small document none of corpus/ answers: a county bulletin with a few figures. */
export const QINGSHAN_TXT = [
  '青山县2023年国民经济和社会发展统计公报',
  '一、综合',
  '2023年末，青山县常住人口为35.6万人。全年地区生产总值达到186.4亿元，比上年增长5.8%。',
  '二、工业',
  '全县共有规模以上工业企业128家，全年规模以上工业增加值增长7.1%。',
  '三、农业',
  '全年粮食总产量12.8万吨，比上年增长3.2%。茶园面积达到4.6万亩。',
  '',
].join('\n');

export const QINGSHAN_QUESTION = '青山县规模以上工业企业有多少家？';

/** A copy of corpus/ in a new temp folder; `cleanup` removes it. */
export function tempCorpus(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'factbot-corpus-'));
  cpSync('corpus', dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestLibrary {
  dir: string;
  logger: ReturnType<typeof createLogger>;
  holder: EngineHolder;
  reloader: Reloader;
  logs: LogCapture;
  /** Engines built so far (the one at start included). */
  builds: () => number;
  build: BuildFromDir;
}

/** The engine over `dir`, in a holder, with a reload queue that counts its builds. */
export async function openTestLibrary(dir: string): Promise<TestLibrary> {
  let builds = 0;
  const build: BuildFromDir = (from) => {
    builds += 1;
    return buildEngineFromDir(from);
  };
  const logs = new LogCapture();
  const logger = createLogger({ level: 'debug', sink: logs });
  const scan = await scanCorpus(dir);
  const { engine } = await build(dir);
  const holder = createEngineHolder(engine, scan);
  const reloader = new Reloader({ dir, holder, build, logger });
  return { dir, logger, holder, reloader, logs, builds: () => builds, build };
}

/** The top answer's key figure and document, or null when the engine does not answer. */
export function answerOf(holder: EngineHolder, question: string): { figure: string | undefined; doc: string } | null {
  const answer = holder.current().engine.ask(question, { limit: 1 });
  if (answer.kind !== 'found') return null;
  return { figure: answer.hits[0]!.keyFigure?.raw, doc: answer.hits[0]!.fact.docId };
}
