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

  it('is cached on disk and read back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-dict-'));
    const first = corpusDictionary(text, { cacheDir: dir });
    expect(readdirSync(dir)).toHaveLength(1);
    expect(corpusDictionary(text, { cacheDir: dir }).equals(first)).toBe(true);
    expect(first.equals(restricted)).toBe(true);
  });
});
