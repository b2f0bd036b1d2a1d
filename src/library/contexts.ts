// Follow-up contexts across engine swaps. Each user's last question is kept with the version of the engine
// that read it; the first time it is used after a swap it is re-read by the engine now in service and kept
// only if that engine still answers it (a question about a document taken out is dropped, and the follow-up
// then stands on its own). Nothing is done at the swap itself, so a swap costs nothing per context.
import { createContextStore, type ContextStore, type ContextStoreOptions, type ConversationTurn } from '../app/index.js';
import type { EngineHolder } from './engine-holder.js';

interface Versioned {
  turn: ConversationTurn;
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
      if (entry.version === served.version) return entry.turn;
      const frame = served.engine.readQuestion(entry.turn.frame.original);
      const still = frame.operation !== null || served.engine.ask(frame, { limit: 1 }).kind === 'found';
      if (!still) {
        inner.delete(chatId, userId);
        return null;
      }
      // The sentence last cited stays citable only if the new engine has the very same fact.
      const cited = entry.turn.cited;
      const fact = cited ? served.engine.factById(cited.fact.id) : undefined;
      const turn = { frame, cited: cited && fact && fact.text === cited.fact.text ? { ...cited, fact } : null };
      inner.set(chatId, userId, { turn, version: served.version });
      return turn;
    },
    set(chatId, userId, turn) {
      inner.set(chatId, userId, { turn, version: holder.current().version });
    },
    delete: (chatId, userId) => inner.delete(chatId, userId),
    size: () => inner.size(),
  };
}
