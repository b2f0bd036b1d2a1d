// The telegram layer's entry: what the layers above may use.
export * from './create-bot.js';
export * from './features/warm-up.js';
export * from './run-bot.js';
export { documentPages, type PageHandler } from './transport/document-pages.js';
