// V8's heap while an engine is built: less headroom between collections, for a lower peak. A build allocates
// quickly, so V8 lets the old generation grow up to four times over before it collects again; at 50% growth
// per collection, a cold build of 1.7 M characters (3,768 passages, this 2-core machine) peaked at 352–359 MB
// RSS instead of 380–396 MB. Only while building: serving questions with it made the seed corpus's p99 2.7 ms
// instead of 0.6 ms (more frequent full collections), so the setting goes back to V8's own when the build ends.
// (The setting is the process's: questions the bot answers while a reload builds, between the build's awaits, see it
// too, for that while.)
// (Smaller young-generation semi-spaces, --max-semi-space-size=4, took another 30 MB off the build's peak but
// can only be set on the command line, for the whole process, and made the seed p99 0.8 ms: not used.)
import { setFlagsFromString } from 'node:v8';

let building = 0;

/** Runs a build with the heap grown by at most half again per collection (V8 reads it at every collection). */
export async function withBuildHeap<T>(build: () => Promise<T>): Promise<T> {
  if (building++ === 0) setFlagsFromString('--heap-growing-percent=50');
  try {
    return await build();
  } finally {
    if (--building === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
