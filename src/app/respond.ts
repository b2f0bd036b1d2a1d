/**
 * One question in, one reply out: the pipeline every adapter (bot, console chat, ask CLI) runs.
 *   1. a short follow-up is read against the same user's previous resolved question in the same chat, or
 *      answered from the sentence the last answer cited ("是去年的几倍？");
 *   2. a question that needs several figures (一共, 哪个最多, 占…的比例) is computed from the
 *      document's own figures, each operand cited;
 *   3. anything else is the engine's cited answer; its related lines are kept only when related, and a
 *      refusal offers questions chosen for it, each one the engine answers.
 * It also tells the reply's language, so the adapter can word its own text to match. converse() reads small
 * talk (greetings, thanks, "你能做什么") first, for the chat adapters.
 */
import type { ComputeRequest, QuestionFrame } from '../question/index.js';
import { documentPeriod, type Figure } from '../facts/index.js';
import type { QuestionLanguage } from '../text/index.js';
import { computeAnswer } from './compute/compute.js';
import { impliedBase, impliedRest } from './compute/implied.js';
import type { ComputedAnswer } from './compute/computed-answer.js';
import { resolveInContext, type ChatId, type ContextStore } from './context/context-store.js';
import { figureFromCited } from './context/from-cited.js';
import { createRelatedFinder } from './related.js';
import { readSmallTalk, withoutGreeting, type SmallTalk } from './small-talk.js';
import { createSuggester, SUGGESTIONS } from './suggest.js';
import type { Answer, Hit } from '../answer/index.js';
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

/**
 * How a question was read: on its own; rewritten from the previous question (a follow-up); answered from
 * the sentence the last answer cited; or a fragment taken for a follow-up that the document answers better
 * on its own.
 */
export type Reading = 'own' | 'rewritten' | 'same-sentence' | 'alone';

export interface Response {
  reply: Reply;
  /** The question as answered: a follow-up rewritten with its context ("那计划投资呢？" → "智能制造计划投资多少？"). */
  question: string;
  usedContext: boolean;
  reading: Reading;
  /** The language and script the user asked in. */
  language: QuestionLanguage;
}

/** What a document says of itself: what "这篇文章是哪天发布的 / 信息来源是哪里 / 属于哪个栏目" are answered with. */
export interface DocumentCredits {
  title: string;
  publisher: string | null;
  period: string | null;
  date: string | null;
  /** 信息来源, as the page states it. */
  source: string | null;
  /** The site section it is filed under. */
  column: string | null;
  /** The unit credited at its end. */
  contributor: string | null;
}

/** What the corpus covers, for small-talk replies: its documents, sections and questions it answers. */
export interface CorpusAbout {
  documents: DocumentCredits[];
  sections: string[];
  examples: string[];
}

/** A chat message: small talk, or a question and its response. */
export type Turn = { kind: 'small-talk'; talk: SmallTalk; about: CorpusAbout } | { kind: 'answer'; response: Response };

export interface Responder {
  respond(question: string, options?: RespondOptions): Response;
  /** A chat message: small talk gets a small-talk turn (never a "not found"), anything else respond(). */
  converse(text: string, options?: RespondOptions): Turn;
  /** Facts related to one (same measure, subject or kind of measure), best first: the "more" button's pages. */
  related(factId: string, limit: number): Hit[];
  /** Whether a fact has related facts at all (cheap: the "more" button's test). */
  hasRelated(factId: string): boolean;
  /** Questions across the corpus the engine answers (each tried), one per section first: /start's buttons. */
  examples(language: 'zh' | 'en', count?: number): string[];
}

function answered(reply: Reply): boolean {
  return reply.kind === 'found' || (reply.kind === 'computed' && reply.result !== null);
}

