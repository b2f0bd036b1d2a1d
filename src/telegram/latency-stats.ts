// How long the bot takes to handle updates: an HDR histogram (node:perf_hooks, native, constant memory
// whatever the traffic) of handler durations, read as count, p50, p99 and max in milliseconds.
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

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
