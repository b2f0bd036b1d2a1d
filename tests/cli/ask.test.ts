import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerJsonSchema } from '../../src/present/answer-json.js';

const root = new URL('../..', import.meta.url).pathname;

function ask(args: string[], input?: string) {
  const r = spawnSync('node', ['dist/cli/ask.js', ...args], { cwd: root, input, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ask CLI', () => {
  it('prints a human answer with the figure marked and the citation', () => {
    const r = ask(['浑南区面积多大？']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('【803平方公里】');
    expect(r.out).toContain('中共浑南区委宣传部');
    expect(r.out).toContain('第1段第1句');
  });

  it('prints one schema-valid JSON object with --json, and nothing else on stdout', () => {
    const r = ask(['--json', '国家高新技术企业有几家？']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = AnswerJsonSchema.parse(JSON.parse(lines[0]!));
    expect(json.found).toBe(true);
    expect(json.answers[0]!.text).toContain('412家');
    expect(json.answers[0]!.figures).toContainEqual(expect.objectContaining({ raw: '412家', value: 412, unit: '家', kind: 'count' }));
    expect(json.answers[0]!.citation).toMatchObject({ document: 'hunnan-2019', paragraph: 13, sentence: 1 });
  });

  it('marks a computed answer with its operation and cited operands in --json', () => {
    const r = ask(['--json', '院士工作站和博士后工作站一共多少个？']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ computed: true, operation: 'sum', found: true, result: { value: 28 } });
    expect(json.operands.map((o: { figure: { raw: string } }) => o.figure.raw)).toEqual(['14个', '14个']);
    expect(json.operands[0].citation).toMatchObject({ document: 'hunnan-2019', paragraph: 9 });
  });

  it('answers in English when asked in English', () => {
    const r = ask(['How many national high-tech enterprises are there in Hunnan?']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('412');
    expect(r.out).toContain('Source:');
  });

  it('answers a batch on stdin line by line, keeping ids, with an error object for bad lines', () => {
    const input = ['{"id":"a","question":"常住人口多少？"}', '', '{not json', '{"id":7}', '浑南区的人均收入是多少？'].join('\n') + '\n';
    const r = ask([], input);
    expect(r.code).toBe(0);
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ id: 'a', found: true });
    expect(rows[0].answers[0].text).toContain('69万人');
    expect(rows[1]).toMatchObject({ line: 2, error: 'blank line' });
    expect(rows[2]).toMatchObject({ line: 3, error: 'malformed JSON line' });
    expect(rows[3].error).toBeTruthy();
    expect(rows[4]).toMatchObject({ found: false, answers: [] });
  });

  it('streams a large batch through one process', () => {
    const n = 2000;
    const input = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: i, question: i % 2 ? '新登记企业多少户？' : '面积多大？' }),
    ).join('\n');
    const r = ask([], input + '\n');
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows).toHaveLength(n);
    expect(JSON.parse(rows[n - 1]!).id).toBe(n - 1);
  });

  it('answers over another corpus folder, titling a plain file by its first line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-corpus-'));
    writeFileSync(join(dir, 'city.txt'), '示例市概况\n示例市常住人口120万人。示例市有5个区。\n');
    const r = ask(['--json', '--corpus', dir, '示例市有多少人口？']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.answers[0]).toMatchObject({ text: '示例市常住人口120万人。', citation: { title: '示例市概况', document: 'city' } });
  });

  it('fails clearly on a missing or empty corpus folder', () => {
    const missing = ask(['--corpus', '/nonexistent/corpus', '面积？']);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('corpus folder not found');
    const empty = ask(['--corpus', mkdtempSync(join(tmpdir(), 'factbot-empty-')), '面积？']);
    expect(empty.code).not.toBe(0);
    expect(empty.err).toContain('no usable');
  });
});
