/** The batch protocol of `ask`: one input line (plain text or {"id","question"}) → one JSON object. */
import { z } from 'zod';
import { replyToJson } from '../present/index.js';
import type { Responder } from '../app/index.js';

const BatchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string(),
});

/** One batch input line → one JSON output line; never throws for bad input. */
export function answerBatchLine(responder: Responder, line: string, lineNo: number, options: { debug: boolean; limit: number }): object {
  const trimmed = line.trim();
  if (!trimmed) return { line: lineNo, found: false, answers: [], error: 'blank line' };
  let id: string | number | undefined;
  let question = trimmed;
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { line: lineNo, found: false, answers: [], error: 'malformed JSON line' };
    }
    const result = BatchLineSchema.safeParse(parsed);
    if (!result.success) return { line: lineNo, found: false, answers: [], error: 'expected {"id": ..., "question": "..."}' };
    id = result.data.id;
    question = result.data.question;
  }
  const json = replyToJson(responder.respond(question, { limit: options.limit }).reply, { debug: options.debug });
  return id === undefined ? json : { id, ...json };
}
