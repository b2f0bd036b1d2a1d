// How long the bot takes to handle updates: an HDR histogram (node:perf_hooks, native, constant memory
// whatever the traffic) of handler durations, read as count, p50, p99 and max in milliseconds.
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import type { Logger } from '../../host/index.js';
import { systemClock, type Clock } from './clock.js';

export interface LatencySummary {
  /** Updates recorded. */
  handled: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export class LatencyStats {
  #histogram: RecordableHistogram = createHistogram();

  /** Records one duration, in milliseconds (kept to the microsecond; 3 significant digits). */
  record(ms: number): void {
    this.#histogram.record(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.#histogram.count;
  }

  summary(): LatencySummary {
    const h = this.#histogram;
    if (h.count === 0) return { handled: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
    const ms = (us: number) => Math.round(us) / 1000;
    return { handled: h.count, p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) };
  }

  reset(): void {
    this.#histogram.reset();
  }
}

/** How often handler latency is logged while updates come in, by default (polling and webhook alike). */
export const DEFAULT_STATS_INTERVAL_MS = 60_000;

/** Handler latency over a transport's life, logged each interval while updates come in. */
export interface LatencyRecorder {
  record(ms: number): void;
  /** Every update since the start. */
  total(): LatencySummary;
  /** Stops the interval log (the caller logs the total). */
  stop(): void;
}

/**
 * Keeps two histograms, all updates and the last interval, and logs `${label} stats` with the interval's
 * figures every `intervalMs` in which an update was handled (0: never; the total is logged at stop).
 * The interval runs on `clock` (default systemClock: setInterval, unref'd so it never holds the process).
 */
export function recordLatency(
  logger: Logger,
  label: string,
  intervalMs: number,
  inFlight: () => number,
  clock: Pick<Clock, 'setInterval' | 'clearInterval'> = systemClock,
): LatencyRecorder {
  const total = new LatencyStats();
  const recent = new LatencyStats();
  const timer =
    intervalMs > 0
      ? clock
          .setInterval(() => {
            if (recent.count === 0) return;
            logger.info({ ...recent.summary(), inFlight: inFlight(), intervalMs }, `${label} stats`);
            recent.reset();
          }, intervalMs)
          .unref()
      : undefined;
  return {
    record(ms) {
      total.record(ms);
      recent.record(ms);
    },
    total: () => total.summary(),
    stop: () => clock.clearInterval(timer),
  };
}