export function createResponder(engine: Engine): Responder {
  const context = engine.questionContext;
  const read = (question: string) => engine.readQuestion(question);
  const suggester = createSuggester(engine);
  const relatedFinder = createRelatedFinder(engine);
  const answer = (frame: QuestionFrame, options: AskOptions): Reply => {
    if (frame.operation) {
      // "A占B的比重是多少": a share the document states is its answer, cited; computed only when it is not stated.
      if (frame.operation.operation === 'ratio' && frame.operation.ratioAs === 'percent') {
        const stated = engine.ask(frame, options);
        if (stated.kind === 'found' && isShareOf(stated.hits[0]?.keyFigure, stated.hits[0]!.fact.text, frame.operation)) return stated;
      }
      return computeAnswer(frame.operation, engine);
    }
    const reply = engine.ask(frame, options);
    // "Not stated" for a base the document implies (a multiple of it), or what there was before a stated
    // addition: computed, both operands cited.
    if (reply.kind === 'not-found') return impliedBase(reply) ?? impliedRest(frame.text, reply.closest ?? nearestFact(frame)) ?? reply;
    return (reply.kind === 'found' && impliedRest(frame.text, reply.hits[0])) || reply;
  };
  /** The reply as sent: related lines that are related, a refusal's suggestions chosen for its question. */
  const finish = (reply: Reply, frame: QuestionFrame): Reply => {
    if (reply.kind === 'found') return relatedFinder.filter(reply);
    if (reply.kind === 'not-found') return { ...reply, suggestions: suggester.near(frame, reply, SUGGESTIONS) };
    return reply;
  };
  /** The best fact for a question about "before" once the word is set aside (…之前已有多少… → …已有多少…). */
  const nearestFact = (frame: QuestionFrame) => {
    if (!/(?:之前|以前|此前)/.test(frame.text)) return undefined;
    const plain = engine.ask(frame.text.replace(/(?:之前|以前|此前)/, ''), { limit: 1 });
    return plain.kind === 'found' ? plain.hits[0] : undefined;
  };
  const citedOf = (reply: Reply): Hit | null => (reply.kind === 'found' ? (reply.hits[0] ?? null) : null);
  let about: CorpusAbout | null = null;
  const aboutCorpus = (language: 'zh' | 'en'): CorpusAbout => {
    about ??= {
      documents: engine.documents.map((d) => ({
        title: d.title,
        publisher: d.publisher,
        // (The time its figures hold for: stated, else the year and part of it its title or date gives.)
        period: documentPeriod(d.title, d.period, d.date, d.text),
        date: d.date ?? null,
        source: d.source ?? null,
        column: d.column ?? null,
        contributor: d.contributor ?? null,
      })),
      sections: [...new Set(engine.topics().map((t) => t.section))],
      examples: [],
    };
    return { ...about, examples: suggester.examples(language, SUGGESTIONS) };
  };

  const respond = (asked: string, options: RespondOptions = {}): Response => {
    const { conversation, ...askOptions } = options;
    // The question is read once; a follow-up's rewrite is a new question, read once too.
    const frame = read(asked);
    const language = frame.language;
    if (!conversation) {
      return { reply: finish(answer(frame, askOptions), frame), question: asked, usedContext: false, reading: 'own', language };
    }
    const { store, chatId, userId } = conversation;
    const previous = store.get(chatId, userId);
    // The sentence last shown stays the one a follow-up may lean on until another is cited.
    const remember = (resolved: QuestionFrame, reply: Reply) =>
      store.set(chatId, userId, { frame: resolved, cited: citedOf(reply) ?? previous?.cited ?? null });

    // "是去年的几倍？" right after an answer, when the document does not answer it on its own: a figure of the
    // sentence just cited.
    const fromCited = (): Response | null => {
      const cited = previous?.cited;
      if (!cited || frame.text === previous.frame.text) return null;
      const figure = figureFromCited(frame, cited.fact, cited.keyFigure);
      if (figure === null) return null;
      const reply: Answer = { kind: 'found', question: asked, asked: frame.asked, hits: [{ ...cited, keyFigure: figure }] };
      store.set(chatId, userId, { frame: previous.frame, cited: reply.hits[0]! });
      return { reply, question: asked, usedContext: true, reading: 'same-sentence', language };
    };

    const resolved = resolveInContext(store, chatId, userId, frame, read, context, false);
    const reply = answer(resolved.frame, askOptions);
    if (!resolved.usedContext) {
      if (!answered(reply)) {
        const same = fromCited();
        if (same) return same;
      }
      remember(frame, reply);
      return { reply: finish(reply, frame), question: asked, usedContext: false, reading: 'own', language };
    }
    if (answered(reply)) {
      remember(resolved.frame, reply);
      return { reply: finish(reply, resolved.frame), question: resolved.frame.original, usedContext: true, reading: 'rewritten', language };
    }
    // A question taken for a follow-up that the document answers better on its own was a full question. The
    // context stays the last resolved question, so the next follow-up still leans on it.
    const alone = answer(frame, askOptions);
    if (answered(alone)) {
      store.set(chatId, userId, { frame: previous?.frame ?? frame, cited: citedOf(alone) });
      return { reply: finish(alone, frame), question: asked, usedContext: false, reading: 'alone', language };
    }
    const same = fromCited();
    if (same) return same;
    if (previous) store.set(chatId, userId, { frame: previous.frame, cited: previous.cited });
    return {
      reply: finish(reply, resolved.frame),
      question: resolved.frame.original,
      usedContext: true,
      reading: 'rewritten',
      language,
    };
  };

  return {
    respond,
    converse(text, options = {}) {
      const talk = readSmallTalk(text);
      if (talk !== null) return { kind: 'small-talk', talk, about: aboutCorpus(talk.language) };
      return { kind: 'answer', response: respond(withoutGreeting(text), options) };
    },
    related: (factId, limit) => relatedFinder.of(factId, limit),
    hasRelated: (factId) => relatedFinder.has(factId),
    examples: (language, count = SUGGESTIONS) => suggester.examples(language, count),
  };
}

/**
 * A share stated for what a share question names: its measure is the part's (项目投资 for 德清项目投资) and its base
 * the whole's (占全部投资的89.4%; not 占沈阳市的52% for a share of all 双创载体).
 */
function isShareOf(figure: Figure | null | undefined, text: string, request: ComputeRequest): boolean {
  const [part, whole] = request.subjects;
  if (!figure || figure.role !== 'share' || !figure.measure) return false;
  if (part?.kind !== 'named' || whole?.kind !== 'named') return false;
  // The question may name the measure once for both (德清项目 and 全部, of 投资).
  const metric = request.metric ?? '';
  const names = (label: string, words: string) =>
    [label, label + metric].some((name) => (words.length >= 3 && name.includes(words)) || words.includes(name));
  // The whole is the share's subject, or what the sentence says it is a share of (占规模以上工业增加值的比重为76.5%).
  // Or the whole is all of what the part's measure measures: 第二产业投资 of 全部投资 (a structure's part).
  const rest = figure.measure.startsWith(part.label) ? figure.measure.slice(part.label.length) : '';
  const ofWhole =
    (figure.subject !== null && names(whole.label, figure.subject)) ||
    [whole.label, whole.label + metric].some((w) => text.includes(`占${w}`)) ||
    (rest.length >= 2 && (whole.label + metric).replace(/^(?:全部|全体|所有|总)/, '') === rest);
  return names(part.label, figure.measure) && ofWhole;
}
