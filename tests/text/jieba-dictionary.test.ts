import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDictionary, readJiebaDictionary, restrictDictionary } from '../../src/text/jieba-dictionary.js';
import { createJiebaTokenizer } from '../../src/text/tokenize.js';

const text = readFileSync(new URL('../../corpus/hunnan-2019.txt', import.meta.url), 'utf8');

describe('the corpus-restricted jieba dictionary', () => {
  const full = readJiebaDictionary();
  const restricted = Buffer.from(restrictDictionary(full.toString('utf8'), text));

  it('is a small fraction of the full dictionary', () => {
    expect(restricted.length).toBeLessThan(full.length / 10);
  });

  it('segments every sentence of the corpus exactly as the full dictionary does', () => {
    const a = createJiebaTokenizer(full);
    const b = createJiebaTokenizer(restricted);
    const sentences = text.split(/[。；\n]/).filter((s) => s.trim());
    expect(sentences.length).toBeGreaterThan(40);
    for (const s of sentences) {
      expect(b.cut(s)).toEqual(a.cut(s));
      expect(b.terms(s)).toEqual(a.terms(s));
    }
  });

  it('keeps exactly the lines whose word occurs in the text (and single characters), the rest counted in one line', () => {
    const dictionary = [
      '浑南 100 n',
      '浑南区 50 ns',
      '南区 10 n',
      '高新 30 a',
      '高新技术企业 5 n',
      '企业 80 n',
      '火星 7 n',
      '区 9 n',
      'bad-line',
    ];
    const cut = (lines: string[]) => restrictDictionary(lines.join('\n'), '浑南区有高新技术企业').split('\n').filter(Boolean);
    const expected = ['浑南 100 n', '浑南区 50 ns', '南区 10 n', '高新 30 a', '高新技术企业 5 n', '企业 80 n', '区 9 n', '\uE000 7 x'];
    expect(cut(dictionary)).toEqual(expected);
    // Not in code-unit order (a user's file may not be): the same lines, in the file's own order.
    const shuffled = [...dictionary].reverse();
    expect(cut(shuffled)).toEqual(shuffled.filter((l) => expected.includes(l)).concat('\uE000 7 x'));
    // The words the text holds, found by brute force over the whole jieba dictionary.
    const lines = full
      .toString('utf8')
      .split('\n')
      .filter((l) => l.indexOf(' ') > 0);
    const sample = text.slice(0, 400);
    const kept = new Set(restrictDictionary(full.toString('utf8'), sample).split('\n'));
    const brute = lines.filter((l) => {
      const word = l.slice(0, l.indexOf(' '));
      return word.length === 1 || sample.includes(word);
    });
    expect(kept.size - 2).toBe(brute.length);
    for (const l of brute) expect(kept.has(l)).toBe(true);
  });

  it('is cached on disk and read back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-dict-'));
    const first = corpusDictionary(text, { cacheDir: dir });
    expect(readdirSync(dir)).toHaveLength(1);
    expect(corpusDictionary(text, { cacheDir: dir }).equals(first)).toBe(true);
    expect(first.equals(restricted)).toBe(true);
  });
});
