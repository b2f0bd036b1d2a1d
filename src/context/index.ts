/** Follow-up questions read against the previous question of the same user in the same chat. */
export { chineseBody, MAX_FOLLOW_UP_CHARS, resolveFollowUp, type FollowUpOptions, type ResolvedQuestion } from './follow-up.js';
export { englishBody } from './follow-up-en.js';
export {
  createContextStore,
  DEFAULT_CONTEXT_OPTIONS,
  resolveInContext,
  type ChatId,
  type ContextStore,
  type ContextStoreOptions,
} from './context-store.js';
