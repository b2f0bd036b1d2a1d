// The process start (node dist/main.js) over bad corpus folders: it refuses to start with no usable
// document (one clear message, non-zero exit), and starts with a warning naming each skipped file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, TEST_TOKEN } from '../../tools/fake-bot-api.js';
import { killLeftovers, logRecords, startMain, within } from '../telegram/process.js';

const GOOD = '浑南区概况\n\u3000\u3000浑南区常住人口69万人，区域总面积803平方公里。国家高新技术企业412家。\n';
let base: string;
let n = 0;

function corpus(files: Record<string, string | Buffer>): string {
  const dir = join(base, `corpus-${n++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'factbot-start-'));
});
afterEach(() => killLeftovers());
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

async function runToExit(env: Record<string, string>, input = '') {
  const run = startMain(env, base, input);
  const exit = await within(run.exit, 10_000, 'exit');
  return { exit, stderr: run.stderr(), stdout: run.stdout(), records: logRecords(run.stderr()) };
}

describe('starting over a bad corpus', () => {
  it('refuses to start when CORPUS_DIR does not exist, naming it', async () => {
    const missing = join(base, 'missing');
    const { exit, records, stdout } = await runToExit({ CORPUS_DIR: missing });
    expect(exit.code).toBe(1);
    expect(stdout).toBe('');
    const fatal = records.find((r) => r.level === 60)!;
    expect(fatal.msg).toBe(`cannot start: no usable corpus in CORPUS_DIR: corpus folder not found: ${missing}`);
  });

  it('refuses to start the bot (before contacting Telegram) on an empty folder', async () => {
    const api = await new FakeBotApi().start();
    try {
      const dir = corpus({});
      const { exit, records } = await runToExit({ CORPUS_DIR: dir, TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
      expect(exit.code).toBe(1);
      expect(records.find((r) => r.level === 60)!.msg).toContain(`no usable document (.txt .md .docx .pdf .html .htm .xhtml) in corpus folder ${dir} (the folder is empty)`);
      expect(api.calls).toHaveLength(0);
    } finally {
      await api.stop();
    }
  });

  it('refuses to start when every file is bad, naming each and what is wrong', async () => {
    const dir = corpus({ 'scan.txt': Buffer.from([0x00, 0x01, 0x02, 0xff]), 'big.md': GOOD.repeat(40) });
    const { exit, records } = await runToExit({ CORPUS_DIR: dir, CORPUS_MAX_FILE_BYTES: '1000' });
    expect(exit.code).toBe(1);
    const message = records.find((r) => r.level === 60)!.msg as string;
    expect(message).toContain('scan.txt: named .txt but not a text file, skipped');
    expect(message).toMatch(/big\.md: \d+ bytes, over the limit of 1000 \(CORPUS_MAX_FILE_BYTES\), skipped/);
  });

  it('skips a bad file with a warning and answers from the good one', async () => {
    const dir = corpus({ 'a-good.txt': GOOD, 'b-binary.txt': Buffer.from([0xc3, 0x28, 0x00]) });
    const { exit, records, stdout } = await runToExit({ CORPUS_DIR: dir }, '浑南区常住人口多少人？\n');
    expect(exit.code).toBe(0);
    const warning = records.find((r) => r.level === 40)!;
    expect(warning.msg).toMatch(/^corpus file skipped or doubtful: b-binary\.txt: .*not (a )?text.*, skipped$/);
    expect(stdout).toContain('69万人');
  });

  it('rejects an invalid CORPUS_MAX_FILE_BYTES with a message naming it', async () => {
    const { exit, stderr } = await runToExit({ CORPUS_MAX_FILE_BYTES: '5MB' });
    expect(exit.code).toBe(1);
    expect(stderr).toContain('CORPUS_MAX_FILE_BYTES must be a whole number from 1 to 1073741824 (got "5MB")');
  });
});
