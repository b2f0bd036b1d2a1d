// The engine in service, and the one place a new engine is put in service. Readers (the bot, the console
// chat) take `current()` when they start on a request and keep using what they took, so a question in
// flight finishes on the engine it started on while the next one gets the new engine. The swap itself is
// one assignment: there is never a half-built engine in service.
import { EventEmitter } from 'node:events';
import type { Engine } from '../answer/index.js';
import { createResponder, type Responder } from '../app/index.js';
import type { CorpusScan } from '../corpus/index.js';

/** An engine with what is derived from it once: its responder and the example questions. */
export interface ServedCorpus {
  readonly engine: Engine;
  readonly responder: Responder;
  /** The questions behind the /start buttons, each one the engine answers (Responder.examples). */
  readonly examples: readonly string[];
  /** The same in English. */
  readonly examplesEn: readonly string[];
  /** 1 for the engine built at start, +1 for each swap. */
  readonly version: number;
  /** The corpus folder as it was when this engine was built (null: not built from a folder). */
  readonly scan: CorpusScan | null;
  /** When it was put in service (ms since the epoch). */
  readonly since: number;
}

export interface EngineHolder {
  current(): ServedCorpus;
  /** Puts a new engine in service; returns what is now served. Listeners of 'swap' hear (next, previous). */
  swap(engine: Engine, scan: CorpusScan | null): ServedCorpus;
  on(event: 'swap', listener: (next: ServedCorpus, previous: ServedCorpus) => void): this;
  off(event: 'swap', listener: (next: ServedCorpus, previous: ServedCorpus) => void): this;
}

/** How many example questions each served corpus keeps. */
const EXAMPLES = 3;

function serve(engine: Engine, scan: CorpusScan | null, version: number, now: number): ServedCorpus {
  const responder = createResponder(engine);
  // Each example is tried through the engine (tens of milliseconds in all): done at first use, not at start.
  let examples: readonly string[] | undefined;
  let examplesEn: readonly string[] | undefined;
  return {
    engine,
    responder,
    get examples() {
      return (examples ??= responder.examples('zh', EXAMPLES));
    },
    get examplesEn() {
      return (examplesEn ??= responder.examples('en', EXAMPLES));
    },
    version,
    scan,
    since: now,
  };
}

class Holder extends EventEmitter implements EngineHolder {
  private served: ServedCorpus;
  constructor(
    engine: Engine,
    scan: CorpusScan | null,
    private readonly now: () => number,
  ) {
    super();
    this.served = serve(engine, scan, 1, now());
  }
  current(): ServedCorpus {
    return this.served;
  }
  swap(engine: Engine, scan: CorpusScan | null): ServedCorpus {
    const previous = this.served;
    this.served = serve(engine, scan, previous.version + 1, this.now());
    this.emit('swap', this.served, previous);
    return this.served;
  }
}

/** A holder serving `engine` (built from the folder `scan` describes, when known). */
export function createEngineHolder(engine: Engine, scan: CorpusScan | null = null, now: () => number = Date.now): EngineHolder {
  return new Holder(engine, scan, now);
}
