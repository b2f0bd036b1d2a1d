// The corpus layer's entry: what the layers above may use.
export * from './defaults.js';
export * from './document.js';
export * from './load.js';
export * from './segment.js';
export * from './vocabulary-file.js';
export * from './scan.js';
