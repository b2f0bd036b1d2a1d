/**
 * The JSON form of a computed answer (`ask --json`): marked `"computed": true` with its
 * operation, result, working and operands, each operand with its sentence, figure and citation.
 * `answers` lists the operands' facts in the shape of an ordinary answer, so scripts that read
 * only `found` and `answers` keep working.
 */
import { z } from 'zod';
import { answerToJson, AnswerJsonSchema } from './answer-json.js';
import { FIGURE_KINDS } from '../facts/index.js';
import { OPERATIONS, type ComputedAnswer } from '../app/index.js';

const CitationJson = AnswerJsonSchema.shape.answers.element.shape.citation;

export const ComputedJsonSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string(),
  /** True when a result was computed. */
  found: z.boolean(),
  computed: z.literal(true),
  operation: z.enum(OPERATIONS),
  result: z
    .object({ value: z.number(), unit: z.string(), text: z.string(), approx: z.boolean(), winners: z.array(z.string()).optional() })
    .nullable(),
  arithmetic: z.string().nullable(),
  comparable: z.boolean(),
  missing: z.array(z.string()),
  note: z.string().optional(),
  operands: z.array(
    z.object({
      label: z.string(),
      question: z.string(),
      text: z.string(),
      figure: z.object({
        raw: z.string(),
        value: z.number(),
        unit: z.string(),
        kind: z.enum(FIGURE_KINDS),
        approx: z.boolean(),
        time: z.string().nullable(),
      }),
      citation: CitationJson,
    }),
  ),
  answers: AnswerJsonSchema.shape.answers,
});
export type ComputedJson = z.infer<typeof ComputedJsonSchema>;

export function computedToJson(answer: ComputedAnswer): ComputedJson {
  const hits = answer.operands.map((o) => ({ ...o.hit, keyFigure: o.figure }));
  return {
    question: answer.question,
    found: answer.result !== null,
    computed: true,
    operation: answer.operation,
    result: answer.result,
    arithmetic: answer.arithmetic,
    comparable: answer.comparable,
    missing: answer.missing,
    ...(answer.note ? { note: answer.note } : {}),
    operands: answer.operands.map((o) => ({
      label: o.label,
      question: o.question,
      text: o.hit.fact.text,
      figure: {
        raw: o.figure.raw,
        value: o.figure.value,
        unit: o.figure.unit,
        kind: o.figure.kind,
        approx: o.figure.approx,
        time: o.figure.time,
      },
      citation: o.hit.citation,
    })),
    answers: answerToJson({ kind: 'found', question: answer.question, asked: null, hits }).answers,
  };
}
