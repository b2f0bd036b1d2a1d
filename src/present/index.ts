// The present layer's entry: what the layers above may use.
export * from './defaults.js';
export * from './english/index.js';
export * from './format.js';
export * from './i18n.js';
export * from './render-computed.js';
export * from './render-documents.js';
export * from './render-info.js';
export * from './render-reply.js';
export * from './render.js';
export * from './reply-format.js';
export * from './chart/index.js';
export * from './render-talk.js';
export * from './facts-csv.js';
export * from './document-page.js';
