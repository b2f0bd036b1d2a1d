/**
 * Rewrites the golden pins (tests/golden/pinned/<set>.json) from the current engine and prints, per
 * set, its hits and every question whose pin moved against the file on disk. See GOLDEN-PINS.md.
 *
 *   npm run golden:update            rewrite every pin file
 *   npm run golden:update -- --check write nothing; exit 1 when a pin would change
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  answerSet,
  canonical,
  formatPins,
  goldenFiles,
  hitCount,
  PIN_SETS,
  pinPath,
  readPins,
  type Pin,
} from '../tests/helpers/golden-pins.js';

const check = process.argv.includes('--check');

/** What moved in one question's pin, field by field ("hit true→false, fact a→b"). */
function describeChange(before: Pin | undefined, after: Pin | undefined): string {
  if (!before) return 'new';
  if (!after) return 'removed';
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k} ${JSON.stringify(b[k] ?? null)}→${JSON.stringify(a[k] ?? null)}`)
    .join(', ');
}

const unpinned = goldenFiles().filter((f) => !PIN_SETS.some((s) => s.name === f));
if (unpinned.length) {
  console.error(`golden files with no pin set in tests/helpers/golden-pins.ts (PIN_SETS): ${unpinned.join(', ')}`);
  process.exit(1);
}

let moved = 0;
for (const set of PIN_SETS) {
  const pins = await answerSet(set);
  const old = readPins(set) ?? {};
  const ids = [...new Set([...Object.keys(old), ...Object.keys(pins)])].sort();
  const changed = ids.filter((id) => canonical(old[id]) !== canonical(pins[id]));
  const total = Object.keys(pins).length;
  const was = Object.keys(old).length ? ` (was ${hitCount(old)}/${Object.keys(old).length})` : ' (new pin file)';
  console.log(`${set.name}: ${hitCount(pins)}/${total} hits${was}; ${changed.length ? `${changed.length} changed` : 'no change'}`);
  // A new pin file lists no ids: every one is new.
  if (Object.keys(old).length) for (const id of changed) console.log(`  ${id}: ${describeChange(old[id], pins[id])}`);
  moved += changed.length;
  if (!check) {
    mkdirSync(dirname(pinPath(set)), { recursive: true });
    writeFileSync(pinPath(set), formatPins(pins));
  }
}
if (check && moved) {
  console.log(`${moved} pin(s) would change; run npm run golden:update and review the diff`);
  process.exit(1);
}
