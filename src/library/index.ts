// The library layer's entry: the corpus in service (engine holder, reload queue, file watching, documents
// added and removed from Telegram, the ledger), for the adapters and main.ts.
export * from './contexts.js';
export * from './documents.js';
export * from './engine-holder.js';
export * from './ledger.js';
export * from './reload-queue.js';
export * from './watch.js';
