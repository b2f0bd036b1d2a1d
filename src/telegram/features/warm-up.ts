// Warming the answer path before the bot takes updates. A Node process just started runs its code cold
// (interpreted, then compiled as it gets hot): the first thousand or so answers cost about twice the CPU of
// later ones, and Telegram delivers the updates queued during a restart all at once. So before it starts
// polling or registers its webhook, the bot answers questions made from its own corpus — each section's
// sample question, each figure's subject asked for, each fact's opening words — and renders the replies the
// way it sends them, for a bounded time. Nothing is sent and no conversation is touched. (The first reply in
// Traditional characters still loads OpenCC's phrase tables then, about 40 MB that a bot whose users never
// write Traditional characters does not need.)
// Measured with `npm run bench:load` (docs/BOT.md, "Load").
import type { Engine } from '../../answer/index.js';
import { createResponder } from '../../app/index.js';
import { renderReply } from '../../present/index.js';
import { FULL_ANSWER_HITS } from './runtime.js';

export interface WarmUpOptions {
  /** Longest the warm-up may take, in ms. Default 400. */
  budgetMs?: number;
  /** Passes over the questions at most. Default 10. */
  rounds?: number;
  /** Clock for the budget, in ms (tests pass a fake one). Default Date.now. */
  now?: () => number;
}

export const defaultWarmUp = { budgetMs: 400, rounds: 10 } as const;

export interface WarmUpResult {
  /** Questions answered and rendered. */
  answered: number;
  ms: number;
}

/** Questions made from the corpus itself: what the engine is asked in practice, in a few shapes. */
export function warmUpQuestions(engine: Engine): string[] {
  const questions = new Set<string>();
  for (const topic of engine.topics()) questions.add(topic.sampleQuestion);
  for (const fact of engine.facts) {
    for (const figure of fact.figures) if (figure.subject) questions.add(`${figure.subject}有多少？`);
    if (fact.subject) questions.add(`${fact.subject}是多少？`);
    questions.add(fact.text.slice(0, 24));
  }
  return [...questions];
}

/** Answers and renders the corpus's own questions until `rounds` passes are done or the budget is spent. */
export function warmUp(engine: Engine, options: WarmUpOptions = {}): WarmUpResult {
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? defaultWarmUp.budgetMs;
  const rounds = options.rounds ?? defaultWarmUp.rounds;
  const responder = createResponder(engine);
  const questions = warmUpQuestions(engine);
  const started = now();
  let answered = 0;
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      if (now() - started >= budgetMs) return { answered, ms: now() - started };
      // Groups get the short reply with one hit, private chats the full one (as answer-question.ts asks).
      const style = answered % 2 === 0 ? 'short' : 'full';
      const { reply, language } = responder.respond(question, { limit: style === 'short' ? 1 : FULL_ANSWER_HITS });
      renderReply(reply, { lang: 'zh', language, style, subjectsEn: engine.vocabulary.subjectsEn });
      answered += 1;
    }
  }
  return { answered, ms: now() - started };
}
