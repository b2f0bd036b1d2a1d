// Measuring helpers for the bench: percentiles, medians, timed question loops, RSS sampling.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Milliseconds from an arbitrary origin, high resolution. */
export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();

/**
 * The p-th percentile (0..100) of values sorted ascending, by nearest rank: the smallest value with at least
 * p% of the values at or below it. NaN for an empty list.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1] as number;
}

/** The median of values (mean of the middle two for an even count). NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs fn once and returns its result with the wall time it took. */
export function timeOnce<T>(fn: () => T, now: Clock = defaultClock): { ms: number; value: T } {
  const start = now();
  const value = fn();
  return { ms: now() - start, value };
}

/** Same as {@link timeOnce} for async work. */
export async function timeOnceAsync<T>(fn: () => Promise<T>, now: Clock = defaultClock): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  return { ms: now() - start, value };
}

/** Figures of one timed pass over a question list. */
export interface PassResult {
  /** Questions asked in the pass. */
  count: number;
  /** Per-question latency percentiles, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Wall time of the whole pass (including the loop), ms. */
  totalMs: number;
  /** Questions per second over the pass. */
  qps: number;
  /** Highest RSS sampled during the pass, bytes. */
  peakRss: number;
}

export interface PassOptions {
  /** Sample RSS every this many questions (outside the timed call). Default 256. */
  rssEvery?: number;
  now?: Clock;
}

/**
 * Asks `count` questions, cycling through `questions`, timing each call separately.
 * The answer is kept in a sink so the work cannot be optimised away.
 */
export function timeQuestions(
  ask: (question: string) => unknown,
  questions: readonly string[],
  count: number,
  options: PassOptions = {},
): PassResult {
  if (questions.length === 0) throw new Error('timeQuestions: no questions');
  const now = options.now ?? defaultClock;
  const rssEvery = options.rssEvery ?? 256;
  const latencies = new Float64Array(count);
  let peakRss = process.memoryUsage.rss();
  let sink = 0;
  const passStart = now();
  for (let i = 0; i < count; i++) {
    const question = questions[i % questions.length] as string;
    const start = now();
    const answer = ask(question);
    latencies[i] = now() - start;
    if (answer !== undefined) sink++;
    if (i % rssEvery === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const totalMs = now() - passStart;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (sink < 0) throw new Error('unreachable');
  latencies.sort();
  return {
    count,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[count - 1] ?? Number.NaN,
    totalMs,
    qps: totalMs > 0 ? (count * 1000) / totalMs : Number.POSITIVE_INFINITY,
    peakRss,
  };
}

/** The median of each numeric field over several passes (peakRss: the maximum, as a peak should be). */
export function medianPass(passes: readonly PassResult[]): PassResult {
  const of = (key: keyof PassResult): number => median(passes.map((pass) => pass[key]));
  return {
    count: of('count'),
    p50: of('p50'),
    p99: of('p99'),
    max: of('max'),
    totalMs: of('totalMs'),
    qps: of('qps'),
    peakRss: Math.max(...passes.map((pass) => pass.peakRss)),
  };
}

/**
 * Returns a function that runs a full garbage collection, so RSS readings after a build do not count
 * garbage from earlier builds. Uses V8's --expose-gc through a fresh context; call it only in the bench.
 */
export function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc !== 'function') return () => undefined;
  return () => {
    (gc as () => void)();
  };
}

/** Bytes as MB with one decimal. */
export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Milliseconds with precision that suits the magnitude (0.0123 ms, 1.23 ms, 123 ms). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}
