// Compares tokenizers on the golden questions and the CMRC trial set, through the same engine:
// `npm run eval:tokenizers -- [../shared/cmrc/cmrc2018_trial.json]`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../src/answer/answer.js';
import { sharedTokenizer } from '../../src/answer/build-engine.js';
import { createEngine } from '../../src/answer/engine.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { toSimplified } from '../../src/text/normalize.js';
import { compileSynonyms } from '../../src/question/synonyms.js';
import { createBigramTokenizer, createIntlTokenizer } from '../../src/text/alt-tokenizers.js';
import type { Tokenizer } from '../../src/text/tokenize.js';
import { parseCmrc } from './cmrc-data.js';
import { evaluateCmrc } from './cmrc-score.js';

interface Golden {
  q: string;
  expect: string[] | null;
  lang?: string;
}

function readGolden(dir: string): Golden[] {
  return readdirSync(dir)
    .filter((f) => /^(seed-dev|hunnan-zh)\.jsonl$/.test(f))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Golden),
    )
    .filter((g) => (g.lang ?? 'zh') === 'zh');
}

function hit(g: Golden, a: Answer): boolean {
  if (g.expect === null) return a.kind !== 'found';
  return a.kind === 'found' && g.expect.every((e) => a.hits[0]!.fact.text.includes(e));
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const cmrcFile = process.argv[2];
  const corpus = await loadCorpus('corpus');
  const golden = readGolden('tests/golden');
  const candidates: [string, () => Tokenizer][] = [
    ['jieba (search mode) + user dictionary', () => sharedTokenizer(corpus.userDictionary)],
    ['jieba (search mode), no user dictionary', () => sharedTokenizer()],
    ['Intl.Segmenter', () => createIntlTokenizer(toSimplified)],
    ['character bigrams', () => createBigramTokenizer(toSimplified)],
  ];
  const data = cmrcFile ? parseCmrc(JSON.parse(readFileSync(cmrcFile, 'utf8'))) : null;
  console.log(
    'tokenizer                                  golden zh   CMRC per-passage top-1/top-3   CMRC global top-1/top-3   (retrieval)',
  );
  for (const [name, make] of candidates) {
    const tokenizer = make();
    const engine = createEngine(corpus.documents, tokenizer, { synonyms: compileSynonyms(corpus.synonyms) });
    const g = golden.filter((q) => hit(q, engine.ask(q.q))).length / golden.length;
    let cmrc = '';
    if (data) {
      const r = evaluateCmrc(data, (docs) => createEngine(docs, tokenizer), { abstain: false });
      cmrc = `${pct(r.perPassage.top1Rate)} / ${pct(r.perPassage.top3Rate)}             ${pct(r.global.top1Rate)} / ${pct(r.global.top3Rate)}`;
    }
    console.log(`${name.padEnd(42)} ${pct(g).padStart(9)}   ${cmrc}`);
  }
}

await main();
