/** The JSON form of an answer (`ask --json`), with its schema: the contract for scripts. */
import { z } from 'zod';
import { FigureSchema } from '../facts/index.js';
import { NOT_STATED_REASONS, type Answer, type Hit } from '../answer/index.js';

/** One cited fact: the answer, a related fact, or the closest figure of a "not stated". */
const HitJsonSchema = z.object({
  text: z.string(),
  /** Each figure as the fact records it (facts/fact.ts), less its offsets and its raw time qualifier. */
  figures: z.array(FigureSchema.omit({ start: true, end: true, time: true, subject: true })),
  keyFigure: z.string().nullable(),
  time: z.string().nullable(),
  subject: z.string().nullable(),
  citation: z.object({
    document: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    section: z.string().nullable(),
    paragraph: z.number(),
    sentence: z.number(),
    clause: z.number().nullable(),
    page: z.number().optional(),
    start: z.number(),
    end: z.number(),
  }),
  score: z.number(),
  why: z.unknown().optional(),
});

export const AnswerJsonSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string(),
  found: z.boolean(),
  asked: z.string().nullable().optional(),
  answers: z.array(HitJsonSchema),
  /** Not found: why — the measure is there for another time, place or breadth, or not at all ('none'). */
  reason: z.enum(NOT_STATED_REASONS).optional(),
  /** What the question asked that the document lacks ("2015年", "长春市", "户籍"). */
  missing: z.string().optional(),
  /** Not found: what the document does give nearest to it, cited — never the answer. */
  closest: HitJsonSchema.optional(),
  /** --debug: the candidates verification looked at. */
  checked: z
    .array(
      z.object({
        fact: z.string(),
        keyFigure: z.string().nullable(),
        ok: z.boolean(),
        reason: z.string().optional(),
        missing: z.string().optional(),
      }),
    )
    .optional(),
  suggestions: z.array(z.string()).optional(),
  error: z.string().optional(),
});
export type AnswerJson = z.infer<typeof AnswerJsonSchema>;

const INVALID_MESSAGES = {
  empty: 'empty question',
  'too-long': 'question too long',
  'no-words': 'no words to search for',
} as const;

export function answerToJson(answer: Answer, options: { debug?: boolean } = {}): AnswerJson {
  if (answer.kind === 'invalid') return { question: answer.question, found: false, answers: [], error: INVALID_MESSAGES[answer.reason] };
  if (answer.kind === 'not-found') {
    return {
      question: answer.question,
      found: false,
      asked: answer.asked,
      answers: [],
      reason: answer.reason ?? 'none',
      ...(answer.missing ? { missing: answer.missing } : {}),
      ...(answer.closest ? { closest: hitToJson(answer.closest, options) } : {}),
      suggestions: answer.suggestions,
      ...(options.debug && answer.checked ? { checked: answer.checked } : {}),
    };
  }
  return {
    question: answer.question,
    found: true,
    asked: answer.asked,
    answers: answer.hits.map((h) => hitToJson(h, options)),
    ...(options.debug && answer.checked ? { checked: answer.checked } : {}),
  };
}

function hitToJson(h: Hit, options: { debug?: boolean }): z.infer<typeof HitJsonSchema> {
  return {
    text: h.fact.text,
    figures: h.fact.figures.map((f) => ({
      raw: f.raw,
      value: f.value,
      unit: f.unit,
      kind: f.kind,
      approx: f.approx,
      measure: f.measure,
      role: f.role,
      partOf: f.partOf,
      entity: f.entity,
      entityInherited: f.entityInherited,
      period: f.period,
      periodInherited: f.periodInherited,
      base: f.base,
    })),
    keyFigure: h.keyFigure?.raw ?? null,
    time: h.keyFigure?.time ?? h.fact.time,
    subject: h.keyFigure?.subject ?? h.fact.subject,
    citation: h.citation,
    score: h.score,
    ...(options.debug ? { why: h.why } : {}),
  };
}
