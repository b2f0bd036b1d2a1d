// The question layer's entry: what the layers above may use.
export * from './analyze.js';
export * from './asked-kind.js';
export * from './defaults.js';
export * from './follow-up-cues.js';
export * from './frame.js';
export * from './lexicon.js';
export * from './dictionary-en.js';
export * from './operation-en.js';
export * from './operation-types.js';
export * from './operation.js';
export * from './synonyms.js';
export * from './glossary-en.js';
export * from './places-en.js';
