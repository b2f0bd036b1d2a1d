export { createBot, defaultBotOptions, type BotDeps, type BotOptions } from './create-bot.js';
export { launchBot, ALLOWED_UPDATES, type RunningBot } from './run-bot.js';
export { renderAnswer, renderRelatedPage, splitMessage, escapeHtml, MESSAGE_LIMIT } from './render.js';
export { pickLang, type Lang } from './i18n.js';
