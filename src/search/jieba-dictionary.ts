/** Reads the jieba dictionary that ships inside @node-rs/jieba (no download at run time). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function readJiebaDictionary(): Buffer {
  return readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
}
