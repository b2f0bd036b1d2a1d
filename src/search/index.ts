// The search layer's entry: what the layers above may use.
export * from './build-index.js';
export * from './defaults.js';
