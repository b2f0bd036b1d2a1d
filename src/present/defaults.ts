/**
 * How much a reply shows, in every medium (bot, console, CLI). Each value: meaning, default, range.
 */

/** Hits in a full answer (the answer plus related facts). Default 3; 1–20 (the engine's limit). */
export const FULL_ANSWER_HITS = 3;
/** Related facts per "更多相关数据" page. Default 3; 1–10 (a page is one message). */
export const RELATED_PAGE_SIZE = 3;
/** Inline results per query. Default 5; 1–50 (Telegram's limit). */
export const INLINE_RESULTS = 5;
