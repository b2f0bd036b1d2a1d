// `ask --chart FILE.png`: the bar chart the bot sends, written to a file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createResponder } from '../../src/app/index.js';
import { barChartOf, pngSize, renderChartPng } from '../../src/present/index.js';
import { seedEngine } from '../helpers/engine.js';

const root = new URL('../..', import.meta.url).pathname;

function ask(args: string[]) {
  const r = spawnSync('node', ['dist/cli/ask.js', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ask --chart', () => {
  it('writes the same PNG the bot sends for a comparison, after printing the answer', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'factbot-chart-')), 'chart.png');
    const r = ask(['--chart', file, '哪个产业计划投资最多？']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('▶ 最多：智能制造（414.5亿元）');
    expect(r.err).toContain(`chart written to ${file}`);
    const png = readFileSync(file);
    const { reply } = createResponder(await seedEngine()).respond('哪个产业计划投资最多？');
    const expected = await renderChartPng(barChartOf(reply)!);
    expect(pngSize(png)).toEqual(pngSize(expected));
    expect(png.equals(expected)).toBe(true);
  });

  it('says so, writes nothing and exits 3 when the answer is a single figure', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'factbot-chart-')), 'none.png');
    const r = ask(['--chart', file, '浑南区面积多大？']);
    expect(r.code).toBe(3);
    expect(r.out).toContain('【803平方公里】');
    expect(r.err).toContain('no chart for this answer');
    expect(existsSync(file)).toBe(false);
  });

  it('needs a question', () => {
    const r = ask(['--chart', 'x.png']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--chart needs a question');
  });
});
