/** The real engine over the real corpus, built once per test file; an engine over made-up documents. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';

let built: Promise<Engine> | undefined;

export function seedEngine(): Promise<Engine> {
  built ??= buildEngineFromDir(new URL('../../corpus', import.meta.url).pathname).then((r) => r.engine);
  return built;
}

/** An engine over a folder of made-up documents (file name → text), and a way to remove the folder. */
export async function engineFromFiles(files: Record<string, string>): Promise<{ engine: Engine; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'factbot-docs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { engine } = await buildEngineFromDir(dir);
  return { engine, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
