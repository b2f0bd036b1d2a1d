/** The real engine over the real corpus, built once per test file. */
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';

let built: Promise<Engine> | undefined;

export function seedEngine(): Promise<Engine> {
  built ??= buildEngineFromDir(new URL('../../corpus', import.meta.url).pathname).then((r) => r.engine);
  return built;
}
