/** The JSON form of an answer (`ask --json`), with its schema: the contract for scripts. */
import { z } from 'zod';
import { FIGURE_KINDS, FIGURE_ROLES } from '../facts/index.js';
import type { Answer } from '../answer/index.js';

export const AnswerJsonSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string(),
  found: z.boolean(),
  asked: z.string().nullable().optional(),
  answers: z.array(
    z.object({
      text: z.string(),
      figures: z.array(
        z.object({
          raw: z.string(),
          value: z.number(),
          unit: z.string(),
          kind: z.enum(FIGURE_KINDS),
          approx: z.boolean(),
          measure: z.string().nullable(),
          role: z.enum(FIGURE_ROLES),
          partOf: z.string().nullable(),
          entity: z.string().nullable(),
          entityInherited: z.boolean(),
          period: z.string().nullable(),
          periodInherited: z.boolean(),
          base: z.string().nullable(),
        }),
      ),
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
    }),
  ),
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
    return { question: answer.question, found: false, asked: answer.asked, answers: [], suggestions: answer.suggestions };
  }
  return {
    question: answer.question,
    found: true,
    asked: answer.asked,
    answers: answer.hits.map((h) => ({
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
    })),
  };
}
