// The console layer's entry: what the layers above may use.
export * from './chat.js';
