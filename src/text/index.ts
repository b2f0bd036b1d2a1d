// The text layer's entry: what the layers above may use.
export * from './bigrams.js';
export * from './jieba-dictionary.js';
export * from './normalize.js';
export * from './tokenize.js';
export * from './pinyin.js';
export * from './radicals.js';
