// Follow-up contexts across engine swaps. Each user's last question is kept with the version of the engine
// that read it; the first time it is used after a swap it is re-read by the engine now in service and kept
// only if that engine still answers it (a question about a document taken out is dropped, and the follow-up
// then stands on its own). Nothing is done at the swap itself, so a swap costs nothing per context.
import { createContextStore, type ContextStore, type ContextStoreOptions } from '../app/index.js';
import type { QuestionFrame } from '../question/index.js';
import type { EngineHolder } from './engine-holder.js';

interface Versioned {
  frame: QuestionFrame;
  version: number;
}

/** A context store for the bot whose entries follow the engine in service. */
export function createServedContextStore(holder: EngineHolder, options: ContextStoreOptions = {}): ContextStore {
  const inner = createContextStore<Versioned>(options);
  return {
    get(chatId, userId) {
      const entry = inner.get(chatId, userId);
      if (entry === null) return null;
      const served = holder.current();
      if (entry.version === served.version) return entry.frame;
      const frame = served.engine.readQuestion(entry.frame.original);
      const still = frame.operation !== null || served.engine.ask(frame, { limit: 1 }).kind === 'found';
      if (!still) {
        inner.delete(chatId, userId);
        return null;
      }
      inner.set(chatId, userId, { frame, version: served.version });
      return frame;
    },
    set(chatId, userId, frame) {
      inner.set(chatId, userId, { frame, version: holder.current().version });
    },
    delete: (chatId, userId) => inner.delete(chatId, userId),
    size: () => inner.size(),
  };
}
