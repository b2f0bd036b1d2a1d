// withBuildHeap (src/host/heap.ts) is transparent to what it runs: the build's value or its error, nested or not.
import { describe, expect, it } from 'vitest';
import { withBuildHeap } from '../../src/host/heap.js';

describe('withBuildHeap', () => {
  it("gives the build's value, nested builds included", async () => {
    await expect(withBuildHeap(async () => 1 + (await withBuildHeap(async () => 41)))).resolves.toBe(42);
  });

  it("passes the build's error on, and the next build still runs", async () => {
    await expect(
      withBuildHeap(async () => {
        throw new Error('unreadable corpus');
      }),
    ).rejects.toThrow('unreadable corpus');
    await expect(withBuildHeap(async () => 'next')).resolves.toBe('next');
  });
});
