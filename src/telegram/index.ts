export { createBot, defaultBotOptions, type BotDeps, type BotOptions } from './create-bot.js';
export { launchBot, ALLOWED_UPDATES, type RunningBot } from './run-bot.js';
export { renderAnswer, renderRelatedPage, splitMessage, escapeHtml, MESSAGE_LIMIT } from './render.js';
export { renderReply, renderMore } from './render-reply.js';
export { pickLang, replyLocale, type Lang, type Locale } from './i18n.js';
