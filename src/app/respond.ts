/**
 * One question in, one reply out: the pipeline every adapter (bot, console chat, ask CLI) runs.
 *   1. a short follow-up is read against the same user's previous question in the same chat;
 *   2. a question that needs several figures (一共, 哪个最多, 占…的比例) is computed from the
 *      document's own figures, each operand cited;
 *   3. anything else is the engine's cited answer.
 * It also tells the reply's language, so the adapter can word its own text to match.
 */
import type { QuestionFrame } from '../question/index.js';
import type { QuestionLanguage } from '../text/index.js';
import { computeAnswer } from './compute/compute.js';
import { impliedBase, impliedRest } from './compute/implied.js';
import type { ComputedAnswer } from './compute/computed-answer.js';
import { resolveInContext, type ChatId, type ContextStore } from './context/context-store.js';
import type { Answer } from '../answer/index.js';
import type { AskOptions, Engine } from '../answer/index.js';

export type Reply = Answer | ComputedAnswer;

export interface Conversation {
  store: ContextStore;
  chatId: ChatId;
  userId: ChatId;
}

export interface RespondOptions extends AskOptions {
  /** Where the question was asked, for follow-ups; none: the question stands alone. */
  conversation?: Conversation;
}

export interface Response {
  reply: Reply;
  /** The question as answered: a follow-up rewritten with its context ("那计划投资呢？" → "智能制造计划投资多少？"). */
  question: string;
  usedContext: boolean;
  /** The language and script the user asked in. */
  language: QuestionLanguage;
}

export interface Responder {
  respond(question: string, options?: RespondOptions): Response;
}

function answered(reply: Reply): boolean {
  return reply.kind === 'found' || (reply.kind === 'computed' && reply.result !== null);
}

export function createResponder(engine: Engine): Responder {
  const context = engine.questionContext;
  const read = (question: string) => engine.readQuestion(question);
  const answer = (frame: QuestionFrame, options: AskOptions): Reply => {
    if (frame.operation) return computeAnswer(frame.operation, engine);
    const reply = engine.ask(frame, options);
    // "Not stated" for a base the document implies (a multiple of it), or what there was before a stated
    // addition: computed, both operands cited.
    if (reply.kind === 'not-found') return impliedBase(reply) ?? impliedRest(frame.text, reply.closest ?? nearestFact(frame)) ?? reply;
    return (reply.kind === 'found' && impliedRest(frame.text, reply.hits[0])) || reply;
  };
  /** The best fact for a question about "before" once the word is set aside (…之前已有多少… → …已有多少…). */
  const nearestFact = (frame: QuestionFrame) => {
    if (!/(?:之前|以前|此前)/.test(frame.text)) return undefined;
    const plain = engine.ask(frame.text.replace(/(?:之前|以前|此前)/, ''), { limit: 1 });
    return plain.kind === 'found' ? plain.hits[0] : undefined;
  };
  return {
    respond(asked, options = {}) {
      const { conversation, ...askOptions } = options;
      // The question is read once; a follow-up's rewrite is a new question, read once too.
      const frame = read(asked);
      const resolved = conversation
        ? resolveInContext(conversation.store, conversation.chatId, conversation.userId, frame, read, context)
        : { frame, usedContext: false };
      const language = frame.language;
      const reply = answer(resolved.frame, askOptions);
      // A question taken for a follow-up that the document answers better on its own was a full question.
      if (resolved.usedContext && !answered(reply)) {
        const alone = answer(frame, askOptions);
        if (answered(alone)) return { reply: alone, question: asked, usedContext: false, language };
      }
      return { reply, question: resolved.frame.original, usedContext: resolved.usedContext, language };
    },
  };
}
