// No corpus words in engine code: everything about Hunnan lives in corpus/ (its dictionary, synonyms, English
// glossary and English subject names); the engine reads any other corpus without them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../src/answer/build-engine.js';

const SRC = new URL('../src', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/documents', import.meta.url).pathname;
const SEED = new URL('../corpus/hunnan-2019.txt', import.meta.url).pathname;
/** The seed document's place names, in the scripts and spellings a table of them would use. */
const CORPUS_WORDS = /浑南|渾南|沈阳|瀋陽|辽宁|遼寧|hunnan|shenyang|liaoning/i;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The code without its comments: examples in comments may name the seed document; code may not. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function corpusOf(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'factbot-corpus-'));
  dirs.push(dir);
  for (const f of files) cpSync(f, join(dir, f.split('/').pop()!));
  return dir;
}

describe('no corpus words in engine code', () => {
  it('src/ names no place of the seed document outside comments', () => {
    const hits = sources(SRC).flatMap((file) =>
      code(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) => (CORPUS_WORDS.test(line) ? [`${file.slice(SRC.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('answers the seed document alone, without its corpus files (dictionary, synonyms, glossaries)', async () => {
    const { engine } = await buildEngineFromDir(corpusOf(SEED));
    expect(engine.vocabulary.synonyms).toHaveLength(0);
    expect(engine.vocabulary.subjectsEn.size).toBe(0);
    const answer = engine.ask('浑南区有多少家国家高新技术企业？');
    expect(answer.kind === 'found' && answer.hits[0]!.keyFigure?.raw).toBe('412家');
    expect(engine.ask('浑南区的失业率是多少？').kind).toBe('not-found');
  });

  it('builds over another document and answers from it', async () => {
    const { engine } = await buildEngineFromDir(corpusOf(join(FIXTURES, 'luoyang-2023-tongjigongbao.txt')));
    const answer = engine.ask('全年全市生产总值是多少？');
    expect(answer.kind).toBe('found');
    if (answer.kind === 'found') expect(answer.hits[0]!.fact.text).toContain('5481.6亿元');
  });
});
