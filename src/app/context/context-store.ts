/**
 * The last full question of each user in each chat, for reading follow-ups. In memory only:
 * bounded (least recently used entries go first), expiring after a few minutes, and lost on
 * restart without harm (a follow-up then simply stands on its own).
 */
import type { Hit } from '../../answer/index.js';
import type { QuestionFrame } from '../../question/index.js';
import { rewriteFollowUp, type FollowUpOptions } from './follow-up.js';

export interface ContextStoreOptions {
  /** How long a question stays the context, in milliseconds. Default 5 minutes; any positive number. */
  ttlMs?: number;
  /** How many (chat, user) contexts are kept at most. Default 10,000; at least 1. */
  maxEntries?: number;
  /** The clock, in milliseconds (tests pass a fake one). Default Date.now. */
  now?: () => number;
}

export const DEFAULT_CONTEXT_OPTIONS: Required<ContextStoreOptions> = {
  ttlMs: 5 * 60_000,
  maxEntries: 10_000,
  now: () => Date.now(),
};

export type ChatId = string | number;

/**
 * One user's last turn in a chat: the last question as resolved (a follow-up's rewrite; after a follow-up
 * the document could not answer, the question before it), and the fact the last answer cited, so a
 * follow-up can be answered from that very sentence ("是去年的几倍？").
 */
export interface ConversationTurn {
  frame: QuestionFrame;
  cited: Hit | null;
}

/** Each entry is the previous turn; the tests of the store itself keep strings. */
export interface ContextStore<T = ConversationTurn> {
  /** The previous question of this user in this chat, or null when there is none or it expired. */
  get(chatId: ChatId, userId: ChatId): T | null;
  /** Remembers a question (store the resolved form, so a chain of follow-ups keeps its subject). */
  set(chatId: ChatId, userId: ChatId, question: T): void;
  delete(chatId: ChatId, userId: ChatId): void;
  /** Entries held, expired ones included until they are next touched or pushed out. */
  size(): number;
}

export function createContextStore<T = ConversationTurn>(options: ContextStoreOptions = {}): ContextStore<T> {
  const { ttlMs, maxEntries, now } = { ...DEFAULT_CONTEXT_OPTIONS, ...options };
  if (!(ttlMs > 0)) throw new RangeError(`createContextStore: ttlMs must be positive, got ${ttlMs}`);
  if (!(maxEntries >= 1)) throw new RangeError(`createContextStore: maxEntries must be at least 1, got ${maxEntries}`);
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, { question: T; expires: number }>();
  const keyOf = (chatId: ChatId, userId: ChatId) => `${chatId}\u0000${userId}`;
  return {
    get(chatId, userId) {
      const key = keyOf(chatId, userId);
      const entry = entries.get(key);
      if (!entry) return null;
      if (now() >= entry.expires) {
        entries.delete(key);
        return null;
      }
      return entry.question;
    },
    set(chatId, userId, question) {
      const key = keyOf(chatId, userId);
      entries.delete(key);
      entries.set(key, { question, expires: now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    delete(chatId, userId) {
      entries.delete(keyOf(chatId, userId));
    },
    size: () => entries.size,
  };
}

/** A question as it is to be answered: the frame of the rewrite when context was used, else its own. */
export interface ResolvedFrame {
  frame: QuestionFrame;
  /** True when the previous question supplied the subject or the measure. */
  usedContext: boolean;
}

/**
 * Reads a question in its chat context: a follow-up is rewritten from the previous resolved question (the
 * rewrite read by `read`, the engine's question reader). With `remember` (the default) the result becomes
 * the context; respond() remembers itself, once it knows what was answered.
 */
export function resolveInContext(
  store: ContextStore,
  chatId: ChatId,
  userId: ChatId,
  frame: QuestionFrame,
  read: (question: string) => QuestionFrame,
  options: FollowUpOptions = {},
  remember = true,
): ResolvedFrame {
  const previous = frame.followUp === null ? null : store.get(chatId, userId);
  const rewritten = previous === null ? null : rewriteFollowUp(previous.frame, frame, options);
  const resolved = rewritten === null ? { frame, usedContext: false } : { frame: read(rewritten), usedContext: true };
  if (remember) store.set(chatId, userId, { frame: resolved.frame, cited: null });
  return resolved;
}
