// The console chat (`node dist/main.js` without a token): follow-ups, computed answers, English and
// Traditional questions, printed as the same text the bot sends in a private chat.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, NO_RATE_LIMIT, type Harness } from '../telegram/harness.js';
import { killLeftovers, startMain, within } from '../telegram/process.js';
import type { FakeUser } from '../../tools/fake-bot-api.js';
import { privateChat, say } from '../telegram/updates.js';

const ROOT = new URL('../..', import.meta.url).pathname;

const LINES = [
  '智能制造在建项目有多少个？',
  '那计划投资呢？',
  '新能源汽车呢？',
  '三大主导产业在建项目一共有多少个？',
  'How many people live in Hunnan?',
  'And the area?',
  '渾南區常住人口有多少？',
  '/ask 浑南区的失业率是多少？',
];

let workDir: string;
let stdout: string;
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'factbot-console-'));
  const run = startMain({}, workDir, `${LINES.join('\n')}\n`);
  const exit = await within(run.exit, 8000, 'the console chat to end with its input');
  expect(exit).toEqual({ code: 0, signal: null });
  stdout = run.stdout();
}, 15_000);
afterEach(() => killLeftovers());
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Where a text starts in the output, after `from`; fails when it is not there. */
function at(text: string, from = 0): number {
  const index = stdout.indexOf(text, from);
  expect(index, `“${text}” in the output after ${from}`).toBeGreaterThanOrEqual(from);
  return index;
}

describe('console chat', () => {
  it('reads follow-ups against the previous question, and says how it read them', () => {
    const first = at('答案：【91个】');
    const second = at('问：智能制造计划投资有多少？\n答案：【414.5亿元】', first);
    // A chain keeps its subject's measure: 新能源汽车呢？ after the investment question asks for investment.
    at('问：新能源汽车计划投资有多少？\n答案：【77.7亿元】', second);
  });

  it('prints a computed answer: result, arithmetic, each operand with its sentence and citation', () => {
    const start = at('▶ 合计：122个\n计算: 91 + 3 + 28 = 122\n\n• 智能制造：【91个】\n“');
    at('第5段第2句第3分句', start);
  });

  it('answers English in English (and an English follow-up), Traditional with a Traditional frame', () => {
    const english = at('Answer: 【690,000 people】 — resident population\n“浑南区地处辽宁省');
    at('Q: How big is the area of Hunnan?\nAnswer: 【803 km²】', english);
    const hant = at('答案：【69万人】\n“浑南区地处辽宁省', english);
    at('出處：《沈阳市浑南区', hant);
    at('文档中没有找到“浑南区的失业率是多少？”的确切数据。', hant);
  });

  it('prints exactly what the bot sends in a private chat (markup aside)', async () => {
    const h: Harness = await startHarness({ bot: { rateLimit: NO_RATE_LIMIT } });
    try {
      const user: FakeUser = { id: 4242, is_bot: false, first_name: 'Console', language_code: 'zh-hans' };
      for (const line of LINES) await h.api.processed(say(h.api, privateChat(user), user, line).update_id);
      const sent = h.api.botMessages(user.id).map((m) => m.plain);
      expect(sent).toHaveLength(LINES.length);
      // The console marks the key figure 【like this】 where Telegram shows it bold and underlined.
      expect(stdout.replace(/[【】]/g, '')).toBe(sent.map((text) => `${text}\n\n`).join(''));
    } finally {
      await h.stop();
    }
  });
});

describe('the console and `ask` print one text', () => {
  const QUESTIONS = [
    '浑南区有多少家国家高新技术企业？', // found
    '浑南区的失业率是多少？', // not found
    'How many people live in Hunnan?', // English
    '三大主导产业在建项目一共有多少个？', // computed
  ];
  it.each(QUESTIONS)('%s', async (question) => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-same-'));
    try {
      const run = startMain({}, dir, `${question}\n`);
      await within(run.exit, 8000, 'the console chat to end with its input');
      const cli = spawnSync('node', ['dist/cli/ask.js', question], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      expect(cli.status).toBe(0);
      const console_ = run.stdout().trim();
      expect(console_.length).toBeGreaterThan(0);
      expect(cli.stdout.trim()).toBe(console_);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
