// The host layer's entry: what the layers above may use.
export * from './config.js';
export * from './log.js';
export * from './heap.js';
