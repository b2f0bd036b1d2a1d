// The answer layer's entry: what the layers above may use.
export * from './answer.js';
export * from './build-engine.js';
export * from './engine-types.js';
export * from './defaults.js';
export * from './verify.js';
export * from './engine-cache.js';
export * from './engine-cache.js';
