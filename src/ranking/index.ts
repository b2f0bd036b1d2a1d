// The ranking layer's entry: what the layers above may use.
export * from './defaults.js';
export * from './rank.js';
export * from './score-parts.js';
