// The conversation set (tests/golden/conversation/hunnan-conversation.jsonl): scripted multi-turn exchanges —
// small talk, follow-ups that change the entity, the period or the measure, refusals — each turn run through
// the responder as the bot runs it (converse, one conversation per exchange) and checked against its line.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Engine } from '../../../src/answer/engine-types.js';
import { createContextStore } from '../../../src/app/context/context-store.js';
import { createResponder, type Responder, type Turn } from '../../../src/app/respond.js';
import { SMALL_TALK_KINDS } from '../../../src/app/small-talk.js';
import { renderSmallTalk } from '../../../src/present/render-talk.js';
import { seedEngine } from '../../helpers/engine.js';

const TurnSchema = z
  .object({
    say: z.string().min(1),
    /** Small talk of this kind (never an answer or a refusal). */
    talk: z.enum(SMALL_TALK_KINDS).optional(),
    /** An answer whose key figure is this (null: a sentence answer, no figure headline). */
    figure: z.string().nullable().optional(),
    /** Not answered with this figure (whatever else happens). */
    notFigure: z.string().optional(),
    /** The answer's fact. */
    fact: z.string().optional(),
    /** Text the answer's sentence holds. */
    contains: z.string().optional(),
    /** How the question was read (respond()'s reading). */
    reading: z.enum(['own', 'rewritten', 'same-sentence', 'alone']).optional(),
    /** A refusal, for this reason; its suggestions are each answered by the engine. */
    refused: z.enum(['period', 'entity', 'measure', 'scope', 'none']).optional(),
    /** The refusal's near answer: the figure the document does give. */
    closest: z.string().optional(),
    /** A computed answer with this result. */
    computed: z.number().optional(),
    /** Said in English: the reply (small talk, suggestions) is English. */
    english: z.boolean().optional(),
  })
  .strict();
const ExchangeSchema = z.object({ id: z.string(), turns: z.array(TurnSchema).min(1) }).strict();
type ExchangeTurn = z.infer<typeof TurnSchema>;

const FILE = new URL('hunnan-conversation.jsonl', import.meta.url);
const exchanges = readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => ExchangeSchema.parse(JSON.parse(l)));

let engine: Engine;
let responder: Responder;
beforeAll(async () => {
  engine = await seedEngine();
  responder = createResponder(engine);
});

const answeredWithFigure = (q: string) => {
  const a = engine.ask(q, { limit: 1 });
  return a.kind === 'found' && a.hits[0]!.keyFigure !== null;
};

function check(turn: Turn, line: ExchangeTurn): void {
  if (line.talk !== undefined) {
    expect(turn.kind).toBe('small-talk');
    if (turn.kind !== 'small-talk') return;
    expect(turn.talk.kind).toBe(line.talk);
    expect(turn.talk.language).toBe(line.english ? 'en' : 'zh');
    const text = renderSmallTalk(turn.talk, turn.about, { format: 'plain' });
    expect(text).not.toMatch(/没有找到|^The document does not say/m);
    if (line.english) expect(text).toMatch(/^[\x20-\x7e\n•《》“”\u4e00-\u9fff，、（）—·]+$/);
    for (const q of turn.about.examples) expect(answeredWithFigure(q)).toBe(true);
    return;
  }
  expect(turn.kind).toBe('answer');
  if (turn.kind !== 'answer') return;
  const { reply, reading } = turn.response;
  if (line.reading !== undefined) expect(reading).toBe(line.reading);
  if (line.notFigure !== undefined) expect(reply.kind === 'found' && reply.hits[0]!.keyFigure?.raw).not.toBe(line.notFigure);
  if (line.figure !== undefined) {
    expect(reply.kind).toBe('found');
    if (reply.kind !== 'found') return;
    expect(reply.hits[0]!.keyFigure?.raw ?? null).toBe(line.figure);
  }
  if (line.fact !== undefined) expect(reply.kind === 'found' && reply.hits[0]!.fact.id).toBe(line.fact);
  if (line.contains !== undefined) expect(reply.kind === 'found' && reply.hits[0]!.fact.text).toContain(line.contains);
  if (line.computed !== undefined) expect(reply.kind === 'computed' && reply.result?.value).toBe(line.computed);
  if (line.refused !== undefined) {
    expect(reply.kind).toBe('not-found');
    if (reply.kind !== 'not-found') return;
    expect(reply.reason ?? 'none').toBe(line.refused);
    if (line.closest !== undefined) expect(reply.closest?.keyFigure?.raw).toBe(line.closest);
    expect(reply.suggestions.length).toBeGreaterThan(0);
    for (const q of reply.suggestions) {
      expect(answeredWithFigure(q)).toBe(true);
      if (line.english) expect(q).toMatch(/^[\x20-\x7e]+$/);
      else expect(q).toMatch(/[\u4e00-\u9fff]/);
    }
  }
}

describe('conversation set (tests/golden/conversation/hunnan-conversation.jsonl)', () => {
  it('has at least 40 exchanges, multi-turn ones among them, in Chinese and English', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(40);
    expect(new Set(exchanges.map((e) => e.id)).size).toBe(exchanges.length);
    expect(exchanges.filter((e) => e.turns.length > 1).length).toBeGreaterThanOrEqual(20);
    expect(exchanges.filter((e) => e.turns.some((t) => t.english)).length).toBeGreaterThanOrEqual(8);
    const kinds = exchanges.flatMap((e) => e.turns.map((t) => (t.talk ? 'talk' : t.refused ? 'refused' : t.reading ?? 'answer')));
    for (const kind of ['talk', 'refused', 'rewritten', 'same-sentence']) expect(kinds).toContain(kind);
  });

  it.each(exchanges.map((e) => [e.id, e] as const))('%s', (_id, exchange) => {
    const store = createContextStore({ now: () => 0 });
    const conversation = { store, chatId: 1, userId: 1 };
    for (const line of exchange.turns) {
      const turn = responder.converse(line.say, { limit: 3, conversation });
      try {
        check(turn, line);
      } catch (err) {
        (err as Error).message = `“${line.say}”: ${(err as Error).message}`;
        throw err;
      }
    }
  });
});
