// The same document as .txt, .docx, .html and .pdf answers the same questions the same way. The Word file is the
// bulletin as published; the web page and the PDF were made from it by tools/formats/derive.ts (mammoth's HTML in a
// page with a navigation bar and a footer; that page printed to PDF by headless Chromium), as a user saving or
// printing it would. Each of the 92 golden questions (tests/golden/documents/qiandongnan-2016.jsonl) must get the
// same outcome and the same figure from every format as from the text file.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import { createResponder } from '../../src/app/respond.js';
import { toSimplifiedCharacters } from '../../src/text/index.js';
import { containsAll, readJsonl, replyText } from '../app/compute/pipeline.js';
import { z } from 'zod';

const FIXTURES = new URL('../fixtures/documents/', import.meta.url).pathname;
const FORMATS = {
  txt: join(FIXTURES, 'qiandongnan-2016-tongjigongbao.txt'),
  docx: join(FIXTURES, 'qiandongnan-2016-tongjigongbao.docx'),
  html: join(FIXTURES, 'derived', 'qiandongnan-2016-tongjigongbao.html'),
  pdf: join(FIXTURES, 'derived', 'qiandongnan-2016-tongjigongbao.pdf'),
} as const;
type Format = keyof typeof FORMATS;

const Question = z.object({ id: z.string(), q: z.string(), expect: z.array(z.string()).nullable() });
const questions = readJsonl('documents/qiandongnan-2016.jsonl', Question);

/** Per question: whether it is answered as expected, and the figure (or computed result) given. */
type Outcomes = Record<string, { hit: boolean; figure: string | null }>;
const outcomes = new Map<Format, Outcomes>();
const dirs: string[] = [];

beforeAll(async () => {
  for (const [format, file] of Object.entries(FORMATS) as [Format, string][]) {
    const dir = mkdtempSync(join(tmpdir(), `factbot-parity-${format}-`));
    dirs.push(dir);
    cpSync(file, join(dir, basename(file)));
    const { engine, warnings } = await buildEngineFromDir(dir);
    expect(warnings, format).toEqual([]);
    const responder = createResponder(engine);
    const out: Outcomes = {};
    for (const q of questions) {
      const { reply } = responder.respond(q.q);
      const answered = reply.kind === 'found' || (reply.kind === 'computed' && reply.result !== null);
      const figure =
        reply.kind === 'computed'
          ? (reply.result?.text ?? null)
          : reply.kind === 'found'
            ? (reply.hits[0]?.keyFigure?.raw ?? null)
            : null;
      out[q.id] = {
        hit: q.expect === null ? !answered : containsAll(replyText(reply), q.expect),
        figure: figure === null ? null : toSimplifiedCharacters(figure),
      };
    }
    outcomes.set(format, out);
  }
}, 120_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('one bulletin in four formats', () => {
  it('answers the golden questions as the text file does, from the Word file, the web page and the PDF', () => {
    const txt = outcomes.get('txt')!;
    expect(Object.values(txt).filter((o) => o.hit).length).toBe(89);
    for (const format of ['docx', 'html', 'pdf'] as const) expect(outcomes.get(format), format).toEqual(txt);
  });
});
