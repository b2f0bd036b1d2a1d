// The app layer's entry: what the layers above may use.
export * from './compute/computed-answer.js';
export * from './context/context-store.js';
export * from './related.js';
export * from './respond.js';
export * from './small-talk.js';
export * from './source-context.js';
export * from './suggest.js';
