/**
 * Every golden question against its pin (tests/golden/pinned/<set>.json): what the engine answered when
 * the pins were last written, exactly — the top fact, its key figure, whether the golden line's `expect`
 * rule holds, and for computations the operation, the number and the operands. A changed answer fails
 * here by name; if the change is meant, `npm run golden:update` rewrites the pins and the diff shows
 * what moved (GOLDEN-PINS.md).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder, type Responder } from '../../src/app/respond.js';
import {
  engineFor,
  formatPins,
  goldenFiles,
  hitCount,
  PIN_SETS,
  pinPath,
  pinQuestions,
  readPins,
  type Pin,
} from '../helpers/golden-pins.js';

const UPDATE = 'if the change is meant: npm run golden:update, then review the diff of tests/golden/pinned/';

describe('the pin files', () => {
  it('cover every golden file, one pin set each', () => {
    expect(PIN_SETS.map((s) => s.name).sort()).toEqual(goldenFiles());
  });

  it.each(PIN_SETS.map((s) => [s.name]))('%s is written as golden:update writes it', (name) => {
    const set = PIN_SETS.find((s) => s.name === name)!;
    const pins = readPins(set);
    expect(pins, `no ${pinPath(set)}: run npm run golden:update`).not.toBeNull();
    expect(readFileSync(pinPath(set), 'utf8')).toBe(formatPins(pins!));
  });
});

for (const set of PIN_SETS) {
  const questions = pinQuestions(set);
  const pins = readPins(set) ?? {};
  const pinnedHits = hitCount(pins);

  // The full test name is "<set> <id>: <question>" (vitest -t "hunnan-zh z53" runs one).
  describe(set.name, () => {
    const answered = new Map<string, Pin>();
    let engine: Engine;
    let responder: Responder;
    beforeAll(async () => {
      engine = await engineFor(set.corpus);
      responder = createResponder(engine);
    }, 60_000);

    it('pins exactly the questions of the file', () => {
      expect(Object.keys(pins).sort(), UPDATE).toEqual(questions.map((q) => q.id).sort());
    });

    it.each(questions.map((q) => [q.id, q.text, q] as const))('%s: %s', (id, text, q) => {
      const pin = q.answer(engine, responder);
      answered.set(id, pin);
      expect(pin, `${set.name} ${id} "${text}"; ${UPDATE}`).toEqual(pins[id]);
    });

    it(`hits ${pinnedHits} of ${questions.length}, the pinned count`, () => {
      const hits = questions.filter((q) => (answered.get(q.id) ?? q.answer(engine, responder)).hit).length;
      expect(hits, UPDATE).toBe(pinnedHits);
    });
  });
}
