/** Golden question files (tests/golden/*.jsonl) and how a top answer is scored against them. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer } from '../../src/answer/answer.js';

export const GoldenSchema = z.object({
  id: z.string(),
  q: z.string(),
  expect: z.array(z.string()).nullable(),
  lang: z.string().optional(),
});
export type Golden = z.infer<typeof GoldenSchema>;

export function readGolden(file: string): Golden[] {
  return readFileSync(new URL(`../golden/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => GoldenSchema.parse(JSON.parse(l)));
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** The ask-eval rule: every expected string in the top answer's text; null expects found: false. */
export function isHit(g: Golden, answer: Answer): boolean {
  if (g.expect === null) return answer.kind !== 'found';
  if (answer.kind !== 'found' || !answer.hits[0]) return false;
  const top = norm(answer.hits[0].fact.text);
  return g.expect.every((e) => top.includes(norm(e)));
}
