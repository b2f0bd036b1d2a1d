// The layer order of src/ (tools/layers.ts): imports point down the pipeline, through each layer's entry
// file, never into tests/ or tools/, with no cycle between folders.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, folderCycles, folderGraph, importsOf } from '../tools/layers.js';

const SRC = new URL('../src', import.meta.url).pathname;

describe('layers', () => {
  it('src/ has no import against the layer order and no folder cycle', () => {
    expect(checkLayers(SRC)).toEqual([]);
    expect(folderCycles(folderGraph(importsOf(SRC)))).toEqual([]);
  });

  const copy = mkdtempSync(join(tmpdir(), 'factbot-layers-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it.each([
    [
      'an import upward (facts → answer)',
      'facts/fact.ts',
      "import type { Answer } from '../answer/index.js';",
      /facts \(layer 2\) must not import answer/,
    ],
    [
      'an import past the entry file',
      'answer/engine.ts',
      "import { splitBlocks } from '../corpus/segment.js';",
      /through its entry file corpus\/index\.ts/,
    ],
    ['an import between adapters', 'cli/ask.ts', "import { runConsoleChat } from '../console/index.js';", /on one layer/],
    ['an import of tests/', 'text/tokenize.ts', "import { seedEngine } from '../../tests/helpers/engine.js';", /outside src/],
    ['a folder cycle', 'text/tokenize.ts', "import type { Fact } from '../facts/index.js';", /folder cycle: (?=.*\btext\b)(?=.*\bfacts\b)/],
  ])('fails on %s', (_name, file, line, message) => {
    const dir = join(copy, String(Math.random()).slice(2));
    cpSync(SRC, dir, { recursive: true });
    appendFileSync(join(dir, file), `\n${line}\n`);
    const problems = checkLayers(dir);
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
