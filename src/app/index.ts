// The app layer's entry: what the layers above may use.
export * from './compute/computed-answer.js';
export * from './context/context-store.js';
export * from './respond.js';
