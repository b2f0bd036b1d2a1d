// The big corpus of the scaling bench: the CMRC 2018 trial and DRCD test passages in ../shared (SQuAD JSON),
// as corpus documents, optionally several times over (each copy its own document ids). Never copied into the
// project: `tsx tools/bench/shared-corpus.ts DIR [--copies N]` writes them as .txt files into DIR (e.g. under /tmp).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { cmrcDocuments, cmrcQuestions, parseCmrc } from '../eval/cmrc-data.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_SETS = [
  join(ROOT, '..', 'shared', 'cmrc', 'cmrc2018_trial.json'),
  join(ROOT, '..', 'shared', 'drcd', 'DRCD_test.json'),
] as const;

export interface SharedCorpus {
  documents: CorpusDocument[];
  questions: string[];
  /** The files read, or why there are none. */
  note: string;
}

/** The passages of every shared set present, `copies` times over; null when none is present. */
export function sharedCorpus(copies = 1, files: readonly string[] = SHARED_SETS): SharedCorpus | null {
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) return null;
  const base: CorpusDocument[] = [];
  const questions: string[] = [];
  present.forEach((file, s) => {
    const data = parseCmrc(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    for (const d of cmrcDocuments(data)) base.push({ ...d, id: `s${s}-${d.id}`, file: `s${s}-${d.file}` });
    for (const q of cmrcQuestions(data)) if (q.question.trim()) questions.push(q.question);
  });
  const documents: CorpusDocument[] = [];
  for (let c = 0; c < copies; c++)
    for (const d of base) documents.push(c === 0 ? d : { ...d, id: `${d.id}-c${c}`, file: d.file.replace(/\.txt$/, `-c${c}.txt`) });
  return { documents, questions, note: present.map((f) => f.replace(ROOT, '')).join(' + ') };
}

/** Writes documents as a corpus folder: one .txt per document (its title as the first line), nothing else. */
export function writeCorpusDir(dir: string, documents: readonly CorpusDocument[]): void {
  mkdirSync(dir, { recursive: true });
  for (const d of documents) writeFileSync(join(dir, d.file), `${d.title}\n${d.text}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { copies: { type: 'string', default: '1' } } });
  const dir = positionals[0];
  if (!dir) {
    process.stderr.write('usage: tsx tools/bench/shared-corpus.ts DIR [--copies N]\n');
    process.exit(2);
  }
  const corpus = sharedCorpus(Number(values.copies));
  if (!corpus) {
    process.stderr.write('shared-corpus: ../shared/cmrc and ../shared/drcd not found\n');
    process.exit(1);
  }
  writeCorpusDir(dir, corpus.documents);
  const chars = corpus.documents.reduce((n, d) => n + d.text.length, 0);
  process.stdout.write(`${corpus.documents.length} documents, ${chars} characters (${corpus.note}) → ${dir}\n`);
}
