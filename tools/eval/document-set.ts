// Scores a question file against one document alone (as the bot and the console reply: small talk such as "这篇文章是哪天
// 发布的" included), per kind; misses are listed.
// Usage: npx tsx tools/eval/document-set.ts QUESTIONS DOCUMENT   (V=2 lists every question)
// Question lines: {"id","q","expect":[substr...]|null,"alt"?:[[substr...]...],"kind"}; a hit: every expect (or
// every string of one alt) in the reply text; expect null: nothing answered. tools/eval/heldout/ holds sets for
// documents that may not be copied into the project (run them against ../shared/documents/).
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import { createResponder } from '../../src/app/respond.js';
import { renderSmallTalk } from '../../src/present/render-talk.js';
import { toSimplifiedCharacters } from '../../src/text/index.js';
import { replyText } from '../../tests/app/compute/pipeline.js';

const [qfile, doc] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'heldout-'));
cpSync(doc!, join(dir, basename(doc!)));
const { engine } = await buildEngineFromDir(dir);
const responder = createResponder(engine);
// Compared in Simplified characters: a PDF's font may give 戶 for 户 in the cited text, which reads (and is searched) the same.
const norm = (s: string) => toSimplifiedCharacters(s.replace(/\s+/g, ''));
const groups: Record<string, [number, number]> = {};
for (const line of readFileSync(qfile!, 'utf8').trim().split('\n')) {
  const q = JSON.parse(line) as { id: string; q: string; expect: string[] | null; alt?: string[][]; kind: string };
  const turn = responder.converse(q.q);
  const reply = turn.kind === 'answer' ? turn.response.reply : null;
  const text = turn.kind === 'answer' ? replyText(turn.response.reply) : renderSmallTalk(turn.talk, turn.about, { format: 'plain' });
  const answered = reply === null || reply.kind === 'found' || (reply.kind === 'computed' && reply.result !== null);
  let hit: boolean;
  if (q.expect === null) hit = !answered;
  else {
    const sets: string[][] = [q.expect, ...(q.alt ?? [])];
    hit = text !== null && sets.some((s) => s.every((e) => norm(text).includes(norm(e))));
  }
  const g = (groups[q.kind] ??= [0, 0]);
  g[1]++;
  if (hit) g[0]++;
  if (!hit || process.env.V === '2')
    console.log(
      `${hit ? 'ok  ' : 'MISS'} ${q.id} ${q.q} expect=${JSON.stringify(q.expect)} | ${reply?.kind ?? 'small-talk'} ${(text ?? '').replace(/\n/g, ' / ').slice(0, 160)}`,
    );
}
console.log(
  Object.entries(groups)
    .map(([k, [h, n]]) => `${k} ${h}/${n}`)
    .join(', '),
);
