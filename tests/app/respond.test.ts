import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { formatReplyText, replyToJson } from '../../src/present/reply-format.js';
import { createResponder, type Responder } from '../../src/app/respond.js';
import { createContextStore } from '../../src/app/context/context-store.js';
import { seedEngine } from '../helpers/engine.js';

let engine: Engine;
let responder: Responder;
beforeAll(async () => {
  engine = await seedEngine();
  responder = createResponder(engine);
});

describe('respond: the pipeline every adapter runs', () => {
  it('computes a sum from cited operands', () => {
    const { reply } = responder.respond('三大主导产业在建项目一共有多少个？');
    expect(reply.kind).toBe('computed');
    if (reply.kind !== 'computed') return;
    expect(reply.result?.value).toBe(122);
    expect(reply.arithmetic).toBe('91 + 3 + 28 = 122');
    expect(reply.operands.map((o) => o.hit.citation.clause)).toEqual([1, 2, 3]);
    const json = replyToJson(reply) as { computed?: boolean; operation?: string; operands?: unknown[] };
    expect(json).toMatchObject({ computed: true, operation: 'sum' });
    expect(json.operands).toHaveLength(3);
  });

  it('answers an English question in English, quoting the Chinese sentence', () => {
    const { reply, language } = responder.respond('How many people live in Hunnan?');
    expect(language).toBe('en');
    const text = formatReplyText(reply, { language });
    expect(text).toContain('690,000 people');
    expect(text).toContain('常住人口【69万人】');
    expect(text).toContain('Source:');
  });

  it('tells Traditional from Simplified and answers both alike', () => {
    const hant = responder.respond('渾南區常住人口有多少？');
    const hans = responder.respond('浑南区常住人口有多少？');
    expect(hant.language).toBe('zh-Hant');
    expect(hans.language).toBe('zh-Hans');
    expect(hant.reply.kind === 'found' && hant.reply.hits[0]!.fact.id).toBe(hans.reply.kind === 'found' && hans.reply.hits[0]!.fact.id);
  });

  it('takes a Simplified question with a character OpenCC also rewrites (著称), or one mixing scripts, for Simplified', () => {
    expect(responder.respond('浑南区以什么著称？').language).toBe('zh-Hans');
    expect(responder.respond('国家高新技術企業有幾家？').language).toBe('zh-Hans');
    expect(responder.respond('國家高新技術企業有幾家？').language).toBe('zh-Hant');
  });

  it('reads a follow-up against the same user in the same chat, and only there', () => {
    const store = createContextStore({ ttlMs: 60_000 });
    const me = { store, chatId: 1, userId: 7 };
    responder.respond('智能制造在建项目有多少个？', { conversation: me });
    const followUp = responder.respond('那计划投资呢？', { conversation: me });
    expect(followUp.usedContext).toBe(true);
    expect(followUp.reply.kind === 'found' && followUp.reply.hits[0]!.keyFigure?.raw).toBe('414.5亿元');
    const other = responder.respond('那计划投资呢？', { conversation: { store, chatId: 1, userId: 8 } });
    expect(other.usedContext).toBe(false);
  });
});
