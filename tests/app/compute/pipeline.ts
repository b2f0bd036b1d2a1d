/**
 * For golden tests: the schemas of the follow-up and compute golden files, the seed corpus's English
 * glossary, and how a reply (src/app/respond.ts) is checked against a golden line.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ComputedAnswer } from '../../../src/app/compute/computed-answer.js';
import type { Reply } from '../../../src/app/respond.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { compileSynonyms, type Synonym } from '../../../src/question/synonyms.js';
import { toSimplifiedCharacters } from '../../../src/text/index.js';

let glossary: Promise<Synonym[]> | undefined;

/** The seed corpus's English glossary, compiled, as the engine uses it. */
export function seedGlossary(): Promise<Synonym[]> {
  glossary ??= loadCorpus(new URL('../../../corpus', import.meta.url).pathname).then((c) => compileSynonyms(c.glossaryEn));
  return glossary;
}

/**
 * The text golden expectations are checked against: the top fact's text for an answer; for a
 * computation, the result followed by every operand's fact text (null when nothing was found).
 */
export function replyText(reply: Reply): string | null {
  if (reply.kind === 'computed') {
    return reply.result ? [reply.result.text, ...reply.operands.map((o) => o.hit.fact.text)].join('\n') : null;
  }
  return reply.kind === 'found' && reply.hits[0] ? reply.hits[0].fact.text : null;
}

/** Whether the text holds every expected string, spaces aside, in Simplified characters (a PDF's font may give 戶 for 户). */
export function containsAll(text: string | null, expect: readonly string[]): boolean {
  const norm = (s: string) => toSimplifiedCharacters(s.replace(/\s+/g, ''));
  return text !== null && expect.every((e) => norm(text).includes(norm(e)));
}

export const FollowUpGoldenSchema = z.object({
  id: z.string(),
  first: z.string().min(1),
  then: z.string().min(1),
  expect: z.array(z.string().min(1)).min(1),
});
export type FollowUpGolden = z.infer<typeof FollowUpGoldenSchema>;

export const ComputeGoldenSchema = z
  .object({
    id: z.string(),
    q: z.string().min(1),
    operation: z.enum(['sum', 'max', 'min', 'ratio', 'difference']),
    /** The right number: values scaled out (元, 个), percent points for a share, times for a multiple. */
    result: z.number().optional(),
    /** For max/min: the subject with the extreme value. */
    winner: z.string().optional(),
    /** The operands' figures as the document writes them. */
    operands: z.array(z.string()).optional(),
    /** When the document lacks operands: the ones the answer must name. */
    missing: z.array(z.string()).optional(),
  })
  .refine((g) => (g.result !== undefined) !== (g.missing !== undefined), 'give either result or missing');
export type ComputeGolden = z.infer<typeof ComputeGoldenSchema>;

export function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(new URL(`../../golden/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => schema.parse(JSON.parse(l)));
}

/** Equal up to rounding in the last shown decimal (shares to 0.01 points). */
export function sameNumber(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 0.01 + Math.abs(expected) * 1e-9;
}

/** A computed answer against its golden line: the right operation and number, or the right missing operands. */
export function computeMatches(g: ComputeGolden, c: ComputedAnswer): boolean {
  if (c.operation !== g.operation) return false;
  if (g.missing) return c.result === null && g.missing.every((m) => c.missing.includes(m));
  if (!c.result || !sameNumber(c.result.value, g.result!)) return false;
  if (g.winner && !(c.result.winners ?? []).includes(g.winner)) return false;
  if (g.operands) {
    const got = c.operands.map((o) => o.figure.raw).sort();
    if (JSON.stringify(got) !== JSON.stringify([...g.operands].sort())) return false;
  }
  return true;
}
